using Microsoft.AspNetCore.Components;
using ServicePro.Contracts.Events;

namespace ServicePro.Contracts.Components;

/// <summary>
/// A component that shows module contributions: it loads them in <see cref="RefreshAsync"/> whenever its
/// parameters are set and again whenever an administrator enables or disables a module, in every open shell.
/// </summary>
public abstract class ModuleAwareComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private IEventAggregator Events { get; set; } = default!;

    /// <summary>Stops following module changes.</summary>
    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Loads the contributions to show.</summary>
    /// <returns>A task that completes when they are loaded.</returns>
    protected abstract Task RefreshAsync();

    /// <summary>Subscribes to module changes; a derived component that overrides this must call it.</summary>
    protected override void OnInitialized() =>
        _subscription = Events.Subscribe<ModuleStateChangedEvent>((_, _) => InvokeAsync(async () =>
        {
            await RefreshAsync();
            StateHasChanged();
        }));

    /// <summary>Loads the contributions for the new parameters.</summary>
    /// <returns>A task that completes when they are loaded.</returns>
    protected override Task OnParametersSetAsync() => RefreshAsync();
}
