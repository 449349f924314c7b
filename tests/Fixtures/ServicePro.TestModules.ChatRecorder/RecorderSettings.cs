namespace ServicePro.TestModules.ChatRecorder;

/// <summary>Where to record, and how many calls fail before one succeeds.</summary>
public sealed class RecorderSettings(string file, int failTimes)
{
    private int _failuresLeft = failTimes;

    public string File { get; } = file;

    public bool ShouldFail() => Interlocked.Decrement(ref _failuresLeft) >= 0;
}
