using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>A participant takes their name off, or leaves with or without their notes, at any time.</summary>
public class LeavingTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder()
        .WithParticipant("amina")
        .WithParticipant("bruno");

    private WorkshopBuilder WithNotes() => _workshop
        .WithNote(_workshop.ParticipantId("amina"), "Ouvrir la salle le soir")
        .WithNote(_workshop.ParticipantId("amina"), "Un référent à la mairie")
        .WithNote(_workshop.ParticipantId("bruno"), "Un jardin partagé");

    [Fact]
    public void Removing_ones_name_keeps_the_notes_signed_by_nobody()
    {
        var aminaId = _workshop.ParticipantId("amina");
        var builder = WithNotes();
        var before = builder.State;
        var state = builder.Do(Actor.Participant(aminaId), new RemoveMyName()).State;
        var amina = state.Participants[aminaId];

        Assert.Null(amina.DisplayName);
        Assert.Equal(2, state.Notes.Values.Count(n => n.AuthorId == amina.Id));
        var facilitatorView = WorkshopProjection.Snapshot(state).Facilitator;
        Assert.All(facilitatorView.Notes.Where(n => n.AuthorId == amina.Id), n => Assert.Null(n.AuthorName));
        Assert.Equal(Actor.Participant(amina.Id), WorkshopAccess.Authenticate(state, Credential.Participant(amina.Id, WorkshopBuilder.SecretFor("amina"))));

        // The consoles are told of the notes again, now unsigned.
        var change = WorkshopProjection.Change(before, state);
        Assert.Equal(2, change.Facilitator.Notes.Upserts.Count(n => n.AuthorId == aminaId && n.AuthorName is null));

        // Once is enough.
        Assert.Empty(Workshop.Decide(state, Actor.Participant(aminaId), new RemoveMyName(), WorkshopBuilder.Now).Events);
    }

    [Fact]
    public void Leaving_with_ones_notes_deletes_them_forgets_the_key_and_still_counts_the_person()
    {
        var builder = WithNotes();
        var aminaId = builder.ParticipantId("amina");
        var before = WorkshopProjection.Header(builder.State, Audience.Facilitator).Counts;

        var state = builder.Do(builder.Participant("amina"), new LeaveWorkshop(DeleteNotes: true)).State;

        Assert.DoesNotContain(state.Notes.Values, n => n.AuthorId == aminaId || n.Text == "Ouvrir la salle le soir");
        Assert.Single(state.Notes.Values, n => n.Text == "Un jardin partagé");
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Participant(aminaId, WorkshopBuilder.SecretFor("amina"))));
        Assert.Null(state.Participants[aminaId].DisplayName);
        var after = WorkshopProjection.Header(state, Audience.Facilitator).Counts;
        Assert.Equal(before.InRoom, after.InRoom);
        Assert.Equal(before.Notes - 2, after.Notes);
    }

    [Fact]
    public void Leaving_without_ones_notes_keeps_them_with_no_author()
    {
        var builder = WithNotes();
        var aminaId = builder.ParticipantId("amina");

        var state = builder.Do(builder.Participant("amina"), new LeaveWorkshop(DeleteNotes: false)).State;

        Assert.Equal(3, state.Notes.Count);
        Assert.DoesNotContain(state.Notes.Values, n => n.AuthorId == aminaId);
        Assert.Null(state.Notes.Values.Single(n => n.Text == "Ouvrir la salle le soir").AuthorId);
        Assert.Equal(builder.ParticipantId("bruno"), state.Notes.Values.Single(n => n.Text == "Un jardin partagé").AuthorId);
    }

    [Fact]
    public void A_projected_note_its_author_deletes_by_leaving_leaves_the_projector()
    {
        var builder = WithNotes();
        var noteId = builder.NoteId("Ouvrir la salle le soir");
        builder.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, noteId)));

        var state = builder.Do(builder.Participant("amina"), new LeaveWorkshop(DeleteNotes: true)).State;

        Assert.Null(state.Spotlight);
    }

    [Fact]
    public void Only_a_participant_leaves_or_removes_a_name()
    {
        var state = WithNotes().State;

        Assert.Equal(WorkshopError.NotAllowedForRole, Workshop.Decide(state, Actor.Facilitator, new LeaveWorkshop(true), WorkshopBuilder.Now).Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, Workshop.Decide(state, Actor.Projector, new RemoveMyName(), WorkshopBuilder.Now).Error);
    }

    [Fact]
    public void A_blocked_participant_can_still_leave_and_take_their_notes()
    {
        var builder = WithNotes();
        builder.Facilitate(new SetParticipantBlocked(builder.ParticipantId("amina"), true));
        builder.Facilitate(new SetLock(WorkshopLock.Notes, true));

        var state = builder.Do(builder.Participant("amina"), new LeaveWorkshop(DeleteNotes: true)).State;

        Assert.Single(state.Notes);
    }

    [Fact]
    public void The_facilitator_removes_a_participant_with_every_note_of_theirs_and_their_key_opens_nothing_any_more()
    {
        var aminaId = _workshop.ParticipantId("amina");
        var builder = WithNotes();
        var spotlit = builder.State.Notes.Values.First(n => n.AuthorId == aminaId).Id;
        builder.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, spotlit)));

        var decision = builder.Decide(Actor.Facilitator, new RemoveParticipant(aminaId));
        var state = Workshop.Apply(builder.State, decision.Events);

        Assert.Equal(aminaId, decision.Value);
        Assert.Equal(["Un jardin partagé"], state.Notes.Values.Select(n => n.Text));
        Assert.Null(state.Spotlight);
        Assert.True(state.Participants[aminaId].Left);
        Assert.Null(WorkshopAccess.Authenticate(state, Credential.Participant(aminaId, WorkshopBuilder.SecretFor("amina"))));
        Assert.DoesNotContain(WorkshopProjection.Snapshot(state).Facilitator.Roster, p => p.Id == aminaId);
        Assert.Empty(Workshop.Decide(state, Actor.Facilitator, new RemoveParticipant(aminaId), WorkshopBuilder.Now).Events);
    }

    [Fact]
    public void Only_the_facilitator_removes_a_participant_and_only_one_who_exists()
    {
        var bruno = _workshop.Participant("bruno");

        Assert.Equal(WorkshopError.NotAllowedForRole, _workshop.Decide(bruno, new RemoveParticipant(_workshop.ParticipantId("amina"))).Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new RemoveParticipant(_workshop.ParticipantId("amina"))).Error);
        Assert.Equal(WorkshopError.UnknownParticipant, _workshop.Decide(Actor.Facilitator, new RemoveParticipant("p999")).Error);
    }
}
