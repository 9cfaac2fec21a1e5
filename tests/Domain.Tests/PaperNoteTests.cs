using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class PaperNoteTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private Decision Paper(Actor actor, string text = "écrit sur papier", string column = "c2", NoteColour colour = NoteColour.Orange) =>
        _workshop.Decide(actor, new AddPaperNote(column, text, colour));

    [Fact]
    public void The_facilitator_types_in_a_paper_note_that_has_no_author()
    {
        var decision = Paper(Actor.Facilitator, "  Une permanence\r\nau marché ");

        var note = Assert.IsType<NoteAdded>(Assert.Single(decision.Events)).Note;
        Assert.Equal(note.Id, decision.Value);
        Assert.Equal("Une permanence\nau marché", note.Text);
        Assert.Equal("c2", note.ColumnId);
        Assert.Equal(NoteColour.Orange, note.Colour);
        Assert.Equal(Presence.Paper, note.Origin);
        Assert.Null(note.AuthorId);
        Assert.Equal(NoteStatus.Visible, note.Status);
        Assert.True(note.Revealed);

        var after = Workshop.Apply(_workshop.State, decision.Events);
        var counts = WorkshopProjection.Header(after, Audience.Projector).Counts;
        Assert.Equal((1, 1, 0, 0), (counts.Notes, counts.NotesFromPaper, counts.NotesFromRoom, counts.NotesFromRemote));
    }

    [Fact]
    public void Paper_notes_need_no_approval_under_pre_moderation()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });
        Assert.Equal(NoteStatus.Visible, Assert.IsType<NoteAdded>(Assert.Single(Paper(Actor.Facilitator).Events)).Note.Status);
    }

    [Fact]
    public void Paper_notes_written_during_silent_writing_wait_for_the_reveal()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true });
        Assert.False(Assert.IsType<NoteAdded>(Assert.Single(Paper(Actor.Facilitator).Events)).Note.Revealed);
    }

    [Fact]
    public void Paper_notes_are_typed_in_whatever_the_step()
    {
        _workshop.Facilitate(new SetPhase(Phase.Synthesis));
        Assert.True(Paper(Actor.Facilitator).IsAccepted);
    }

    [Fact]
    public void Only_the_facilitator_types_in_paper_notes()
    {
        AssertRefused(WorkshopError.NotAllowedForRole, Paper(_workshop.Participant("amina")));
        AssertRefused(WorkshopError.NotAllowedForRole, Paper(Actor.Projector));
    }

    [Fact]
    public void A_paper_note_at_the_length_limit_is_accepted_and_one_more_character_is_refused()
    {
        Assert.True(Paper(Actor.Facilitator, new string('p', Limits.NoteTextMaxLength)).IsAccepted);
        AssertRefused(WorkshopError.TextTooLong, Paper(Actor.Facilitator, new string('p', Limits.NoteTextMaxLength + 1)), Limits.NoteTextMaxLength);
    }

    [Fact]
    public void An_empty_paper_note_a_paper_note_into_no_column_or_in_no_colour_is_refused()
    {
        AssertRefused(WorkshopError.TextRequired, Paper(Actor.Facilitator, "  "));
        AssertRefused(WorkshopError.UnknownColumn, Paper(Actor.Facilitator, column: "c9"));
        AssertRefused(WorkshopError.InvalidRequest, Paper(Actor.Facilitator, colour: (NoteColour)42));
    }

    [Fact]
    public void Paper_notes_share_the_sequence_of_ids_with_participants_notes()
    {
        _workshop.WithNote(_workshop.ParticipantId("amina"), "en ligne").WithPaperNote("sur papier").WithNote(_workshop.ParticipantId("amina"), "encore");

        Assert.Equal(3, _workshop.State.Notes.Keys.Distinct().Count());
        Assert.True(_workshop.Note("en ligne").Seq < _workshop.Note("sur papier").Seq);
        Assert.True(_workshop.Note("sur papier").Seq < _workshop.Note("encore").Seq);
    }
}
