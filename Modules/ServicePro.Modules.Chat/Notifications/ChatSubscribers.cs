
namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// The in-process receivers of chat events on this host, per rep: each open shell registers its receiver for the
/// signed-in rep while it lives. A receiver must return at once (it queues the event onto its own circuit).
/// </summary>
public sealed class ChatSubscribers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<IChatClient>> _byUser = new(StringComparer.OrdinalIgnoreCase);

    public IDisposable Subscribe(string userName, IChatClient receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(userName, out var list))
            {
                _byUser[userName] = list = [];
            }

            list.Add(receiver);
        }

        return new Subscription(this, userName, receiver);
    }

    /// <summary>The receivers of these reps now (a snapshot).</summary>
    public IReadOnlyList<IChatClient> Of(IEnumerable<string> userNames)
    {
        lock (_gate)
        {
            var found = new List<IChatClient>();
            foreach (var name in userNames.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (_byUser.TryGetValue(name, out var list))
                {
                    found.AddRange(list);
                }
            }

            return found;
        }
    }

    /// <summary>Every receiver now (a snapshot).</summary>
    public IReadOnlyList<IChatClient> All()
    {
        lock (_gate)
        {
            return [.. _byUser.Values.SelectMany(list => list)];
        }
    }

    private void Remove(string userName, IChatClient receiver)
    {
        lock (_gate)
        {
            if (_byUser.TryGetValue(userName, out var list) && list.Remove(receiver) && list.Count == 0)
            {
                _byUser.Remove(userName);
            }
        }
    }

    private sealed class Subscription(ChatSubscribers owner, string userName, IChatClient receiver) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(userName, receiver);
            }
        }
    }
}
