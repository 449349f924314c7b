using System.Text.Json;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;

namespace ServicePro.TestModules.ChatRecorder;

/// <summary>Appends every handled event (not deduplicated, so that tests can count deliveries).</summary>
public sealed class RecordingHandler(RecorderSettings settings) : IEventHandler<ChatSessionEndedEvent>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task HandleAsync(ChatSessionEndedEvent @event, CancellationToken cancellationToken)
    {
        if (settings.ShouldFail())
        {
            throw new InvalidOperationException("Recorder told to fail.");
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(settings.File, JsonSerializer.Serialize(@event) + "\n", cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }
}
