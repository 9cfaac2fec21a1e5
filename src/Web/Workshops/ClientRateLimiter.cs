namespace CollectifLive.Web.Workshops;

/// <summary>
/// At most <c>limit</c> counted acts per client in any <c>window</c>, kept as a log of each client's last acts: exact,
/// with no window boundary across which twice the limit gets through, and a wait that says when the oldest act expires.
/// It lives in this web server's memory, so each web server counts on its own.
/// </summary>
public sealed class ClientRateLimiter(TimeProvider clock, int limit, TimeSpan window)
{
    /// <summary>Clients remembered at most; beyond it, clients with no act inside the window are forgotten.</summary>
    private const int ClientsMax = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _clients = [];
    private readonly Lock _gate = new();

    public int Limit => limit;

    /// <summary>How long <paramref name="client"/> must wait before an act counts again; null when it may act now.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        lock (_gate)
        {
            return Wait(client, clock.GetUtcNow());
        }
    }

    /// <summary>Counts an act of <paramref name="client"/>, whether or not it is over the limit.</summary>
    public void Record(string client)
    {
        lock (_gate)
        {
            Count(client, clock.GetUtcNow());
        }
    }

    /// <summary>Counts an act unless <paramref name="client"/> is at the limit: null when counted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string client)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var wait = Wait(client, now);
            if (wait is null)
            {
                Count(client, now);
            }

            return wait;
        }
    }

    private TimeSpan? Wait(string client, DateTimeOffset now)
    {
        if (!_clients.TryGetValue(client, out var acts))
        {
            return null;
        }

        while (acts.TryPeek(out var oldest) && now - oldest >= window)
        {
            acts.Dequeue();
        }

        return acts.Count >= limit ? acts.Peek() + window - now : null;
    }

    private void Count(string client, DateTimeOffset now)
    {
        if (!_clients.TryGetValue(client, out var acts))
        {
            ForgetIdleClients(now);
            acts = new Queue<DateTimeOffset>();
            _clients[client] = acts;
        }

        acts.Enqueue(now);
        while (acts.Count > limit)
        {
            acts.Dequeue();
        }
    }

    private void ForgetIdleClients(DateTimeOffset now)
    {
        if (_clients.Count < ClientsMax)
        {
            return;
        }

        foreach (var (client, acts) in _clients)
        {
            if (!acts.TryPeek(out _) || now - acts.Last() >= window)
            {
                _clients.Remove(client);
            }
        }
    }
}
