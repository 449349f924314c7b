namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// Typing in a chat window: who else is typing ("bob is typing…", gone <see cref="ChatWindowViewModel.TypingShownFor"/>
/// after their last notice or at their message), and whether this rep's keystroke is worth announcing (at most once
/// every <see cref="ChatWindowViewModel.TypingSentEvery"/>). Each change returns the note to show: "bob is typing…",
/// "bob and carol are typing…", or <c>null</c>.
/// </summary>
internal sealed class ChatTypingNotices(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _others = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _announced = DateTimeOffset.MinValue;

    /// <summary>Whether a note is shown (and so has to expire).</summary>
    public bool Any => _others.Count > 0;

    /// <summary>True, and remembered, when this rep's keystroke should be announced now.</summary>
    public bool ShouldAnnounce()
    {
        var now = time.GetUtcNow();
        if (now - _announced < ChatWindowViewModel.TypingSentEvery)
        {
            return false;
        }

        _announced = now;
        return true;
    }

    public string? Typing(string userName)
    {
        _others[userName] = time.GetUtcNow();
        return Text();
    }

    /// <summary>Their message arrived: they are no longer typing it.</summary>
    public string? MessageFrom(string userName)
    {
        _others.Remove(userName);
        return Text();
    }

    public string? Expire()
    {
        var now = time.GetUtcNow();
        foreach (var (user, since) in _others.ToList())
        {
            if (now - since >= ChatWindowViewModel.TypingShownFor)
            {
                _others.Remove(user);
            }
        }

        return Text();
    }

    public string? Clear()
    {
        _others.Clear();
        return Text();
    }

    private string? Text()
    {
        var names = _others.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count switch
        {
            0 => null,
            1 => $"{names[0]} is typing…",
            _ => $"{string.Join(", ", names[..^1])} and {names[^1]} are typing…",
        };
    }
}
