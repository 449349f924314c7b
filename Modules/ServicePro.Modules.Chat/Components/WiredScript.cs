using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace ServicePro.Modules.Chat.Components;

/// <summary>
/// A component's script (chat-entry.js, chat-attachments.js), imported after the first render and wired to one of its
/// elements. The wiring is an extra of the component, never what keeps chat up: it may finish after the component has
/// gone (the chat ended while the script was still loading on a slow network), and is then undone at once; a script
/// that fails is logged and the component goes on without it. Before, such a failure reached the pop-ups' error
/// boundary and took every chat window and invitation of the shell down with it.
/// </summary>
internal sealed class WiredScript(IJSRuntime js, ILogger logger) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _wired;
    private Task? _wiring;
    private bool _disposed;

    /// <summary>Imports <paramref name="script"/> and calls its <paramref name="function"/> with the element, once.</summary>
    public Task WireAsync(string script, string function, ElementReference element) => _wiring ??= RunAsync(script, function, element);

    /// <summary>The wired script once the wiring has finished; <c>null</c> when it failed or the component has gone.</summary>
    public async Task<IJSObjectReference?> ReadyAsync()
    {
        if (_wiring is not null)
        {
            await _wiring;
        }

        return _disposed ? null : _wired;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_wiring is null || _wiring.IsCompleted)
        {
            await ReleaseAsync();
        }

        // Otherwise the wiring releases what it made when it finishes.
    }

    private async Task RunAsync(string script, string function, ElementReference element)
    {
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", script);
            _wired = await _module.InvokeAsync<IJSObjectReference>(function, element);
        }
        catch (JSDisconnectedException)
        {
            // The circuit has gone, and the page with it.
        }
        catch (JSException ex)
        {
            logger.LogWarning(ex, "The chat script {Script} could not be wired; the part of the window it serves goes on without it", script);
        }

        if (_disposed)
        {
            await ReleaseAsync();
        }
    }

    private async Task ReleaseAsync()
    {
        var (wired, module) = (_wired, _module);
        (_wired, _module) = (null, null);
        try
        {
            if (wired is not null)
            {
                await wired.InvokeVoidAsync("dispose");
                await wired.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit has gone, and the page's listeners with it.
        }
    }
}
