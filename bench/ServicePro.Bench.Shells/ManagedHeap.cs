using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ServicePro.Bench.Shells;

/// <summary>
/// The host's managed heap right after a full blocking collection, over EventPipe: a session with the runtime's
/// GCHeapCollect keyword makes the runtime collect at once (as dotnet-gcdump does), and the GC keyword reports the
/// heap's size when that collection ends. Measured after a collection, garbage does not blur the per-shell figure.
/// </summary>
public static class ManagedHeap
{
    /// <summary>Bytes on the managed heap after a gen-2 collection, or null when none was reported within the timeout.</summary>
    public static async Task<long?> AfterFullCollectionAsync(int processId, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, keywords);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, token: CancellationToken.None);
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

        // TraceEvent reads the stream synchronously until the session stops.
        var reading = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var fullCollection = false;
            source.Clr.GCStart += e => fullCollection |= e.Depth == 2;
            source.Clr.GCHeapStats += e =>
            {
                if (fullCollection)
                {
                    heap.TrySetResult(e.TotalHeapSize);
                }
            };
            source.Process();
        });
        try
        {
            return await heap.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }
}
