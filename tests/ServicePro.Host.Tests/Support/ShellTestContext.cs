using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.FluentUI.AspNetCore.Components;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Events;
using ServicePro.Host.Shell;

namespace ServicePro.Host.Tests.Support;

/// <summary>A bUnit context with the shell's services, real contributions plumbing and switchable module states.</summary>
public sealed class ShellTestContext : BunitContext
{
    public ShellTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddFluentUIComponents();
        Services.AddSingleton<IModuleStatus>(Modules);
        Services.AddSingleton<IEventAggregator>(new EventAggregator(NullLogger<EventAggregator>.Instance));
        Services.AddScoped<ShellContributions>();
        Services.AddScoped<IShellContributions>(sp => sp.GetRequiredService<ShellContributions>());
        Services.AddMenuContributor<HostMenuContributor>();
    }

    public SwitchableModuleStatus Modules { get; } = new();

    /// <summary>
    /// Turns a module's contributions off as an administrator would, and tells the open shell; the shell refreshes
    /// on its own afterwards (wait for what it shows).
    /// </summary>
    public Task DisableAsync(Type contributionType)
    {
        Modules.Inactive[contributionType] = true;
        Services.GetRequiredService<IEventAggregator>().Publish(new ModuleStateChangedEvent("test", ModuleState.Disabled));
        return Task.CompletedTask;
    }

    public Task EnableAsync(Type contributionType)
    {
        Modules.Inactive.TryRemove(contributionType, out _);
        Services.GetRequiredService<IEventAggregator>().Publish(new ModuleStateChangedEvent("test", ModuleState.Enabled));
        return Task.CompletedTask;
    }

    public sealed class SwitchableModuleStatus : IModuleStatus
    {
        // Read by the shell's refresh on the thread pool while a test changes it.
        public System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Inactive { get; } = new();

        public IReadOnlyList<ModuleInfo> Modules => [];

        public bool IsEnabled(string moduleId) => true;

        public bool IsActive(Type type) => !Inactive.ContainsKey(type);
    }
}
