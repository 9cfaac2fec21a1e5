using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Web.Tests.Workshops;

public class ClientRateLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_act_after_the_limit_is_refused_with_the_wait_until_the_oldest_expires_and_is_not_counted()
    {
        var limiter = new ClientRateLimiter(_clock, 3, Minute);
        Assert.Null(limiter.TryAcquire("ip:1"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(limiter.TryAcquire("ip:1"));
        Assert.Null(limiter.TryAcquire("ip:1"));

        Assert.Equal(TimeSpan.FromSeconds(50), limiter.TryAcquire("ip:1"));
        Assert.Null(limiter.TryAcquire("ip:2"));

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(limiter.TryAcquire("ip:1"));
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.TryAcquire("ip:1"));
    }

    [Fact]
    public void No_window_boundary_lets_twice_the_limit_through()
    {
        var limiter = new ClientRateLimiter(_clock, 20, Minute);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var early = Enumerable.Range(0, 20).Count(_ => limiter.TryAcquire("ip:1") is null);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var late = Enumerable.Range(0, 20).Count(_ => limiter.TryAcquire("ip:1") is null);

        Assert.Equal(20, early);
        Assert.Equal(0, late);
    }

    [Fact]
    public void Recorded_failures_block_the_client_for_the_rest_of_the_minute_only()
    {
        var limiter = new ClientRateLimiter(_clock, Limits.JoinAttemptsPerMinute, Minute);
        for (var i = 0; i < Limits.JoinAttemptsPerMinute - 1; i++)
        {
            limiter.Record("ip:1");
        }

        Assert.Null(limiter.RetryAfter("ip:1"));
        limiter.Record("ip:1");
        Assert.Equal(Minute, limiter.RetryAfter("ip:1"));
        Assert.Null(limiter.RetryAfter("ip:2"));

        _clock.Advance(Minute);
        Assert.Null(limiter.RetryAfter("ip:1"));
    }

    [Fact]
    public void The_limits_default_to_the_products_and_a_deployment_may_set_its_own()
    {
        var defaults = new ClientLimits(Options.Create(new ClientLimitOptions()), _clock);
        var suite = new ClientLimits(Options.Create(new ClientLimitOptions { WorkshopCreationsPerMinute = 500, JoinAttemptsPerMinute = 400 }), _clock);

        Assert.Equal(Limits.WorkshopCreationsPerMinute, defaults.WorkshopCreations.Limit);
        Assert.Equal(Limits.JoinAttemptsPerMinute, defaults.WrongJoinCodes.Limit);
        Assert.Equal(500, suite.WorkshopCreations.Limit);
        Assert.Equal(400, suite.WrongJoinCodes.Limit);
    }
}
