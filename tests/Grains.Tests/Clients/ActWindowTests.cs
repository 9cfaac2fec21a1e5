using CollectifLive.Silo.Clients;
using CollectifLive.Workshops;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Grains.Tests.Clients;

/// <summary>The counting under every per-client limit, on a fake clock.</summary>
public class ActWindowTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void The_act_after_the_limit_is_refused_with_the_wait_until_the_oldest_expires_and_is_not_counted()
    {
        var window = new ActWindow(3, Minute);
        Assert.Null(window.TryCount(Now));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(window.TryCount(Now));
        Assert.Null(window.TryCount(Now));

        Assert.Equal(TimeSpan.FromSeconds(50), window.TryCount(Now));
        Assert.Equal(3, window.Counted(Now));

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(window.TryCount(Now));
        Assert.Equal(TimeSpan.FromSeconds(10), window.TryCount(Now));
    }

    [Fact]
    public void No_window_boundary_lets_twice_the_limit_through()
    {
        var window = new ActWindow(20, Minute);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var early = Enumerable.Range(0, 20).Count(_ => window.TryCount(Now) is null);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var late = Enumerable.Range(0, 20).Count(_ => window.TryCount(Now) is null);

        Assert.Equal(20, early);
        Assert.Equal(0, late);
    }

    [Fact]
    public void A_burst_of_lookups_sent_at_once_is_cut_at_the_limit_before_any_answer()
    {
        var window = new ActWindow(Limits.WrongJoinCodesPerAddressPerMinute, Minute);

        var admitted = Enumerable.Range(0, 1_500).Count(_ => window.TryReserve(Now) is null);

        Assert.Equal(Limits.WrongJoinCodesPerAddressPerMinute, admitted);
        Assert.Equal(ActWindow.InFlightWait, window.TryReserve(Now));
    }

    [Fact]
    public void Lookups_that_find_their_code_give_their_place_back_and_leave_no_trace()
    {
        var window = new ActWindow(Limits.WrongJoinCodesPerAddressPerMinute, Minute);
        var room = Enumerable.Range(0, 300).Count(_ => window.TryReserve(Now) is null);
        for (var i = 0; i < 300; i++)
        {
            window.Release(Now, counts: false);
        }

        Assert.Equal(300, room);
        Assert.Equal(0, window.Counted(Now));
        Assert.Equal(0, window.InFlight(Now));
        Assert.Equal(Limits.WrongJoinCodesPerAddressPerMinute, Enumerable.Range(0, 1_000).Count(_ => window.TryReserve(Now) is null));
    }

    [Fact]
    public void Wrong_codes_count_when_known_and_block_for_the_rest_of_the_minute_only()
    {
        var window = new ActWindow(10, Minute);
        for (var i = 0; i < 9; i++)
        {
            Assert.Null(window.TryReserve(Now));
            window.Release(Now, counts: true);
        }

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(window.TryReserve(Now));
        Assert.Equal(ActWindow.InFlightWait, window.Wait(Now));
        window.Release(Now, counts: true);

        Assert.Equal(TimeSpan.FromSeconds(45), window.Wait(Now));
        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Null(window.Wait(Now));
        Assert.Equal(1, window.Counted(Now));
    }

    [Fact]
    public void A_reservation_never_released_stops_holding_its_place()
    {
        var window = new ActWindow(2, Minute);
        Assert.Null(window.TryReserve(Now));
        Assert.Null(window.TryReserve(Now));
        Assert.NotNull(window.TryReserve(Now));

        _clock.Advance(ActWindow.ReservationLifetime);

        Assert.Equal(0, window.InFlight(Now));
        Assert.Null(window.TryReserve(Now));
        Assert.True(new ActWindow(2, Minute).IsIdle(Now));
    }
}
