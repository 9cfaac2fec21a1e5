using System.Collections.Concurrent;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Workshops;

/// <summary>
/// Bounds wrong join codes per client (an address) and per minute, so that codes cannot be guessed by brute force.
/// Right codes never count: a room behind one address joins freely.
/// </summary>
public sealed class JoinAttemptLimiter(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Clients remembered at most; beyond it, windows that ended are dropped.</summary>
    private const int ClientsMax = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Failures)> _clients = new();

    public bool IsBlocked(string client) =>
        _clients.TryGetValue(client, out var entry) && clock.GetUtcNow() - entry.Start < Window && entry.Failures >= Limits.JoinAttemptsPerMinute;

    public void RecordFailure(string client)
    {
        var now = clock.GetUtcNow();
        _clients.AddOrUpdate(client, _ => (now, 1), (_, entry) => now - entry.Start < Window ? (entry.Start, entry.Failures + 1) : (now, 1));
        if (_clients.Count > ClientsMax)
        {
            foreach (var (key, entry) in _clients)
            {
                if (now - entry.Start >= Window)
                {
                    _clients.TryRemove(key, out _);
                }
            }
        }
    }
}
