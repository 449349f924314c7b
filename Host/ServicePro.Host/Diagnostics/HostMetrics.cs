using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Identity;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Modularity;
using ServicePro.Host.Security;

namespace ServicePro.Host.Diagnostics;

/// <summary>The host's meter (<c>ServicePro.Host</c>): modules, sign-ins and open shells. Names and units: README, Operations.</summary>
public sealed class HostMetrics
{
    private readonly Counter<long> _signIns;
    private readonly UpDownCounter<long> _shells;

    public HostMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(ServiceProTelemetry.HostName);
        _signIns = meter.CreateCounter<long>("servicepro.host.sign_ins", "{sign-in}", "Password sign-ins (the form and /account/token) by outcome: succeeded, failed, throttled.");
        _shells = meter.CreateUpDownCounter<long>("servicepro.host.shells", "{shell}", "Open shells (Blazor circuits) on this host.");

        // The runtime is registered after this class (modules load later); asked at collection time.
        meter.CreateObservableGauge("servicepro.host.modules", () => ModulesByState(services.GetService<ModuleRuntime>()), "{module}", "Modules of modules.config by state: Enabled, Disabled, Failed.");
        meter.CreateObservableGauge("servicepro.host.module.start.duration", () => StartDurations(services.GetService<ModuleRuntime>()), "s", "How long each module's start (phase two, InitializeAsync) took at this host's start-up.");
    }

    public void SignIn(SignInResult result) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", result switch
    {
        { Succeeded: true } => "succeeded",
        SignInThrottledResult => "throttled",
        _ => "failed",
    }));

    public void ShellOpened() => _shells.Add(1);

    public void ShellClosed() => _shells.Add(-1);

    private static IEnumerable<Measurement<long>> ModulesByState(ModuleRuntime? runtime)
    {
        var modules = runtime?.Modules ?? [];
        return Enum.GetValues<ModuleState>().Select(state => new Measurement<long>(
            modules.Count(m => m.State == state),
            new KeyValuePair<string, object?>("state", state.ToString())));
    }

    private static IEnumerable<Measurement<double>> StartDurations(ModuleRuntime? runtime) =>
        (runtime?.StartDurations ?? new Dictionary<string, TimeSpan>()).Select(d => new Measurement<double>(
            d.Value.TotalSeconds,
            new KeyValuePair<string, object?>("module", d.Key)));
}
