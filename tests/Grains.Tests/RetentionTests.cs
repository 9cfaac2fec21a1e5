using CollectifLive.Events;
using CollectifLive.Silo;
using CollectifLive.Silo.Hosting;
using CollectifLive.Testing;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Grains.Tests;

/// <summary>A test cluster whose grains read the time from a clock the tests move.</summary>
public class FakeClockClusterFixture : TestClusterFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    protected override void Configure(ISiloBuilder silo) => silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Domain, Clock);
}

/// <summary>The same on the one-machine storage.</summary>
public sealed class FakeClockSqliteClusterFixture : FakeClockClusterFixture
{
    protected override StorageProvider Storage => StorageProvider.Sqlite;
}

/// <summary>
/// Workshops delete themselves <c>Retention:Days</c> (90 by default) after their last change, unless kept. The
/// reminder's tick is delivered by hand (its period is hours of real time); the clock it reads is moved by the test.
/// </summary>
public abstract class RetentionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : FakeClockClusterFixture
{
    private readonly Workshops _workshops = new(fixture.Client);

    private Task Tick(IWorkshopGrain grain) =>
        grain.AsReference<IRemindable>().ReceiveReminder("retention", new TickStatus(fixture.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromHours(6), fixture.Clock.GetUtcNow().UtcDateTime));

    /// <summary>A day dated by the tests' clock, which earlier tests of the class have moved by months.</summary>
    private CreateEvent Today(params EventWorkshop[] workshops) =>
        Events.Day(workshops) with { Date = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime) };

    [Fact]
    public async Task A_workshop_is_deleted_ninety_days_after_its_last_change_not_before()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);

        fixture.Clock.Advance(TimeSpan.FromDays(60));
        Assert.True((await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "Une idée tardive", NoteColour.Yellow))).IsAccepted);
        fixture.Clock.Advance(TimeSpan.FromDays(89));
        await Tick(grain);
        Assert.True(await grain.Exists(), "149 days after its creation but 89 after its last note, the workshop stays");

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await Tick(grain);
        Assert.False(await grain.Exists());
        Assert.Equal(WorkshopError.WorkshopNotFound, (await grain.Access(Workshops.Facilitator)).Error);
    }

    [Fact]
    public async Task A_kept_workshop_stays_until_it_is_let_go()
    {
        var (grain, _) = await _workshops.Create();
        await Workshops.Facilitate(grain, new SetKept(true));
        Assert.True((await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Header.Kept);

        fixture.Clock.Advance(TimeSpan.FromDays(400));
        await Tick(grain);
        Assert.True(await grain.Exists());

        await Workshops.Facilitate(grain, new SetKept(false));
        fixture.Clock.Advance(TimeSpan.FromDays(90));
        await Tick(grain);
        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task An_event_forgets_a_workshop_its_retention_deleted()
    {
        var emergence = Events.Atelier("Émergence");
        var numerique = Events.Atelier("Numérique");
        var (eventGrain, _) = await Events.Create(fixture.Client, Today(emergence, numerique));
        var kept = fixture.Client.GetGrain<IWorkshopGrain>(numerique.WorkshopId);
        Assert.True((await kept.Execute(Credential.Facilitator(Events.OrganiserKey), Guid.NewGuid(), new SetKept(true))).IsAccepted);

        fixture.Clock.Advance(TimeSpan.FromDays(91));
        await Tick(fixture.Client.GetGrain<IWorkshopGrain>(emergence.WorkshopId));
        await Tick(kept);

        Assert.Equal([numerique.WorkshopId], (await eventGrain.View(Events.OrganiserKey)).View!.WorkshopIds.AsEnumerable());
    }

    [Fact]
    public async Task An_event_left_without_workshops_goes_once_its_own_retention_has_passed()
    {
        var emergence = Events.Atelier("Émergence");
        var (eventGrain, _) = await Events.Create(fixture.Client, Today(emergence));
        var remindable = eventGrain.AsReference<IRemindable>();
        var tick = new TickStatus(fixture.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromHours(6), fixture.Clock.GetUtcNow().UtcDateTime);

        fixture.Clock.Advance(TimeSpan.FromDays(91));
        await remindable.ReceiveReminder("retention", tick);
        Assert.Equal(WorkshopError.None, (await eventGrain.View(Events.OrganiserKey)).Error);

        await Tick(fixture.Client.GetGrain<IWorkshopGrain>(emergence.WorkshopId));
        await remindable.ReceiveReminder("retention", tick);
        Assert.Equal(WorkshopError.None, (await eventGrain.View(Events.OrganiserKey)).Error);

        fixture.Clock.Advance(TimeSpan.FromDays(90));
        await remindable.ReceiveReminder("retention", tick);
        Assert.Equal(WorkshopError.EventNotFound, (await eventGrain.View(Events.OrganiserKey)).Error);
    }
}

public sealed class RetentionTestsOnAzureStorage(FakeClockClusterFixture fixture) : RetentionTests<FakeClockClusterFixture>(fixture);

public sealed class RetentionTestsOnSqlite(FakeClockSqliteClusterFixture fixture) : RetentionTests<FakeClockSqliteClusterFixture>(fixture);
