namespace ServicePro.Contracts.Shell;

/// <summary>
/// Gets the signed-in rep's attention when the shell's browser tab is not in front (one per Blazor circuit). While the
/// tab is hidden, a notice raises a browser notification (when she turned notifications on), plays a short sound (when
/// she switched sound on in this browser) and counts in the tab title, e.g. "(3) ServicePro"; the count clears when she
/// returns to the tab. While the tab is visible nothing happens: the module's own UI shows what arrived.
/// </summary>
/// <remarks>Available from Contracts 1.2. Calls never throw when the page has gone away; they simply do nothing.</remarks>
public interface IShellAttention
{
    /// <summary>Raises a notice for something addressed to the rep (an invitation, a mention of her).</summary>
    /// <param name="title">The notification's title, e.g. "bob mentioned you".</param>
    /// <param name="body">The notification's text.</param>
    /// <param name="tag">Identifies the notice: a second notice with the same tag replaces the first instead of adding one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the tab was hidden and the notice was raised.</returns>
    ValueTask<bool> NotifyAsync(string title, string body, string tag, CancellationToken cancellationToken = default);

    /// <summary>Counts unread things (e.g. messages from others) in the tab title while the tab is hidden, without a notification.</summary>
    /// <param name="count">How many arrived.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the tab was hidden and the count went up.</returns>
    ValueTask<bool> CountUnreadAsync(int count = 1, CancellationToken cancellationToken = default);
}
