using Microsoft.AspNetCore.Components;
using ServicePro.Contracts.Events;

namespace ServicePro.Host.Components.Shell;

/// <summary>
/// A shell component that shows module contributions: it loads them in <see cref="RefreshAsync"/> whenever its
/// parameters are set and again whenever an administrator enables or disables a module, in every open shell.
/// </summary>
public abstract class ModuleAwareComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private IEventAggregator Events { get; set; } = default!;

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Loads the contributions to show.</summary>
    protected abstract Task RefreshAsync();

    protected override void OnInitialized() =>
        _subscription = Events.Subscribe<ModuleStateChangedEvent>((_, _) => InvokeAsync(async () =>
        {
            await RefreshAsync();
            StateHasChanged();
        }));

    protected override Task OnParametersSetAsync() => RefreshAsync();
}
