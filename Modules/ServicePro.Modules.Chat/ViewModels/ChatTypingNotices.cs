namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// Typing in a chat window: who else is typing ("bob is typing…", gone <see cref="ChatWindowViewModel.TypingShownFor"/>
/// after their last notice or at their message), and whether this rep's keystroke is worth announcing (at most once
/// every <see cref="ChatWindowViewModel.TypingSentEvery"/>).
/// </summary>
internal sealed class ChatTypingNotices(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _others = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _announced = DateTimeOffset.MinValue;

    /// <summary>Whether a note is shown (and so has to expire).</summary>
    public bool Any => _others.Count > 0;

    /// <summary>"bob is typing…", "bob and carol are typing…", or <c>null</c>.</summary>
    public string? Text { get; private set; }

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

    public void Typing(string userName)
    {
        _others[userName] = time.GetUtcNow();
        Update();
    }

    /// <summary>Their message arrived: they are no longer typing it.</summary>
    public void MessageFrom(string userName)
    {
        if (_others.Remove(userName))
        {
            Update();
        }
    }

    public void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var (user, since) in _others.ToList())
        {
            if (now - since >= ChatWindowViewModel.TypingShownFor)
            {
                _others.Remove(user);
            }
        }

        Update();
    }

    public void Clear()
    {
        _others.Clear();
        Update();
    }

    private void Update()
    {
        var names = _others.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
        Text = names.Count switch
        {
            0 => null,
            1 => $"{names[0]} is typing…",
            _ => $"{string.Join(", ", names[..^1])} and {names[^1]} are typing…",
        };
    }
}
