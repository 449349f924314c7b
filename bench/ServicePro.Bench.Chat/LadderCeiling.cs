using System.Globalization;

namespace ServicePro.Bench.Chat;

/// <summary>
/// Issue 11's first target, read off a ladder. A hub holds a step when its delivery p99 stayed under 250 ms with every
/// message stored and delivered; its ceiling lies between the highest step it held (with every lower one) and the
/// first step it did not. A ladder has steps, not every rate, so the ratio of the two ceilings is given as the range
/// those steps allow.
/// </summary>
public static class LadderCeiling
{
    public const double LimitMilliseconds = 250;

    /// <summary>The target for the ratio of the chat's ceiling to the bare hub's.</summary>
    public const double Target = 0.6;

    /// <summary>
    /// The highest rate held, with every lower step (<c>null</c> when the first step was already over), and the first
    /// rate not held (<c>null</c> when the ladder's top was held).
    /// </summary>
    public static (int? Held, int? Over) Of(IReadOnlyList<RatePhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        int? held = null;
        foreach (var phase in phases)
        {
            if (!Holds(phase))
            {
                return (held, phase.Rate);
            }

            held = phase.Rate;
        }

        return (held, null);
    }

    /// <summary>One sentence for the report: both ceilings and the range of their ratio, against the target.</summary>
    public static string Describe(IReadOnlyList<RatePhase> chat, IReadOnlyList<RatePhase> bare)
    {
        var (chatHeld, chatOver) = Of(chat);
        var (bareHeld, bareOver) = Of(bare);

        // chat ∈ [chatHeld, chatOver) and bare ∈ [bareHeld, bareOver); an end that is not known bounds nothing.
        double? above = chatHeld is { } ch && bareOver is { } bo ? (double)ch / bo : null;
        double? below = chatOver is { } co && bareHeld is { } bh ? (double)co / bh : null;
        var ratio = (above, below) switch
        {
            ({ } a, { } b) => $"chat ÷ bare between {Format(a)} and {Format(b)}",
            ({ } a, null) => $"chat ÷ bare above {Format(a)}",
            (null, { } b) => $"chat ÷ bare below {Format(b)}",
            _ => "no ratio within this ladder",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Ceiling (delivery p99 under {LimitMilliseconds:N0} ms with nothing refused, unanswered or missing, at a step and every lower one): chat {Range(chatHeld, chatOver)}, bare {Range(bareHeld, bareOver)}; {ratio} (issue 11 asks for at least {Target:0.0}×).");
    }

    private static bool Holds(RatePhase phase)
    {
        var p99 = phase.Deliveries.Percentile(99);
        return !double.IsNaN(p99) && p99 < LimitMilliseconds && phase.Errors.IsEmpty && phase.Unanswered == 0 && phase.Missing == 0;
    }

    private static string Range(int? held, int? over) => (held, over) switch
    {
        (null, { } o) => string.Create(CultureInfo.InvariantCulture, $"below {o:N0} msgs/s (over at the first step)"),
        ({ } h, null) => string.Create(CultureInfo.InvariantCulture, $"{h:N0} msgs/s or more (held at the ladder's top)"),
        ({ } h, { } o) => string.Create(CultureInfo.InvariantCulture, $"at least {h:N0} and below {o:N0} msgs/s"),
        _ => "not measured",
    };

    private static string Format(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";
}
