using System.Threading.RateLimiting;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Workshops;

/// <summary>Bounds join-code look-ups per client (an address, or a circuit) so that codes cannot be guessed by brute force.</summary>
public sealed class JoinAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Limits.JoinAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
