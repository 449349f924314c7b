using Microsoft.AspNetCore.SignalR.Client;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>A raw hub connection of one rep that records every event it receives, in order.</summary>
public sealed class TestChatConnection : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SentEvent> _received = [];
    private readonly List<(Func<SentEvent, bool> Match, TaskCompletionSource<SentEvent> Found)> _waiters = [];

    public TestChatConnection(string userName, HubConnection connection)
    {
        UserName = userName;
        Connection = connection;
        connection.On<ChatEntryDto>(ChatConstants.Events.EntryAdded, e => Add(ChatConstants.Events.EntryAdded, e));
        connection.On<OffTheRecordNotice>(ChatConstants.Events.OffTheRecordSelected, e => Add(ChatConstants.Events.OffTheRecordSelected, e));
        connection.On<ChatInvitationDto>(ChatConstants.Events.InvitationReceived, e => Add(ChatConstants.Events.InvitationReceived, e));
        connection.On<ChatInvitationDto>(ChatConstants.Events.InvitationClosed, e => Add(ChatConstants.Events.InvitationClosed, e));
        connection.On<ChatTimeDto>(ChatConstants.Events.ChatTimeChanged, e => Add(ChatConstants.Events.ChatTimeChanged, e));
        connection.On<SessionEndedDto>(ChatConstants.Events.SessionEnded, e => Add(ChatConstants.Events.SessionEnded, e));
        connection.On<PresenceDto>(ChatConstants.Events.PresenceChanged, e => Add(ChatConstants.Events.PresenceChanged, e));

        // A batch is recorded as its changes, one by one (what a test waits for is a rep's presence).
        connection.On<PresenceDto[]>(ChatConstants.Events.PresenceBatch, batch =>
        {
            foreach (var presence in batch)
            {
                Add(ChatConstants.Events.PresenceBatch, presence);
            }
        });
    }

    public string UserName { get; }

    public HubConnection Connection { get; }

    public IReadOnlyList<SentEvent> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null)
    {
        var found = new TaskCompletionSource<SentEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Matches(SentEvent e) => e.Payload is T payload && (match is null || match(payload));
        lock (_gate)
        {
            if (_received.FirstOrDefault(Matches) is { } seen)
            {
                return (T)seen.Payload;
            }

            _waiters.Add((Matches, found));
        }

        try
        {
            return (T)(await found.Task.WaitAsync(TimeSpan.FromSeconds(15))).Payload;
        }
        catch (TimeoutException)
        {
            throw new AssertFailedException($"{UserName} did not receive the expected {typeof(T).Name}; received: {string.Join(", ", Received.Select(r => r.Payload))}");
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Add(string name, object payload)
    {
        var sent = new SentEvent(name, [UserName], payload);
        lock (_gate)
        {
            _received.Add(sent);
            foreach (var waiter in _waiters.Where(w => w.Match(sent)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(sent);
            }
        }
    }
}
