using System.Collections.Concurrent;
using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>Records every event the services send, with the reps it was addressed to ("*" for everyone).</summary>
public sealed class RecordingNotifier : IChatNotifier
{
    private readonly Lock _gate = new();
    private readonly List<(Func<SentEvent, bool> Match, TaskCompletionSource<SentEvent> Found)> _waiters = [];

    public ConcurrentQueue<SentEvent> Sent { get; } = new();

    /// <summary>The first event (already sent or still to come) that matches, within ten seconds.</summary>
    public Task<SentEvent> WaitForAsync(Func<SentEvent, bool> match)
    {
        var found = new TaskCompletionSource<SentEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Sent.FirstOrDefault(match) is { } sent)
            {
                return Task.FromResult(sent);
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent) =>
        chatEvent.DeliverAsync(new Recorder(this, [.. userNames]));

    public Task ToEveryoneAsync(ChatEvent chatEvent) => chatEvent.DeliverAsync(new Recorder(this, ["*"]));

    public IReadOnlyList<SentEvent> To(string userName) => Sent.Where(e => e.Recipients.Contains(userName)).ToList();

    public IReadOnlyList<T> Payloads<T>(string userName) => To(userName).Select(e => e.Payload).OfType<T>().ToList();

    private sealed class Recorder(RecordingNotifier owner, IReadOnlyList<string> recipients) : IChatClient
    {
        public Task EntryAdded(ChatEntryDto entry) => Add(nameof(EntryAdded), entry);

        public Task OffTheRecordSelected(OffTheRecordNotice notice) => Add(nameof(OffTheRecordSelected), notice);

        public Task InvitationReceived(ChatInvitationDto invitation) => Add(nameof(InvitationReceived), invitation);

        public Task InvitationClosed(ChatInvitationDto invitation) => Add(nameof(InvitationClosed), invitation);

        public Task ChatTimeChanged(ChatTimeDto chatTime) => Add(nameof(ChatTimeChanged), chatTime);

        public Task SessionEnded(SessionEndedDto ended) => Add(nameof(SessionEnded), ended);

        public Task PresenceChanged(PresenceDto presence) => Add(nameof(PresenceChanged), presence);

        public Task PresenceBatch(IReadOnlyList<PresenceDto> changes) => Add(nameof(PresenceBatch), changes);

        public Task UserTyping(TypingNotice typing) => Add(nameof(UserTyping), typing);

        private Task Add(string name, object payload)
        {
            var sent = new SentEvent(name, recipients, payload);
            lock (owner._gate)
            {
                owner.Sent.Enqueue(sent);
                foreach (var waiter in owner._waiters.Where(w => w.Match(sent)).ToList())
                {
                    owner._waiters.Remove(waiter);
                    waiter.Found.TrySetResult(sent);
                }
            }

            return Task.CompletedTask;
        }
    }
}
