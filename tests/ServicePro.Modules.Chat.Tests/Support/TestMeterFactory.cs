using System.Diagnostics.Metrics;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>Creates plain meters, and remembers the last one (to listen to it alone).</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    public Meter? Created { get; private set; }

    public Meter Create(MeterOptions options) => Created = new Meter(options);

    public void Dispose() => Created?.Dispose();
}
