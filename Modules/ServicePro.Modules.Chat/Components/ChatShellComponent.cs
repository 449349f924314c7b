using Microsoft.AspNetCore.Components;
using ServicePro.Modules.Chat.Shell;

namespace ServicePro.Modules.Chat.Components;

/// <summary>A chat view that follows the circuit's <see cref="ChatShell"/>: it starts chat once interactive and renders on every change.</summary>
public abstract class ChatShellComponent : ComponentBase, IDisposable
{
    [Inject]
    protected ChatShell Shell { get; set; } = default!;

    public void Dispose()
    {
        Shell.Changed -= OnShellChanged;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected override void OnInitialized() => Shell.Changed += OnShellChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Chat runs in the circuit: never while prerendering.
        if (firstRender && RendererInfo.IsInteractive)
        {
            await Shell.EnsureStartedAsync(action => InvokeAsync(action));
            await OnChatStartedAsync();
            StateHasChanged();
        }
    }

    /// <summary>Runs once chat has started in this shell (it may have failed: see <see cref="ChatShell.Error"/>).</summary>
    protected virtual Task OnChatStartedAsync() => Task.CompletedTask;

    private void OnShellChanged() => _ = InvokeAsync(StateHasChanged);
}
