namespace ServicePro.Modules.Chat.Services;

/// <summary>Presence: what this host tells the other hosts and how it applies what they tell (see <see cref="PresenceMessage"/>).</summary>
public sealed partial class PresenceTracker
{
    /// <summary>Starting: asks every host for its snapshot and offers this host's.</summary>
    public void Join()
    {
        lock (_gate)
        {
            _outgoing.Writer.TryWrite(new PresenceMessage(PresenceMessage.Hello, HostId, _sequence));
            _outgoing.Writer.TryWrite(SnapshotLocked());
        }
    }

    /// <summary>Stopping: the message that takes this host's reps off the others at once.</summary>
    public PresenceMessage Leave()
    {
        lock (_gate)
        {
            return new PresenceMessage(PresenceMessage.Bye, HostId, _sequence);
        }
    }

    /// <summary>Every heartbeat interval: queues a heartbeat and takes hosts silent for the host timeout for dead.</summary>
    /// <returns>The reps whose presence changed (those only the dead hosts had).</returns>
    public IReadOnlyList<PresenceDto> Tick()
    {
        lock (_gate)
        {
            _outgoing.Writer.TryWrite(new PresenceMessage(PresenceMessage.Heartbeat, HostId, _sequence));
            var changes = new List<PresenceDto>();
            foreach (var dead in _remote.SilentSince(_time.GetUtcNow() - _hostTimeout))
            {
                var host = _remote.Find(dead)!;
                changes.AddRange(ApplyLocked(host.Users, () => _remote.Remove(dead), host.LastHeard));
            }

            return changes;
        }
    }

    /// <summary>Applies another host's message; queues a snapshot (asked for, or to ask for) as needed.</summary>
    /// <returns>The reps whose merged presence changed.</returns>
    public IReadOnlyList<PresenceDto> Apply(PresenceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (message.Host == HostId)
            {
                return [];
            }

            if (message.Kind == PresenceMessage.Bye)
            {
                return _remote.Find(message.Host) is { } leaving ? ApplyLocked(leaving.Users, () => _remote.Remove(message.Host), now) : [];
            }

            var host = _remote.Find(message.Host) ?? _remote.Add(message.Host);
            host.LastHeard = now;
            var reps = message.Reps ?? [];
            switch (message.Kind)
            {
                case PresenceMessage.Hello when message.Target is null || message.Target == HostId:
                    _outgoing.Writer.TryWrite(SnapshotLocked());
                    return [];
                case PresenceMessage.Snapshot:
                    host.Sequence = message.Sequence;
                    return ApplyLocked(host.Users.Concat(reps.Select(r => r.User)), () => Replace(host, reps), now);
                case PresenceMessage.Change:
                    AskIfBehindLocked(message.Host, host, message.Sequence - 1);
                    host.Sequence = message.Sequence;
                    return ApplyLocked(reps.Select(r => r.User), () => Merge(host, reps), now);
                case PresenceMessage.Heartbeat:
                    AskIfBehindLocked(message.Host, host, message.Sequence);
                    return [];
                default:
                    return [];
            }
        }
    }

    private void Replace(RemoteHosts.Host host, IReadOnlyList<RepPresence> reps)
    {
        host.Users.Clear();
        Merge(host, reps);
    }

    private void Merge(RemoteHosts.Host host, IReadOnlyList<RepPresence> reps)
    {
        foreach (var rep in reps)
        {
            if (rep.Connected)
            {
                host.Users.Add(rep.User);
            }
            else
            {
                host.Users.Remove(rep.User);
            }

            // The latest choice wins, wherever it was made.
            if (!_chosen.TryGetValue(rep.User, out var chosen) || rep.ChosenAt > chosen.At)
            {
                _chosen[rep.User] = (rep.Chosen, rep.ChosenAt);
            }
        }
    }

    /// <summary>A gap in a host's numbers means a missed message: ask that host for its snapshot.</summary>
    private void AskIfBehindLocked(string hostId, RemoteHosts.Host host, long expected)
    {
        if (host.Sequence != expected)
        {
            _outgoing.Writer.TryWrite(new PresenceMessage(PresenceMessage.Hello, HostId, _sequence, Target: hostId));
        }
    }
}
