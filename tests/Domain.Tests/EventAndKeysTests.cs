using System.Collections.Immutable;
using CollectifLive.Events;
using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>An event's rules, its organiser's rights on its workshops, and reissued keys.</summary>
public class EventAndKeysTests
{
    private const string Organiser = "organiser-secret-0123456789abcdefgh";
    private const string OrganiserProjector = "organiser-projector-0123456789abcd";

    private static EventWorkshop Atelier(string id, string title = "Émergence") =>
        new(id, title, "Que voulons-nous pour le quartier ?", ["Idées", "Freins"], null, $"facilitator-{id}-0123456789abcdef", $"projector-{id}-0123456789abcdefgh");

    private static CreateEvent Day(params EventWorkshop[] workshops) =>
        new("Journée citoyenne du quartier", new DateOnly(2026, 12, 5), "Maison des associations", Organiser, OrganiserProjector, [.. workshops]);

    private static WorkshopState WorkshopOfEvent()
    {
        var (eventState, _, _) = EventRules.Create("ev1", Day(Atelier("wsa")), WorkshopBuilder.Now);
        var decision = Workshop.Create("wsa", EventRules.CreateCommand(eventState!, Atelier("wsa")), "ABC234", WorkshopBuilder.Now);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        return Workshop.Apply(null, decision.Events);
    }

    [Fact]
    public void An_event_is_made_with_its_workshops_in_order()
    {
        var (state, error, _) = EventRules.Create("ev1", Day(Atelier("wsa"), Atelier("wsb", "Consolidation")), WorkshopBuilder.Now);

        Assert.Equal(WorkshopError.None, error);
        Assert.Equal(["wsa", "wsb"], state!.WorkshopIds.AsEnumerable());
        Assert.Equal("Maison des associations", state.Place);
        Assert.True(state.IsOrganiser(Organiser));
        Assert.False(state.IsOrganiser(Atelier("wsa").FacilitatorSecret));
        Assert.False(state.IsOrganiser(OrganiserProjector));
    }

    [Theory]
    [InlineData("", null, WorkshopError.TitleRequired, null)]
    [InlineData("T", "P", WorkshopError.None, null)]
    public void The_title_is_required(string title, string? place, WorkshopError expected, int? limit)
    {
        var (_, error, quoted) = EventRules.Create("ev1", Day() with { Title = title, Place = place }, WorkshopBuilder.Now);

        Assert.Equal(expected, error);
        Assert.Equal(limit, quoted);
    }

    [Fact]
    public void Bad_events_are_refused_with_their_limit()
    {
        Assert.Equal((WorkshopError.TitleTooLong, Limits.TitleMaxLength), Refusal(Day() with { Title = new string('a', Limits.TitleMaxLength + 1) }));
        Assert.Equal((WorkshopError.PlaceTooLong, Limits.PlaceMaxLength), Refusal(Day() with { Place = new string('a', Limits.PlaceMaxLength + 1) }));
        Assert.Equal((WorkshopError.EventDateInvalid, null), Refusal(Day() with { Date = new DateOnly(1900, 1, 1) }));
        Assert.Equal((WorkshopError.TooManyEventWorkshops, Limits.WorkshopsPerEventMax),
            Refusal(Day([.. Enumerable.Range(0, Limits.WorkshopsPerEventMax + 1).Select(i => Atelier($"w{i}"))])));
        Assert.Equal((WorkshopError.InvalidRequest, null), Refusal(Day(Atelier("wsa"), Atelier("wsa"))));
        Assert.Equal((WorkshopError.InvalidRequest, null), Refusal(Day() with { OrganiserSecret = "short" }));

        // A workshop is checked by the workshop's own rules before anything is made.
        Assert.Equal((WorkshopError.TooFewColumns, Limits.ColumnsMin), Refusal(Day(Atelier("wsa") with { Columns = [] })));
        Assert.Equal((WorkshopError.TitleRequired, null), Refusal(Day(Atelier("wsa") with { Title = " " })));

        static (WorkshopError, int?) Refusal(CreateEvent command)
        {
            var (state, error, limit) = EventRules.Create("ev1", command, WorkshopBuilder.Now);
            Assert.Null(state);
            return (error, limit);
        }
    }

