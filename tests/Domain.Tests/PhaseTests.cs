using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class PhaseTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private Decision AminaPosts() => _workshop.Decide(_workshop.Participant("amina"), new AddNote("c1", "idée", NoteColour.Yellow));

    [Fact]
    public void A_new_workshop_starts_in_welcome_where_participants_cannot_post()
    {
        var state = Workshop.Apply(null, Workshop.Create("ws", WorkshopBuilder.Create(["Idées"]), "ABC234", WorkshopBuilder.Now).Events);
        var join = Workshop.Join(state, new JoinWorkshop("amina", Presence.Room, WorkshopBuilder.SecretFor("amina"), "ABC234"), WorkshopBuilder.Now);
        state = Workshop.Apply(state, join.Events);

        var refused = Workshop.Decide(state, Actor.Participant(join.Value!), new AddNote("c1", "trop tôt", NoteColour.Yellow), WorkshopBuilder.Now);

        Assert.Equal(Phase.Welcome, state.Phase);
        AssertRefused(WorkshopError.NotesClosedInPhase, refused);
    }

    [Theory]
    [InlineData(Phase.Welcome)]
    [InlineData(Phase.Grouping)]
    [InlineData(Phase.Vote)]
    [InlineData(Phase.Synthesis)]
    public void The_facilitator_moves_the_workshop_to_any_step_and_back(Phase phase)
    {
        var before = _workshop.State;
        var decision = _workshop.Decide(Actor.Facilitator, new SetPhase(phase));

        Assert.Equal(phase, Assert.IsType<PhaseChanged>(Assert.Single(decision.Events)).Phase);
        var after = Workshop.Apply(before, decision.Events);
        Assert.Equal(phase, after.Phase);
        Assert.Equal(before.Version + 1, after.Version);

        _workshop.Facilitate(new SetPhase(phase)).Facilitate(new SetPhase(Phase.Contribution));
        Assert.Equal(Phase.Contribution, _workshop.State.Phase);
    }

    [Fact]
    public void Moving_to_the_current_step_changes_nothing() =>
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new SetPhase(Phase.Contribution)));

    [Fact]
    public void An_undefined_step_is_refused() =>
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new SetPhase((Phase)42)));

    [Fact]
    public void Only_the_facilitator_changes_the_step()
    {
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), new SetPhase(Phase.Vote)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new SetPhase(Phase.Vote)));
    }

    [Fact]
    public void Participants_post_during_contribution() => Assert.True(AminaPosts().IsAccepted);

    [Theory]
    [InlineData(Phase.Welcome)]
    [InlineData(Phase.Grouping)]
    [InlineData(Phase.Vote)]
    [InlineData(Phase.Synthesis)]
    public void Outside_contribution_participants_cannot_post(Phase phase)
    {
        _workshop.Facilitate(new SetPhase(phase));
        AssertRefused(WorkshopError.NotesClosedInPhase, AminaPosts());
    }

    [Theory]
    [InlineData(Phase.Grouping)]
    [InlineData(Phase.Vote)]
    public void Late_notes_let_participants_post_during_grouping_and_vote(Phase phase)
    {
        _workshop.WithSettings(s => s with { LateNotes = true }).Facilitate(new SetPhase(phase));
        Assert.True(AminaPosts().IsAccepted);
    }

    [Theory]
    [InlineData(Phase.Welcome)]
    [InlineData(Phase.Synthesis)]
    public void Late_notes_do_not_open_welcome_or_synthesis(Phase phase)
    {
        _workshop.WithSettings(s => s with { LateNotes = true }).Facilitate(new SetPhase(phase));
        AssertRefused(WorkshopError.NotesClosedInPhase, AminaPosts());
    }

    [Fact]
    public void Outside_writing_steps_an_author_can_no_longer_edit_or_delete_but_the_facilitator_can()
    {
        _workshop.WithNote(_workshop.ParticipantId("amina"), "idée").Facilitate(new SetPhase(Phase.Grouping));
        var amina = _workshop.Participant("amina");
        var noteId = _workshop.NoteId("idée");

        AssertRefused(WorkshopError.NotesClosedInPhase, _workshop.Decide(amina, new EditNote(noteId, "corrigée", "c1", NoteColour.Yellow)));
        AssertRefused(WorkshopError.NotesClosedInPhase, _workshop.Decide(amina, new DeleteNote(noteId)));
        Assert.True(_workshop.Decide(Actor.Facilitator, new EditNote(noteId, "corrigée", "c1", NoteColour.Yellow)).IsAccepted);
        Assert.True(_workshop.Decide(Actor.Facilitator, new DeleteNote(noteId)).IsAccepted);
    }

    [Theory]
    [InlineData(Phase.Welcome, false, false, false)]
    [InlineData(Phase.Contribution, false, false, true)]
    [InlineData(Phase.Contribution, false, true, false)]
    [InlineData(Phase.Grouping, false, false, false)]
    [InlineData(Phase.Grouping, true, false, true)]
    [InlineData(Phase.Vote, true, false, true)]
    [InlineData(Phase.Vote, true, true, false)]
    [InlineData(Phase.Synthesis, true, false, false)]
    public void The_screens_rule_for_writing_matches_what_the_domain_accepts(Phase phase, bool lateNotes, bool notesClosed, bool mayWrite)
    {
        if (lateNotes)
        {
            _workshop.WithSettings(s => s with { LateNotes = true });
        }

        if (phase != Phase.Contribution)
        {
            _workshop.Facilitate(new SetPhase(phase));
        }

        if (notesClosed)
        {
            _workshop.Facilitate(new SetLocks(new WorkshopLocks(false, true)));
        }

        Assert.Equal(mayWrite, WorkshopRules.ParticipantsMayWrite(WorkshopProjection.Header(_workshop.State, Audience.Participants)));
        Assert.Equal(mayWrite, AminaPosts().IsAccepted);
    }
}
