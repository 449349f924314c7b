namespace ServicePro.Modules.Chat.Services;

/// <summary>Wakes the outbox dispatcher after a chat-ended event was committed.</summary>
public interface IOutboxSignal
{
    void Signal();
}