    [Fact]
    public void The_organiser_keys_open_the_console_and_the_projector_of_the_event_workshops()
    {
        var state = WorkshopOfEvent();

        Assert.Equal("ev1", state.EventId);
        Assert.Equal(Actor.Facilitator, WorkshopAccess.Authenticate(state, Credential.Facilitator(Organiser)));
        Assert.Equal(Actor.Projector, WorkshopAccess.Authenticate(state, Credential.Projector(OrganiserProjector)));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Facilitator(OrganiserProjector)));
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Projector(Organiser)));
        Assert.Equal("ev1", WorkshopProjection.Header(state, Audience.Projector).EventId);

        // A workshop on its own has no organiser: no key but its own opens it.
        Assert.Null(WorkshopAccess.Authenticate(new WorkshopBuilder().State, Credential.Facilitator(Organiser)));
    }

    [Fact]
    public void A_workshop_of_an_event_needs_both_organiser_hashes_and_one_on_its_own_none()
    {
        var alone = WorkshopBuilder.Create(["Idées"]);
        var hash = WorkshopAccess.Hash(Organiser);

        Assert.Equal(WorkshopError.InvalidRequest, Workshop.Create("w", alone with { EventId = "ev1" }, "ABC234", WorkshopBuilder.Now).Error);
        Assert.Equal(WorkshopError.InvalidRequest, Workshop.Create("w", alone with { EventId = "ev1", OrganiserKeyHash = hash, OrganiserProjectorKeyHash = "not-a-hash" }, "ABC234", WorkshopBuilder.Now).Error);
        Assert.Equal(WorkshopError.InvalidRequest, Workshop.Create("w", alone with { OrganiserKeyHash = hash, OrganiserProjectorKeyHash = hash }, "ABC234", WorkshopBuilder.Now).Error);
    }

    [Fact]
    public void Reissued_keys_replace_the_old_ones_and_leave_the_organiser_in()
    {
        const string newFacilitator = "new-facilitator-key-0123456789abcdef";
        const string newProjector = "new-projector-key-0123456789abcdefgh";
        var state = WorkshopOfEvent();
        var decision = Workshop.Decide(state, Actor.Facilitator, new ReissueKeys(newFacilitator, newProjector), WorkshopBuilder.Now);
        var after = Workshop.Apply(state, decision.Events);

        Assert.Null(WorkshopAccess.Authenticate(after, Credential.Facilitator(Atelier("wsa").FacilitatorSecret)));
        Assert.Null(WorkshopAccess.Authenticate(after, Credential.Projector(Atelier("wsa").ProjectorSecret)));
        Assert.Equal(Actor.Facilitator, WorkshopAccess.Authenticate(after, Credential.Facilitator(newFacilitator)));
        Assert.Equal(Actor.Projector, WorkshopAccess.Authenticate(after, Credential.Projector(newProjector)));
        Assert.Equal(Actor.Facilitator, WorkshopAccess.Authenticate(after, Credential.Facilitator(Organiser)));
        Assert.Equal(1, WorkshopProjection.Header(after, Audience.Facilitator).KeyGeneration);
    }

    [Fact]
    public void Only_the_facilitator_reissues_keys_and_only_well_formed_ones()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        var keys = new ReissueKeys("new-facilitator-key-0123456789abcdef", "new-projector-key-0123456789abcdefgh");

        Assert.Equal(WorkshopError.NotAllowedForRole, Workshop.Decide(builder.State, Actor.Projector, keys, WorkshopBuilder.Now).Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, Workshop.Decide(builder.State, builder.Participant("amina"), keys, WorkshopBuilder.Now).Error);
        Assert.Equal(WorkshopError.InvalidRequest, Workshop.Decide(builder.State, Actor.Facilitator, keys with { ProjectorSecret = "short" }, WorkshopBuilder.Now).Error);
    }

    [Fact]
    public void A_workshop_keeps_every_code_it_had_so_that_its_deletion_frees_them_all()
    {
        var state = new WorkshopBuilder().State;
        state = Workshop.Apply(state, Workshop.RotateJoinCode(state, Actor.Facilitator, "DEF567").Events);
        state = Workshop.Apply(state, Workshop.RotateJoinCode(state, Actor.Facilitator, "GHJ789").Events);

        Assert.Equal("GHJ789", state.JoinCode);
        Assert.Equal(["ABC234", "DEF567", "GHJ789"], state.AllJoinCodes.Order());
    }
}
