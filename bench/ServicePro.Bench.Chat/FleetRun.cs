namespace ServicePro.Bench.Chat;

/// <summary>One hub's half of a run: connecting the reps, the server memory that took, and the ladder's steps.</summary>
public sealed record FleetRun(string Name, int Reps, TimeSpan ConnectTime, long ResidentBeforeKilobytes, long ResidentAfterKilobytes, IReadOnlyList<RatePhase> Phases)
{
    /// <summary>Server resident memory per connected rep: (after − before) ÷ reps, in KB, summed over the servers.</summary>
    public double KilobytesPerConnection => (ResidentAfterKilobytes - ResidentBeforeKilobytes) / (double)Reps;
}
