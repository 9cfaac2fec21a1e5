using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class SpotlightTests
{
    private readonly WorkshopBuilder _workshop;
    private readonly string _noteId;
    private readonly string _clusterId;

    public SpotlightTests()
    {
        _workshop = new WorkshopBuilder().WithParticipant("amina");
        _workshop.WithNote(_workshop.ParticipantId("amina"), "idée");
        _noteId = _workshop.NoteId("idée");
        _workshop.Facilitate(new CreateCluster("Lieux", [_noteId]));
        _clusterId = _workshop.ClusterId("Lieux");
    }

    private Decision Spotlight(SpotlightView? spotlight) => _workshop.Decide(Actor.Facilitator, new SetSpotlight(spotlight));

    [Fact]
    public void The_facilitator_puts_a_note_in_the_spotlight_on_every_screen()
    {
        var spotlight = new SpotlightView(SpotlightKind.Note, _noteId);

        var change = _workshop.ChangeByFacilitator(new SetSpotlight(spotlight));

        Assert.Equal(spotlight, _workshop.State.Spotlight?.ToView());
        Assert.Equal(spotlight, change.Projector.Header!.Spotlight);
        Assert.Equal(spotlight, change.Participants.Header!.Spotlight);
        Assert.Equal(spotlight, change.Facilitator.Header!.Spotlight);
    }

    [Fact]
    public void The_facilitator_puts_a_theme_in_the_spotlight_and_then_nothing()
    {
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Cluster, _clusterId)));
        Assert.Equal(new Spotlight(SpotlightKind.Cluster, _clusterId), _workshop.State.Spotlight);

        _workshop.Facilitate(new SetSpotlight(null));
        Assert.Null(_workshop.State.Spotlight);
    }

    [Fact]
    public void The_same_spotlight_again_changes_nothing()
    {
        AssertUnchanged(_workshop.State, Spotlight(null));

        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, _noteId)));
        AssertUnchanged(_workshop.State, Spotlight(new SpotlightView(SpotlightKind.Note, _noteId)));
    }

    [Fact]
    public void A_spotlight_on_what_does_not_exist_is_refused()
    {
        AssertRefused(WorkshopError.UnknownNote, Spotlight(new SpotlightView(SpotlightKind.Note, "n999")));
        AssertRefused(WorkshopError.UnknownCluster, Spotlight(new SpotlightView(SpotlightKind.Cluster, "t999")));
        AssertRefused(WorkshopError.UnknownCluster, Spotlight(new SpotlightView(SpotlightKind.Cluster, _noteId)));
    }

    [Fact]
    public void A_malformed_spotlight_is_refused()
    {
        AssertRefused(WorkshopError.InvalidRequest, Spotlight(new SpotlightView(SpotlightKind.Note, null!)));
        AssertRefused(WorkshopError.InvalidRequest, Spotlight(new SpotlightView((SpotlightKind)42, _noteId)));
    }

    [Fact]
    public void Only_the_facilitator_sets_the_spotlight()
    {
        var spotlight = new SetSpotlight(new SpotlightView(SpotlightKind.Note, _noteId));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), spotlight));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, spotlight));
    }

    // Hiding a note switches the spotlight off (the projector cannot show what it may not see), so putting a hidden
    // or pending note in the spotlight must not be possible either.
    [Fact]
    public void A_hidden_note_cannot_be_put_in_the_spotlight()
    {
        _workshop.Facilitate(new ModerateNote(_noteId, ModerationAction.Hide));

        var decision = Spotlight(new SpotlightView(SpotlightKind.Note, _noteId));

        Assert.False(decision.IsAccepted, "a hidden note was put in the projector's spotlight");
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_note_in_the_spotlight_that_its_author_sends_back_to_moderation_leaves_the_spotlight()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, _noteId)));

        _workshop.Do(_workshop.Participant("amina"), new EditNote(_noteId, "idée réécrite", "c1", NoteColour.Yellow));

        Assert.Equal(NoteStatus.Pending, _workshop.State.Notes[_noteId].Status);
        Assert.Null(_workshop.State.Spotlight);
    }
}
