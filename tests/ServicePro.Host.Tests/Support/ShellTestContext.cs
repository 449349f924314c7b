using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.FluentUI.AspNetCore.Components;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
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
        Services.AddSingleton<IEventAggregator>(sp => new EventAggregator(sp.GetRequiredService<IServiceScopeFactory>(), Modules, NullLogger<EventAggregator>.Instance));
        Services.AddScoped<ShellContributions>();
        Services.AddScoped<IShellContributions>(sp => sp.GetRequiredService<ShellContributions>());
        Services.AddMenuContributor<HostMenuContributor>();
    }

    public SwitchableModuleStatus Modules { get; } = new();

    /// <summary>Turns a module's contributions off as an administrator would, and tells the open shell.</summary>
    public Task DisableAsync(Type contributionType)
    {
        Modules.Inactive.Add(contributionType);
        return Services.GetRequiredService<IEventAggregator>().PublishAsync(new ModuleStateChangedEvent("test", ModuleState.Disabled));
    }

    public Task EnableAsync(Type contributionType)
    {
        Modules.Inactive.Remove(contributionType);
        return Services.GetRequiredService<IEventAggregator>().PublishAsync(new ModuleStateChangedEvent("test", ModuleState.Enabled));
    }

    public sealed class SwitchableModuleStatus : IModuleStatus
    {
        public HashSet<Type> Inactive { get; } = [];

        public IReadOnlyList<ModuleInfo> Modules => [];

        public bool IsEnabled(string moduleId) => true;

        public bool IsActive(Type type) => !Inactive.Contains(type);
    }
}
