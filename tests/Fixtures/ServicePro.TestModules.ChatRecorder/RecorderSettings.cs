namespace ServicePro.TestModules.ChatRecorder;

/// <summary>Where to record, how many calls fail before one succeeds, and whether a recorded call then hangs.</summary>
public sealed class RecorderSettings(string file, int failTimes, bool holdAfterRecording = false)
{
    private int _failuresLeft = failTimes;

    public string File { get; } = file;

    /// <summary>When true, each call records the event and then never returns (until the host stops), so that a
    /// test can kill the host after a successful delivery but before the outbox marks it dispatched.</summary>
    public bool HoldAfterRecording { get; } = holdAfterRecording;

    public bool ShouldFail() => Interlocked.Decrement(ref _failuresLeft) >= 0;
}
