using CollectifLive.Events;
using CollectifLive.Silo.Hosting;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

public abstract class EventGrainTests(TestClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task An_event_creates_its_workshops_and_its_organiser_key_opens_each_console()
    {
        var emergence = Events.Atelier("Émergence");
        var numerique = Events.Atelier("Numérique");
        var (grain, view) = await Events.Create(Grains, Events.Day(emergence, numerique));

        Assert.Equal([emergence.WorkshopId, numerique.WorkshopId], view.WorkshopIds.AsEnumerable());
        foreach (var workshop in new[] { emergence, numerique })
        {
            var workshopGrain = Grains.GetGrain<IWorkshopGrain>(workshop.WorkshopId);
            Assert.Equal(CredentialKind.Facilitator, (await workshopGrain.Access(Credential.Facilitator(Events.OrganiserKey))).Role);
            Assert.Equal(CredentialKind.Facilitator, (await workshopGrain.Access(Credential.Facilitator(workshop.FacilitatorSecret))).Role);
            Assert.Equal(CredentialKind.Projector, (await workshopGrain.Access(Credential.Projector(Events.OrganiserProjectorKey))).Role);
            var accepted = await workshopGrain.Execute(Credential.Facilitator(Events.OrganiserKey), Guid.NewGuid(), new SetPhase(Phase.Contribution));
            Assert.True(accepted.IsAccepted, accepted.Error.ToString());
        }

        Assert.Equal(WorkshopError.None, (await grain.View(Events.OrganiserKey)).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await grain.View(emergence.FacilitatorSecret)).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await grain.View(Events.OrganiserProjectorKey)).Error);
        Assert.Equal(WorkshopError.EventNotFound, (await Grains.GetGrain<CollectifLive.Events.IEventGrain>(Events.NewId('e')).View(Events.OrganiserKey)).Error);

        // A workshop's own facilitator has no rights on its neighbour.
        Assert.Equal(WorkshopError.AccessDenied, (await Grains.GetGrain<IWorkshopGrain>(numerique.WorkshopId).Access(Credential.Facilitator(emergence.FacilitatorSecret))).Error);
    }

    [Fact]
    public async Task A_retried_creation_answers_the_same_event_and_makes_nothing_twice()
    {
        var emergence = Events.Atelier("Émergence");
        var command = Events.Day(emergence);
        var (grain, first) = await Events.Create(Grains, command);

        var again = await grain.Create(command);
        Assert.Equal(WorkshopError.None, again.Error);
        Assert.Equal(first.WorkshopIds.AsEnumerable(), again.View!.WorkshopIds.AsEnumerable());
        Assert.Equal(first.CreatedAt, again.View.CreatedAt);

        // The same id with another organiser is someone else's event.
        var stolen = await grain.Create(command with { OrganiserSecret = "another-organiser-0123456789abcdefgh" });
        Assert.Equal(WorkshopError.WorkshopAlreadyExists, stolen.Error);
    }

    [Fact]
    public async Task A_refused_event_makes_no_workshop()
    {
        var good = Events.Atelier("Émergence");
        var bad = Events.Atelier("Consolidation") with { Columns = [] };
        var grain = Grains.GetGrain<CollectifLive.Events.IEventGrain>(Events.NewId('e'));

        var refused = await grain.Create(Events.Day(good, bad));

        Assert.Equal(WorkshopError.TooFewColumns, refused.Error);
        Assert.Equal(Limits.ColumnsMin, refused.Limit);
        Assert.False(await Grains.GetGrain<IWorkshopGrain>(good.WorkshopId).Exists());
        Assert.Equal(WorkshopError.EventNotFound, (await grain.View(Events.OrganiserKey)).Error);
    }

    [Fact]
    public async Task The_organiser_adds_a_workshop_up_to_the_limit()
    {
        var (grain, _) = await Events.Create(Grains, Events.Day());
        var added = Events.Atelier("Concrétisation");

        Assert.Equal(WorkshopError.AccessDenied, (await grain.AddWorkshop(added.FacilitatorSecret, added)).Error);
        var result = await grain.AddWorkshop(Events.OrganiserKey, added);
        Assert.True(result.IsAccepted, result.Error.ToString());
        Assert.Equal(result.Value, (await grain.AddWorkshop(Events.OrganiserKey, added)).Value);
        Assert.Equal([added.WorkshopId], (await grain.View(Events.OrganiserKey)).View!.WorkshopIds.AsEnumerable());

        for (var i = 1; i < Limits.WorkshopsPerEventMax; i++)
        {
            Assert.True((await grain.AddWorkshop(Events.OrganiserKey, Events.Atelier($"Atelier {i}"))).IsAccepted);
        }

        var over = Events.Atelier("Un de trop");
        var refused = await grain.AddWorkshop(Events.OrganiserKey, over);
        Assert.Equal(WorkshopError.TooManyEventWorkshops, refused.Error);
        Assert.Equal(Limits.WorkshopsPerEventMax, refused.Limit);
        Assert.False(await Grains.GetGrain<IWorkshopGrain>(over.WorkshopId).Exists());
    }

    [Fact]
    public async Task Reissued_keys_lock_out_the_old_console_at_once()
    {
        var emergence = Events.Atelier("Émergence");
        await Events.Create(Grains, Events.Day(emergence));
        var workshop = Grains.GetGrain<IWorkshopGrain>(emergence.WorkshopId);
        const string newKey = "reissued-facilitator-0123456789abcdef";
        const string newProjector = "reissued-projector-0123456789abcdefg";

        var reissued = await workshop.Execute(Credential.Facilitator(Events.OrganiserKey), Guid.NewGuid(), new ReissueKeys(newKey, newProjector));

        Assert.True(reissued.IsAccepted, reissued.Error.ToString());
        Assert.Equal(WorkshopError.AccessDenied, (await workshop.Execute(Credential.Facilitator(emergence.FacilitatorSecret), Guid.NewGuid(), new SetPhase(Phase.Contribution))).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await workshop.Access(Credential.Projector(emergence.ProjectorSecret))).Error);
        Assert.True((await workshop.Execute(Credential.Facilitator(newKey), Guid.NewGuid(), new SetPhase(Phase.Contribution))).IsAccepted);
        Assert.Equal(CredentialKind.Projector, (await workshop.Access(Credential.Projector(newProjector))).Role);
        Assert.Equal(1, (await workshop.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Header.KeyGeneration);
    }

    [Fact]
    public async Task Only_a_participant_of_the_days_ateliers_gives_consent_and_only_on_what_the_plenary_shows()
    {
        var emergence = Events.Atelier("Émergence");
        var (grain, view) = await Events.Create(Grains, Events.Day(emergence));
        var workshop = Grains.GetGrain<IWorkshopGrain>(emergence.WorkshopId);
        Assert.True((await workshop.Execute(Credential.Facilitator(Events.OrganiserKey), Guid.NewGuid(), new SetPhase(Phase.Contribution))).IsAccepted);
        var amina = await Workshops.Join(workshop, 1);
        var step = new CollectifLive.Events.PlenaryStep(emergence.WorkshopId, "Émergence", "r1", 1, "Ouvrir la salle le soir", null, 1, 1);

        Assert.Equal(WorkshopError.VoteRoundClosed, (await grain.GiveDayConsent(emergence.WorkshopId, amina, step.Key, ConsentAnswers.Agree)).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await grain.SetPlenaryStep(emergence.FacilitatorSecret, step)).Error);
        Assert.Equal(WorkshopError.InvalidRequest, (await grain.SetPlenaryStep(Events.OrganiserKey, step with { WorkshopId = "wnotofthisday1" })).Error);
        Assert.True((await grain.SetPlenaryStep(Events.OrganiserKey, step)).IsAccepted);

        Assert.Equal(WorkshopError.UnknownVoteItem, (await grain.GiveDayConsent(emergence.WorkshopId, amina, step.Key, "maybe")).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await grain.GiveDayConsent(emergence.WorkshopId, Credential.Participant("p1", "forged-participant-key-0123456789"), step.Key, ConsentAnswers.Agree)).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await grain.GiveDayConsent(emergence.WorkshopId, Credential.Facilitator(Events.OrganiserKey), step.Key, ConsentAnswers.Agree)).Error);
        Assert.Equal(WorkshopError.VoteRoundClosed, (await grain.GiveDayConsent(emergence.WorkshopId, amina, "other/r9", ConsentAnswers.Agree)).Error);

        Assert.True((await grain.GiveDayConsent(emergence.WorkshopId, amina, step.Key, ConsentAnswers.Objection)).IsAccepted);
        Assert.True((await grain.GiveDayConsent(emergence.WorkshopId, amina, step.Key, ConsentAnswers.Agree)).IsAccepted);
        var plenary = (await grain.Plenary(TestClusterFixture.Service))!;
        Assert.Equal(new CollectifLive.Events.DayConsentTally(step.Key, 1, 0, 0), plenary.Consent);
        Assert.Equal(step, plenary.Step);

        // Closing the plenary keeps what it gathered, for the day's synthesis.
        Assert.True((await grain.SetPlenaryStep(Events.OrganiserKey, null)).IsAccepted);
        Assert.Null((await grain.Plenary(TestClusterFixture.Service))!.Step);
        Assert.Equal(1, Assert.Single((await grain.View(Events.OrganiserKey)).View!.DayConsents).Agree);
        Assert.NotNull(view.DayCode);
    }

    [Fact]
    public async Task Without_the_service_key_a_client_of_the_silo_reads_nothing()
    {
        var emergence = Events.Atelier("Émergence");
        var (eventGrain, _) = await Events.Create(Grains, Events.Day(emergence));
        var workshop = Grains.GetGrain<IWorkshopGrain>(emergence.WorkshopId);
        var forged = new ServiceKey("forged-service-key-0123456789abcdefgh");

        var sync = await workshop.Sync(forged, -1);
        Assert.Equal(WorkshopError.AccessDenied, sync.Error);
        Assert.Null(sync.Snapshot);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => workshop.Subscribe(forged, Grains.CreateObjectReference<IWorkshopObserver>(new ChangeRecorder())));
        Assert.Null(await eventGrain.Plenary(forged));
        Assert.Null(await eventGrain.Plenary(new ServiceKey("")));

        Assert.NotNull((await workshop.Sync(TestClusterFixture.Service, -1)).Snapshot);
        Assert.NotNull(await eventGrain.Plenary(TestClusterFixture.Service));
    }

    [Fact]
    public async Task A_call_without_the_cluster_service_key_reaches_no_method_of_any_grain()
    {
        var emergence = Events.Atelier("Émergence");
        var (eventGrain, view) = await Events.Create(Grains, Events.Day(emergence));
        var workshop = Grains.GetGrain<IWorkshopGrain>(emergence.WorkshopId);
        var code = await Workshops.CodeOf(workshop);
        var newDay = Grains.GetGrain<IEventGrain>(Events.NewId('e'));
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("Sync", () => workshop.Sync(TestClusterFixture.Service, -1)),
            ("Exists", () => workshop.Exists()),
            ("Join", () => workshop.Join(Guid.NewGuid(), new JoinWorkshop("Intrus", Presence.Room, Workshops.ParticipantKey(9), code))),
            ("Resolve", () => Grains.GetGrain<CollectifLive.JoinCodes.IJoinCodeGrain>(code).Resolve()),
            ("Ateliers", () => eventGrain.Ateliers(view.DayCode!)),
            ("Plenary", () => eventGrain.Plenary(TestClusterFixture.Service)),
            ("Create", () => newDay.Create(Events.Day(Events.Atelier("Intrusion")))),
        };

        foreach (var presented in new[] { "forged-service-key-0123456789abcdefgh", string.Empty })
        {
            RequestContext.Set(ServiceKeyFilters.ContextKey, presented);
            try
            {
                foreach (var (name, call) in calls)
                {
                    await Assert.ThrowsAsync<UnauthorizedAccessException>(call);
                }
            }
            finally
            {
                RequestContext.Clear();
            }
        }

        Assert.Equal(WorkshopError.EventNotFound, (await newDay.View(Events.OrganiserKey)).Error);
        Assert.DoesNotContain((await workshop.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Roster, p => p.DisplayName == "Intrus");
    }
}

[Collection(ClusterCollection.Name)]
public sealed class EventGrainTestsOnAzureStorage(TestClusterFixture fixture) : EventGrainTests(fixture);

[Collection(SqliteClusterCollection.Name)]
public sealed class EventGrainTestsOnSqlite(SqliteTestClusterFixture fixture) : EventGrainTests(fixture);
