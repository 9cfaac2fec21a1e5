namespace CollectifLive.Silo.Clients;

/// <summary>
/// At most <c>limit</c> counted acts in any <c>window</c>, kept as a log of the last acts: exact, with no window
/// boundary across which twice the limit gets through, and a wait that says when the oldest act expires.
/// An act whose outcome is not known yet (a code being looked up) holds a reservation: acts counted plus acts in
/// flight stay under the limit, so a burst sent at once cannot all get through before the first is counted.
/// Not thread-safe: its grain runs one call at a time.
/// </summary>
public sealed class ActWindow(int limit, TimeSpan window)
{
    /// <summary>
    /// A reservation never released (its web server died mid-lookup) stops holding a place after this, far longer
    /// than any lookup takes.
    /// </summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The wait given when only acts in flight hold the places: they end within moments.</summary>
    public static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(1);

    private readonly Queue<DateTimeOffset> _acts = new();
    private readonly Queue<DateTimeOffset> _reservations = new();

    public int Limit => limit;

    /// <summary>Acts counted in the window that ends at <paramref name="now"/>.</summary>
    public int Counted(DateTimeOffset now)
    {
        Expire(now);
        return _acts.Count;
    }

    /// <summary>Acts in flight at <paramref name="now"/>.</summary>
    public int InFlight(DateTimeOffset now)
    {
        Expire(now);
        return _reservations.Count;
    }

    /// <summary>Whether nothing is left to remember at <paramref name="now"/>.</summary>
    public bool IsIdle(DateTimeOffset now) => Counted(now) == 0 && InFlight(now) == 0;

    /// <summary>How long to wait before an act may start; null when it may start now.</summary>
    public TimeSpan? Wait(DateTimeOffset now)
    {
        Expire(now);
        if (_acts.Count >= limit)
        {
            return _acts.Peek() + window - now;
        }

        return _acts.Count + _reservations.Count >= limit ? InFlightWait : null;
    }

    /// <summary>Counts an act unless at the limit: null when counted, else how long to wait.</summary>
    public TimeSpan? TryCount(DateTimeOffset now)
    {
        var wait = Wait(now);
        if (wait is null)
        {
            _acts.Enqueue(now);
        }

        return wait;
    }

    /// <summary>Holds a place for an act whose outcome is not known yet: null when held, else how long to wait.</summary>
    public TimeSpan? TryReserve(DateTimeOffset now)
    {
        var wait = Wait(now);
        if (wait is null)
        {
            _reservations.Enqueue(now);
        }

        return wait;
    }

    /// <summary>Ends a reservation: the act counts when <paramref name="counts"/> (a wrong code), else it leaves no trace.</summary>
    public void Release(DateTimeOffset now, bool counts)
    {
        Expire(now);
        _reservations.TryDequeue(out _);
        if (counts)
        {
            _acts.Enqueue(now);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_acts.TryPeek(out var oldest) && now - oldest >= window)
        {
            _acts.Dequeue();
        }

        while (_reservations.TryPeek(out var oldest) && now - oldest >= ReservationLifetime)
        {
            _reservations.Dequeue();
        }
    }
}
