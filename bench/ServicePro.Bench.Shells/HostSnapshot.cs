namespace ServicePro.Bench.Shells;

/// <summary>The host process at one moment: resident memory, managed heap after a full collection, TCP connections.</summary>
public sealed record HostSnapshot(long ResidentKilobytes, long? ManagedHeapBytes, HostSockets Sockets, string LoadAverage)
{
    public static async Task<HostSnapshot> TakeAsync(int processId, int port)
    {
        // The collection first, so that the resident set is read without the garbage it frees.
        var heap = await ManagedHeap.AfterFullCollectionAsync(processId, TimeSpan.FromSeconds(30));
        return new HostSnapshot(
            await Machine.ResidentKilobytesAsync(processId),
            heap,
            await HostSockets.ReadAsync(processId, port),
            await Machine.LoadAverageAsync());
    }
}
