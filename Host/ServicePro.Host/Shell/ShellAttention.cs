using Microsoft.JSInterop;
using ServicePro.Contracts.Shell;

namespace ServicePro.Host.Shell;

/// <summary>
/// <see cref="IShellAttention"/> for one circuit, through wwwroot/shell-attention.js (the page knows whether it is
/// hidden, which notifications the rep allowed and whether she wants sound). Also what the shell's notifications
/// control reads and changes.
/// </summary>
public sealed class ShellAttention(IJSRuntime js) : IShellAttention, IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    public async ValueTask<bool> NotifyAsync(string title, string body, string tag, CancellationToken cancellationToken = default) =>
        await InvokeAsync<bool>("notify", cancellationToken, title, body, tag);

    public async ValueTask<bool> CountUnreadAsync(int count = 1, CancellationToken cancellationToken = default) =>
        count > 0 && await InvokeAsync<bool>("countUnread", cancellationToken, count);

    /// <summary>Whether the browser allows notifications ("default" = not asked yet) and whether sound is on.</summary>
    public async ValueTask<ShellAttentionState> GetStateAsync(CancellationToken cancellationToken = default) =>
        await InvokeAsync<ShellAttentionState>("state", cancellationToken) ?? new ShellAttentionState("unsupported", false);

    /// <summary>Asks the browser for permission; call only from the rep's click.</summary>
    public async ValueTask<string> RequestPermissionAsync(CancellationToken cancellationToken = default) =>
        await InvokeAsync<string>("requestPermission", cancellationToken) ?? "unsupported";

    /// <summary>Switches the chime on or off in this browser.</summary>
    public async ValueTask SetSoundAsync(bool on, CancellationToken cancellationToken = default) =>
        await InvokeAsync<object>("setSound", cancellationToken, on);

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await (await _module).DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone and took the module with it.
            }
        }
    }

    private async ValueTask<T?> InvokeAsync<T>(string identifier, CancellationToken cancellationToken, params object?[] args)
    {
        try
        {
            _module ??= js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./shell-attention.js").AsTask();
            var module = await _module;
            return await module.InvokeAsync<T>(identifier, cancellationToken, args);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or InvalidOperationException or TaskCanceledException)
        {
            // No page (prerendering, a closed tab) or a browser without the API: there is nobody to tell.
            _module = null;
            return default;
        }
    }
}
