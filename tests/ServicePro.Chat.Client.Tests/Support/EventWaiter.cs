namespace ServicePro.Chat.Client.Tests.Support;

/// <summary>Collects values raised by an event and lets a test await one that matches (bounded).</summary>
public sealed class EventWaiter<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _values = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Found)> _waiters = [];

    public IReadOnlyList<T> Values
    {
        get
        {
            lock (_gate)
            {
                return [.. _values];
            }
        }
    }

    public void Add(T value)
    {
        lock (_gate)
        {
            _values.Add(value);
            foreach (var waiter in _waiters.Where(w => w.Match(value)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(value);
            }
        }
    }

    /// <summary>The first value raised from now on that matches.</summary>
    public Task<T> NextAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The first value already raised, or still to come, that matches.</summary>
    public Task<T> AnyAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Checking past values and registering the waiter under one lock: a value added in between would
        // otherwise be neither seen nor awaited.
        lock (_gate)
        {
            foreach (var value in _values)
            {
                if (match(value))
                {
                    return Task.FromResult(value);
                }
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }
}
