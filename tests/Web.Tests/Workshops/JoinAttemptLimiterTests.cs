using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Web.Tests.Workshops;

public class JoinAttemptLimiterTests
{
    [Fact]
    public void Wrong_codes_beyond_the_limit_block_the_client_for_the_rest_of_the_minute_only()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new JoinAttemptLimiter(clock);
        for (var i = 0; i < Limits.JoinAttemptsPerMinute - 1; i++)
        {
            limiter.RecordFailure("ip:1");
        }

        Assert.False(limiter.IsBlocked("ip:1"));
        limiter.RecordFailure("ip:1");
        Assert.True(limiter.IsBlocked("ip:1"));
        Assert.False(limiter.IsBlocked("ip:2"));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(limiter.IsBlocked("ip:1"));
    }
}
