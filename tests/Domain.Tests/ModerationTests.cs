using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class ModerationTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno");

    private Actor Amina => _workshop.Participant("amina");

    private string Post(string text)
    {
        _workshop.WithNote(_workshop.ParticipantId("amina"), text);
        return _workshop.NoteId(text);
    }

    private Decision Moderate(string noteId, ModerationAction action) => _workshop.Decide(Actor.Facilitator, new ModerateNote(noteId, action));

    [Fact]
    public void Without_pre_moderation_a_participants_note_is_visible_at_once()
    {
        var noteId = Post("idée");
        Assert.Equal(NoteStatus.Visible, _workshop.State.Notes[noteId].Status);
    }

    [Fact]
    public void Under_pre_moderation_a_participants_note_waits_in_the_queue_until_approved()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });
        var noteId = Post("en attente");
        Assert.Equal(NoteStatus.Pending, _workshop.State.Notes[noteId].Status);

        var approve = Moderate(noteId, ModerationAction.Approve);

        Assert.Equal(new NoteModerated(noteId, NoteStatus.Visible), Assert.Single(approve.Events));
        Assert.Equal(noteId, approve.Value);
        var after = Workshop.Apply(_workshop.State, approve.Events);
        Assert.Equal(NoteStatus.Visible, after.Notes[noteId].Status);
        Assert.Equal(_workshop.State.Version + 1, after.Version);
    }

    [Fact]
    public void The_facilitator_hides_a_note_and_shows_it_again()
    {
        var noteId = Post("idée");

        _workshop.Facilitate(new ModerateNote(noteId, ModerationAction.Hide));
        Assert.Equal(NoteStatus.Hidden, _workshop.State.Notes[noteId].Status);

        _workshop.Facilitate(new ModerateNote(noteId, ModerationAction.Unhide));
        Assert.Equal(NoteStatus.Visible, _workshop.State.Notes[noteId].Status);
    }

    [Fact]
    public void A_pending_note_can_be_hidden_instead_of_approved()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });
        var noteId = Post("hors sujet");

        _workshop.Facilitate(new ModerateNote(noteId, ModerationAction.Hide));

        Assert.Equal(NoteStatus.Hidden, _workshop.State.Notes[noteId].Status);
    }

    [Fact]
    public void Moderation_that_finds_the_note_already_so_changes_nothing()
    {
        var visible = Post("visible");
        var hidden = Post("cachée");
        _workshop.Facilitate(new ModerateNote(hidden, ModerationAction.Hide));

        AssertUnchanged(_workshop.State, Moderate(visible, ModerationAction.Approve));
        AssertUnchanged(_workshop.State, Moderate(visible, ModerationAction.Unhide));
        AssertUnchanged(_workshop.State, Moderate(hidden, ModerationAction.Hide));
        AssertUnchanged(_workshop.State, Moderate(hidden, ModerationAction.Approve));
    }

    [Fact]
    public void Moderating_a_note_that_does_not_exist_is_refused()
    {
        AssertRefused(WorkshopError.UnknownNote, Moderate("n999", ModerationAction.Hide));
        AssertRefused(WorkshopError.UnknownNote, Moderate(null!, ModerationAction.Hide));
    }

    [Fact]
    public void An_undefined_moderation_action_is_refused() =>
        AssertRefused(WorkshopError.InvalidRequest, Moderate(Post("idée"), (ModerationAction)42));

    [Fact]
    public void Only_the_facilitator_moderates()
    {
        var noteId = Post("idée");
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Amina, new ModerateNote(noteId, ModerationAction.Hide)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new ModerateNote(noteId, ModerationAction.Hide)));
    }

    [Fact]
    public void Hiding_the_note_in_the_spotlight_turns_the_spotlight_off()
    {
        var noteId = Post("idée");
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, noteId)));

        var decision = Moderate(noteId, ModerationAction.Hide);

        Assert.Equal([new SpotlightChanged(null), new NoteModerated(noteId, NoteStatus.Hidden)], decision.Events.AsEnumerable());
        Assert.Null(Workshop.Apply(_workshop.State, decision.Events).Spotlight);
    }

    [Fact]
    public void A_blocked_participant_cannot_post_and_unblocking_lets_them_post_again()
    {
        var amina = _workshop.ParticipantId("amina");

        var block = _workshop.Decide(Actor.Facilitator, new SetParticipantBlocked(amina, true));
        Assert.Equal(new ParticipantBlocked(amina, true), Assert.Single(block.Events));
        _workshop.Facilitate(new SetParticipantBlocked(amina, true));
        Assert.True(_workshop.State.Participants[amina].Blocked);
        AssertRefused(WorkshopError.ParticipantBlocked, _workshop.Decide(Amina, new AddNote("c1", "idée", NoteColour.Yellow)));
        Assert.True(_workshop.Decide(_workshop.Participant("bruno"), new AddNote("c1", "idée", NoteColour.Yellow)).IsAccepted);

        _workshop.Facilitate(new SetParticipantBlocked(amina, false));
        Assert.False(_workshop.State.Participants[amina].Blocked);
        Assert.True(_workshop.Decide(Amina, new AddNote("c1", "idée", NoteColour.Yellow)).IsAccepted);
    }

    [Fact]
    public void A_blocked_participant_stays_in_and_keeps_their_notes_on_the_wall()
    {
        var noteId = Post("idée");
        _workshop.Facilitate(new SetParticipantBlocked(_workshop.ParticipantId("amina"), true));

        Assert.Contains(WorkshopProjection.View(_workshop.State, Audience.Participants).Notes, n => n.Id == noteId);
        Assert.Equal(Amina, WorkshopAccess.Authenticate(_workshop.State, Credential.Participant(_workshop.ParticipantId("amina"), WorkshopBuilder.SecretFor("amina"))));
    }

    [Fact]
    public void Blocking_someone_already_blocked_or_unblocking_someone_free_changes_nothing()
    {
        var amina = _workshop.ParticipantId("amina");
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new SetParticipantBlocked(amina, false)));

        _workshop.Facilitate(new SetParticipantBlocked(amina, true));
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new SetParticipantBlocked(amina, true)));
    }

    [Theory]
    [InlineData("p999")]
    [InlineData(null)]
    public void Blocking_someone_who_never_joined_is_refused(string? participantId) =>
        AssertRefused(WorkshopError.UnknownParticipant, _workshop.Decide(Actor.Facilitator, new SetParticipantBlocked(participantId!, true)));

    [Fact]
    public void Only_the_facilitator_blocks()
    {
        var bruno = _workshop.ParticipantId("bruno");
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Amina, new SetParticipantBlocked(bruno, true)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new SetParticipantBlocked(bruno, true)));
    }
}
