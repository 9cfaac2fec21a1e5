using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class TimerTests
{
    private static readonly DateTimeOffset T0 = WorkshopBuilder.Now;

    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private WorkshopTimer Timer => _workshop.State.Timer;

    private Decision At(double seconds, WorkshopCommand command) => _workshop.Decide(Actor.Facilitator, command, T0.AddSeconds(seconds));

    private TimerTests Run(double seconds, WorkshopCommand command)
    {
        _workshop.Facilitate(command, T0.AddSeconds(seconds));
        return this;
    }

    [Fact]
    public void A_new_workshop_has_an_idle_timer() => Assert.Equal(WorkshopTimer.Idle, Timer);

    [Fact]
    public void A_started_timer_runs_until_its_end_on_the_servers_clock()
    {
        var decision = At(0, new StartTimer(300));

        Assert.Equal(new WorkshopTimer(TimerStatus.Running, 300, T0.AddSeconds(300), 0), Assert.IsType<TimerChanged>(Assert.Single(decision.Events)).Timer);
        Run(0, new StartTimer(300));
        Assert.Equal(TimeSpan.FromSeconds(180), Timer.RemainingAt(T0.AddSeconds(120)));
        Assert.Equal(TimeSpan.Zero, Timer.RemainingAt(T0.AddSeconds(400)));
    }

    [Fact]
    public void Pausing_keeps_the_time_left_and_resuming_counts_it_down_from_then()
    {
        Run(0, new StartTimer(300)).Run(100, new PauseTimer());
        Assert.Equal(new WorkshopTimer(TimerStatus.Paused, 300, null, 200), Timer);
        Assert.Equal(TimeSpan.FromSeconds(200), Timer.RemainingAt(T0.AddHours(2)));

        Run(1000, new ResumeTimer());
        Assert.Equal(new WorkshopTimer(TimerStatus.Running, 300, T0.AddSeconds(1200), 0), Timer);
    }

    [Fact]
    public void A_pause_part_way_through_a_second_keeps_the_started_second()
    {
        Run(0, new StartTimer(300)).Run(100.4, new PauseTimer());
        Assert.Equal(200, Timer.RemainingSeconds);
    }

    [Fact]
    public void Extending_a_running_timer_pushes_its_end_back()
    {
        Run(0, new StartTimer(300)).Run(100, new ExtendTimer(60));
        Assert.Equal(new WorkshopTimer(TimerStatus.Running, 360, T0.AddSeconds(360), 0), Timer);
    }

    [Fact]
    public void Extending_a_timer_that_has_run_out_gives_the_extra_time_from_now()
    {
        Run(0, new StartTimer(300)).Run(400, new ExtendTimer(60));
        Assert.Equal(new WorkshopTimer(TimerStatus.Running, 360, T0.AddSeconds(460), 0), Timer);
    }

    [Fact]
    public void Extending_a_paused_timer_adds_to_the_time_left()
    {
        Run(0, new StartTimer(300)).Run(100, new PauseTimer()).Run(500, new ExtendTimer(60));
        Assert.Equal(new WorkshopTimer(TimerStatus.Paused, 360, null, 260), Timer);

        Run(600, new ResumeTimer());
        Assert.Equal(T0.AddSeconds(860), Timer.EndsAt);
    }

    [Fact]
    public void Starting_again_replaces_the_running_timer()
    {
        Run(0, new StartTimer(300)).Run(100, new StartTimer(60));
        Assert.Equal(new WorkshopTimer(TimerStatus.Running, 60, T0.AddSeconds(160), 0), Timer);
    }

    [Fact]
    public void Resetting_makes_the_timer_idle()
    {
        Run(0, new StartTimer(300)).Run(10, new ResetTimer());
        Assert.Equal(WorkshopTimer.Idle, Timer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(Limits.TimerMaxSeconds + 1)]
    public void A_timer_outside_its_bounds_is_refused(int seconds) =>
        AssertRefused(WorkshopError.TimerDurationInvalid, At(0, new StartTimer(seconds)), Limits.TimerMaxSeconds);

    [Theory]
    [InlineData(1)]
    [InlineData(Limits.TimerMaxSeconds)]
    public void A_timer_at_its_bounds_is_accepted(int seconds) =>
        Assert.Equal(seconds, Assert.IsType<TimerChanged>(Assert.Single(At(0, new StartTimer(seconds)).Events)).Timer.DurationSeconds);

    [Theory]
    [InlineData(0)]
    [InlineData(Limits.TimerExtensionMaxSeconds + 1)]
    public void An_extension_outside_its_bounds_is_refused(int seconds)
    {
        Run(0, new StartTimer(300));
        AssertRefused(WorkshopError.TimerDurationInvalid, At(10, new ExtendTimer(seconds)), Limits.TimerExtensionMaxSeconds);
    }

    [Fact]
    public void An_extension_of_the_largest_step_is_accepted()
    {
        Run(0, new StartTimer(300)).Run(0, new ExtendTimer(Limits.TimerExtensionMaxSeconds));
        Assert.Equal(300 + Limits.TimerExtensionMaxSeconds, Timer.DurationSeconds);
    }

    // Limits.TimerMaxSeconds: "A timer runs for at most three hours, and is extended by at most an hour at a time."
    // Whether an extension beyond it is refused or cut short, the time left must stay within it.
    [Fact]
    public void Extending_never_leaves_more_than_the_longest_timer_to_run()
    {
        Run(0, new StartTimer(Limits.TimerMaxSeconds));

        var decision = At(0, new ExtendTimer(Limits.TimerExtensionMaxSeconds));

        var timer = Workshop.Apply(_workshop.State, decision.Events).Timer;
        Assert.True(
            timer.RemainingAt(T0) <= TimeSpan.FromSeconds(Limits.TimerMaxSeconds),
            $"{timer.RemainingAt(T0)} left on a timer bounded to {Limits.TimerMaxSeconds} s");
    }

    [Fact]
    public void A_timer_that_was_never_started_cannot_be_paused_resumed_or_extended()
    {
        AssertRefused(WorkshopError.TimerNotStarted, At(0, new PauseTimer()));
        AssertRefused(WorkshopError.TimerNotStarted, At(0, new ResumeTimer()));
        AssertRefused(WorkshopError.TimerNotStarted, At(0, new ExtendTimer(60)));
    }

    [Fact]
    public void Pausing_a_paused_timer_resuming_a_running_one_or_resetting_an_idle_one_changes_nothing()
    {
        AssertUnchanged(_workshop.State, At(0, new ResetTimer()));

        Run(0, new StartTimer(300));
        AssertUnchanged(_workshop.State, At(10, new ResumeTimer()));

        Run(20, new PauseTimer());
        AssertUnchanged(_workshop.State, At(30, new PauseTimer()));
    }

    public static TheoryData<WorkshopCommand> TimerCommands() => new()
    {
        new StartTimer(60),
        new PauseTimer(),
        new ResumeTimer(),
        new ExtendTimer(60),
        new ResetTimer(),
    };

    [Theory]
    [MemberData(nameof(TimerCommands))]
    public void Only_the_facilitator_runs_the_timer(WorkshopCommand command)
    {
        Run(0, new StartTimer(300));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), command));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, command));
    }

    [Fact]
    public void Every_screen_sees_the_timer_in_its_header()
    {
        var change = _workshop.ChangeByFacilitator(new StartTimer(300));

        Assert.All(new[] { change.Facilitator, change.Projector, change.Participants }, d => Assert.Equal(TimerStatus.Running, d.Header!.Timer.Status));
    }
}
