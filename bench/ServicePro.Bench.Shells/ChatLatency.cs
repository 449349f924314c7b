using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.Bench.Shells;

/// <summary>
/// alice and bob in one Workbench chat; alice sends messages one at a time from her text entry, each timed from her
/// Enter key (a capturing keydown listener in her page) to the moment its text is in bob's chat window (a
/// MutationObserver in his page). Both pages run in one browser on this machine, so both read the same clock.
/// </summary>
public sealed class ChatLatency(ShellBrowser browser, TextWriter log)
{
    /// <summary>Sent first and not counted: past the runtime's 30 calls that promote a method to optimized code.</summary>
    public const int WarmUpMessages = 40;

    private const string AliceScript = """
        () => {
          window.__bench = { sentAt: null };
          document.addEventListener('keydown', e => {
            if (e.key === 'Enter' && !e.shiftKey && e.target.matches('[data-testid=chat-input]')) {
              window.__bench.sentAt = performance.timeOrigin + performance.now();
            }
          }, true);
        }
        """;

    private const string BobScript = """
        () => {
          window.__bench = { token: null, seenAt: null };
          new MutationObserver(() => {
            const bench = window.__bench;
            if (bench.token === null || bench.seenAt !== null) return;
            const dialog = document.querySelector('[data-testid=chat-window] [data-testid=chat-dialog]');
            if (dialog && dialog.textContent.includes(bench.token)) {
              bench.seenAt = performance.timeOrigin + performance.now();
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public async Task<Latencies> RunAsync(int messages)
    {
        var alice = await ShellBrowser.OpenShellAsync(await browser.NewContextAsync("alice", lean: false));
        var bob = await ShellBrowser.OpenShellAsync(await browser.NewContextAsync("bob", lean: false));
        try
        {
            await StartChatAsync(alice, bob);
            await alice.EvaluateAsync(AliceScript);
            await bob.EvaluateAsync(BobScript);
            var input = alice.GetByTestId("chat-window").GetByTestId("chat-input");

            for (var i = 0; i < WarmUpMessages; i++)
            {
                await SendAsync(alice, bob, input, "warm-up " + i, $"[w{i:000}]");
            }

            var latencies = new Latencies();
            for (var i = 0; i < messages; i++)
            {
                latencies.Add(await SendAsync(alice, bob, input, Text(i), $"[m{i:000}]"));
                if ((i + 1) % 50 == 0)
                {
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}/{messages} messages; median so far {latencies.Percentile(50):F1} ms"));
                }
            }

            return latencies;
        }
        finally
        {
            await ShellBrowser.CloseAsync([alice.Context, bob.Context]);
        }
    }

    /// <summary>What reps type: Cyrillic, CJK, emoji (with a skin-tone modifier) and plain ASCII in turn.</summary>
    public static string Text(int i) => (i % 4) switch
    {
        0 => "Привет, Боб! Принтер на третьем этаже снова зажевал бумагу",
        1 => "你好，鲍勃：三楼的打印机又卡纸了，能看一下吗？",
        2 => "Printer again 🖨️🔥 can you look? 👍🏽",
        _ => "Hello bob, the VPN drops at noon every day",
    };

    private static async Task StartChatAsync(IPage alice, IPage bob)
    {
        await alice.GetByTestId("chat-start").ClickAsync();
        var invite = alice.GetByTestId("invite-dialog");
        await Expect(invite).ToBeVisibleAsync();
        await Expect(invite.GetByTestId("invite-candidate-bob").Locator("input")).ToBeEnabledAsync();
        await invite.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await invite.GetByTestId("invite-send").ClickAsync();
        await Expect(invite).ToHaveCountAsync(0);

        await bob.GetByTestId("invitation-accept").ClickAsync();
        await Expect(bob.GetByTestId("chat-window")).ToHaveAttributeAsync("data-session-id", (await alice.GetByTestId("chat-window").GetAttributeAsync("data-session-id"))!);
        await Expect(alice.GetByTestId("chat-window").GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
    }

    /// <returns>Milliseconds from alice's Enter to the text in bob's window.</returns>
    private static async Task<double> SendAsync(IPage alice, IPage bob, ILocator input, string text, string token)
    {
        await bob.EvaluateAsync("token => { window.__bench.token = token; window.__bench.seenAt = null; }", token);
        await alice.EvaluateAsync("() => { window.__bench.sentAt = null; }");
        await input.FillAsync($"{text} {token}");
        await input.PressAsync("Enter");
        await bob.WaitForFunctionAsync("() => window.__bench.seenAt !== null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        // The entry is empty again once alice's own window has taken the message: the next one starts from there.
        await Expect(input).ToHaveValueAsync(string.Empty);
        var sentAt = await alice.EvaluateAsync<double?>("() => window.__bench.sentAt") ?? throw new InvalidOperationException("alice's page saw no Enter in the chat entry.");
        var seenAt = await bob.EvaluateAsync<double>("() => window.__bench.seenAt");
        return seenAt - sentAt;
    }
}
