using System.Collections.Immutable;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class EditAndDeleteTests
{
    private static readonly DateTimeOffset Later = WorkshopBuilder.Now.AddMinutes(3);

    private readonly WorkshopBuilder _workshop;
    private readonly string _noteId;

    public EditAndDeleteTests()
    {
        _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno");
        _workshop.WithNote(_workshop.ParticipantId("amina"), "Un lieu ouvert le soir");
        _noteId = _workshop.NoteId("Un lieu ouvert le soir");
    }

    private Actor Amina => _workshop.Participant("amina");

    private Decision Edit(Actor actor, string text = "Un lieu ouvert le soir et le week-end", string column = "c2", NoteColour colour = NoteColour.Blue, string? noteId = null) =>
        _workshop.Decide(actor, new EditNote(noteId ?? _noteId, text, column, colour), Later);

    [Fact]
    public void An_author_rewrites_their_note_and_it_is_stamped_as_edited()
    {
        var before = _workshop.State;
        var decision = Edit(Amina, "  Un lieu ouvert le soir\r\net le week-end ");

        var edited = Assert.IsType<NoteEdited>(Assert.Single(decision.Events));
        Assert.Equal(_noteId, decision.Value);
        var after = Workshop.Apply(before, decision.Events);
        var note = after.Notes[_noteId];
        Assert.Equal("Un lieu ouvert le soir\net le week-end", note.Text);
        Assert.Equal("c2", note.ColumnId);
        Assert.Equal(NoteColour.Blue, note.Colour);
        Assert.Equal(Later, note.EditedAt);
        Assert.Equal(Later, edited.At);
        Assert.Equal(NoteStatus.Visible, note.Status);
        Assert.Equal(before.Notes[_noteId].CreatedAt, note.CreatedAt);
        Assert.Equal(before.Notes[_noteId].AuthorId, note.AuthorId);
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public void The_facilitator_rewrites_anyones_note()
    {
        _workshop.WithPaperNote("papier avec une faute");
        var paper = _workshop.NoteId("papier avec une faute");

        Assert.True(Edit(Actor.Facilitator).IsAccepted);
        Assert.True(Edit(Actor.Facilitator, "papier sans faute", "c1", NoteColour.Yellow, paper).IsAccepted);
    }

    [Fact]
    public void Another_participant_cannot_edit_or_delete_a_note_that_is_not_theirs()
    {
        var bruno = _workshop.Participant("bruno");
        AssertRefused(WorkshopError.NotYourNote, Edit(bruno));
        AssertRefused(WorkshopError.NotYourNote, _workshop.Decide(bruno, new DeleteNote(_noteId)));
    }

    [Fact]
    public void A_participant_cannot_edit_or_delete_a_paper_note()
    {
        _workshop.WithPaperNote("sur papier");
        var paper = _workshop.NoteId("sur papier");

        AssertRefused(WorkshopError.NotYourNote, Edit(Amina, noteId: paper));
        AssertRefused(WorkshopError.NotYourNote, _workshop.Decide(Amina, new DeleteNote(paper)));
    }

    [Fact]
    public void The_projector_cannot_edit_or_delete_notes()
    {
        AssertRefused(WorkshopError.NotAllowedForRole, Edit(Actor.Projector));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new DeleteNote(_noteId)));
    }

    [Theory]
    [InlineData("n999")]
    [InlineData(null)]
    public void Editing_or_deleting_a_note_that_does_not_exist_is_refused(string? noteId)
    {
        AssertRefused(WorkshopError.UnknownNote, _workshop.Decide(Amina, new EditNote(noteId!, "texte", "c1", NoteColour.Yellow)));
        AssertRefused(WorkshopError.UnknownNote, _workshop.Decide(Actor.Facilitator, new DeleteNote(noteId!)));
    }

    [Fact]
    public void An_edit_at_the_length_limit_is_accepted_and_one_more_character_is_refused()
    {
        Assert.True(Edit(Amina, new string('a', Limits.NoteTextMaxLength)).IsAccepted);
        AssertRefused(WorkshopError.TextTooLong, Edit(Amina, new string('a', Limits.NoteTextMaxLength + 1)), Limits.NoteTextMaxLength);
        AssertRefused(WorkshopError.TextTooLong, Edit(Actor.Facilitator, new string('a', Limits.NoteTextMaxLength + 1)), Limits.NoteTextMaxLength);
    }

    [Fact]
    public void An_edit_to_nothing_an_unknown_column_or_an_undefined_colour_is_refused()
    {
        AssertRefused(WorkshopError.TextRequired, Edit(Amina, " \n "));
        AssertRefused(WorkshopError.UnknownColumn, Edit(Amina, column: "c9"));
        AssertRefused(WorkshopError.InvalidRequest, Edit(Amina, colour: (NoteColour)42));
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_accepted_without_events() =>
        AssertUnchanged(_workshop.State, Edit(Amina, "  Un lieu ouvert le soir ", "c1", NoteColour.Yellow));

    [Fact]
    public void A_full_wall_still_lets_an_author_edit_their_note()
    {
        var notes = Enumerable.Range(0, Limits.NotesPerWorkshopMax - 1)
            .Select(i => new Note($"x{i}", 1000 + i, "c1", "t", NoteColour.Yellow, Presence.Room, null, WorkshopBuilder.Now))
            .Append(_workshop.State.Notes[_noteId]);
        var full = _workshop.State with { Notes = ImmutableDictionary.CreateRange(notes.Select(n => KeyValuePair.Create(n.Id, n))) };

        Assert.Equal(Limits.NotesPerWorkshopMax, full.Notes.Count);
        Assert.True(Workshop.Decide(full, Amina, new EditNote(_noteId, "corrigée", "c1", NoteColour.Yellow), Later).IsAccepted);
    }

    [Fact]
    public void Under_pre_moderation_an_accepted_note_rewritten_by_its_author_goes_back_to_the_queue()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });

        var decision = Edit(Amina);

        Assert.Equal(NoteStatus.Pending, Assert.IsType<NoteEdited>(Assert.Single(decision.Events)).Status);
        Assert.Equal(NoteStatus.Pending, Workshop.Apply(_workshop.State, decision.Events).Notes[_noteId].Status);
    }

    [Fact]
    public void Under_pre_moderation_the_facilitators_edit_keeps_an_accepted_note_on_the_wall()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });
        Assert.Equal(NoteStatus.Visible, Assert.IsType<NoteEdited>(Assert.Single(Edit(Actor.Facilitator).Events)).Status);
    }

    [Fact]
    public void A_pending_note_rewritten_by_its_author_stays_pending()
    {
        _workshop.WithSettings(s => s with { PreModeration = true }).WithNote(_workshop.ParticipantId("amina"), "en attente");
        var pending = _workshop.NoteId("en attente");

        var decision = Edit(Amina, "toujours en attente", noteId: pending);

        Assert.Equal(NoteStatus.Pending, Assert.IsType<NoteEdited>(Assert.Single(decision.Events)).Status);
    }

    [Fact]
    public void A_hidden_note_rewritten_by_its_author_stays_hidden()
    {
        _workshop.Facilitate(new ModerateNote(_noteId, ModerationAction.Hide));

        _workshop.Do(Amina, new EditNote(_noteId, "réécrite pour revenir", "c1", NoteColour.Yellow));

        Assert.Equal(NoteStatus.Hidden, _workshop.State.Notes[_noteId].Status);
        Assert.DoesNotContain(WorkshopProjection.View(_workshop.State, Audience.Participants).Notes, n => n.Id == _noteId);
        Assert.DoesNotContain(WorkshopProjection.View(_workshop.State, Audience.Projector).Notes, n => n.Id == _noteId);
    }

    [Fact]
    public void A_blocked_author_can_no_longer_add_edit_or_delete()
    {
        _workshop.Facilitate(new SetParticipantBlocked(_workshop.ParticipantId("amina"), true));

        AssertRefused(WorkshopError.ParticipantBlocked, _workshop.Decide(Amina, new AddNote("c1", "encore", NoteColour.Yellow)));
        AssertRefused(WorkshopError.ParticipantBlocked, Edit(Amina));
        AssertRefused(WorkshopError.ParticipantBlocked, _workshop.Decide(Amina, new DeleteNote(_noteId)));
        Assert.True(Edit(Actor.Facilitator).IsAccepted);
    }

    [Fact]
    public void With_notes_locked_an_author_can_no_longer_edit_or_delete_but_the_facilitator_can()
    {
        _workshop.Facilitate(new SetLocks(new WorkshopLocks(false, true)));

        AssertRefused(WorkshopError.NotesLocked, Edit(Amina));
        AssertRefused(WorkshopError.NotesLocked, _workshop.Decide(Amina, new DeleteNote(_noteId)));
        Assert.True(Edit(Actor.Facilitator).IsAccepted);
        Assert.True(_workshop.Decide(Actor.Facilitator, new DeleteNote(_noteId)).IsAccepted);
    }

    [Fact]
    public void An_author_deletes_their_note_for_good()
    {
        var before = _workshop.State;
        var decision = _workshop.Decide(Amina, new DeleteNote(_noteId));

        Assert.Equal(_noteId, Assert.IsType<NoteDeleted>(Assert.Single(decision.Events)).NoteId);
        var after = Workshop.Apply(before, decision.Events);
        Assert.False(after.Notes.ContainsKey(_noteId));
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Empty(WorkshopProjection.Own(after, _workshop.ParticipantId("amina")).Notes);
    }

    [Fact]
    public void The_facilitator_deletes_anyones_note()
    {
        _workshop.Facilitate(new DeleteNote(_noteId));
        Assert.Empty(_workshop.State.Notes);
    }

    [Fact]
    public void Deleting_the_note_in_the_spotlight_turns_the_spotlight_off()
    {
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, _noteId)));

        var decision = _workshop.Decide(Amina, new DeleteNote(_noteId));

        Assert.Equal([typeof(SpotlightChanged), typeof(NoteDeleted)], decision.Events.Select(e => e.GetType()));
        Assert.Null(Workshop.Apply(_workshop.State, decision.Events).Spotlight);
    }

    [Fact]
    public void Deleting_another_note_leaves_the_spotlight_alone()
    {
        _workshop.WithNote(_workshop.ParticipantId("amina"), "autre");
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, _noteId)));

        _workshop.Do(Amina, new DeleteNote(_workshop.NoteId("autre")));

        Assert.Equal(new Spotlight(SpotlightKind.Note, _noteId), _workshop.State.Spotlight);
    }
}
