using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

public class AddNoteTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote);

    private Decision Add(Actor actor, string text, string column = "c1", NoteColour colour = NoteColour.Yellow) =>
        Workshop.Decide(_workshop.State, actor, new AddNote(column, text, colour), WorkshopBuilder.Now);

    private Actor Amina => Actor.Participant(_workshop.ParticipantId("amina"));

    [Fact]
    public void A_participant_posts_a_note_into_a_column_with_its_origin()
    {
        var bruno = Actor.Participant(_workshop.ParticipantId("bruno"));
        var decision = Add(bruno, "  Un tiers-lieu ouvert le soir\r\nau centre social  ", "c2", NoteColour.Green);

        var note = Assert.IsType<NoteAdded>(Assert.Single(decision.Events)).Note;
        Assert.Equal("Un tiers-lieu ouvert le soir\nau centre social", note.Text);
        Assert.Equal("c2", note.ColumnId);
        Assert.Equal(NoteColour.Green, note.Colour);
        Assert.Equal(Presence.Remote, note.Origin);
        Assert.Equal(bruno.ParticipantId, note.AuthorId);
        Assert.Equal(note.Id, decision.Value);

        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.Equal(_workshop.State.Version + 1, after.Version);
        Assert.Same(note, after.Notes[note.Id]);
    }

    [Fact]
    public void A_note_at_the_length_limit_is_accepted_and_one_more_character_is_refused()
    {
        Assert.True(Add(Amina, new string('a', Limits.NoteTextMaxLength)).IsAccepted);

        var refused = Add(Amina, new string('a', Limits.NoteTextMaxLength + 1));
        Assert.Equal(WorkshopError.TextTooLong, refused.Error);
        Assert.Equal(Limits.NoteTextMaxLength, refused.Limit);
        Assert.Empty(refused.Events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u0007\u0000")]
    public void An_empty_note_is_refused(string text) => Assert.Equal(WorkshopError.TextRequired, Add(Amina, text).Error);

    [Fact]
    public void A_note_into_a_column_that_does_not_exist_is_refused() =>
        Assert.Equal(WorkshopError.UnknownColumn, Add(Amina, "idée", "c9").Error);

    [Fact]
    public void An_undefined_colour_is_refused() =>
        Assert.Equal(WorkshopError.InvalidRequest, Add(Amina, "idée", colour: (NoteColour)42).Error);

    [Fact]
    public void The_projector_and_the_facilitator_cannot_post_as_a_participant()
    {
        Assert.Equal(WorkshopError.NotAllowedForRole, Add(Actor.Projector, "idée").Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, Add(Actor.Facilitator, "idée").Error);
    }

    [Fact]
    public void A_participant_cannot_post_more_than_their_share()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        var amina = builder.Participant("amina");
        for (var i = 0; i < Limits.NotesPerParticipantMax; i++)
        {
            // A note every ten seconds, as a person writes: the pace per minute is not what this test is about.
            builder.Do(amina, new AddNote("c1", $"idée {i}", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(10 * i));
        }

        var refused = Workshop.Decide(builder.State, amina, new AddNote("c1", "encore", NoteColour.Yellow), WorkshopBuilder.Now.AddHours(1));
        Assert.Equal(WorkshopError.TooManyNotesForParticipant, refused.Error);
        Assert.Equal(Limits.NotesPerParticipantMax, refused.Limit);
    }

    [Fact]
    public void A_participant_posting_faster_than_the_pace_is_refused_until_their_oldest_note_of_the_minute_is_a_minute_old()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno");
        var amina = builder.Participant("amina");
        for (var i = 0; i < Limits.NotesPerParticipantPerMinute; i++)
        {
            builder.Do(amina, new AddNote("c1", $"idée {i}", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(i));
        }

        var tooFast = builder.Decide(amina, new AddNote("c1", "une de trop", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(59));
        var neighbour = builder.Decide(builder.Participant("bruno"), new AddNote("c1", "la mienne", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(59));
        var aMinuteLater = builder.Decide(amina, new AddNote("c1", "la suivante", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(60));
        var raised = Workshop.Decide(builder.State, amina, new AddNote("c1", "une de trop", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(59), notesPerMinute: 100);

        Assert.Equal((WorkshopError.TooManyNotesPerMinute, Limits.NotesPerParticipantPerMinute), (tooFast.Error, tooFast.Limit));
        Assert.Empty(tooFast.Events);
        Assert.True(neighbour.IsAccepted);
        Assert.True(aMinuteLater.IsAccepted);
        Assert.True(raised.IsAccepted);
    }

    [Fact]
    public void A_person_writing_a_note_every_ten_seconds_never_meets_the_pace()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        var amina = builder.Participant("amina");
        for (var i = 0; i < 60; i++)
        {
            builder.Do(amina, new AddNote("c1", $"idée {i}", NoteColour.Yellow), WorkshopBuilder.Now.AddSeconds(10 * i));
        }

        Assert.Equal(60, builder.State.Notes.Count);
    }

    [Fact]
    public void A_full_wall_refuses_one_more_note()
    {
        var state = _workshop.State;
        var notes = Enumerable.Range(0, Limits.NotesPerWorkshopMax)
            .Select(i => new Note($"x{i}", i, "c1", "t", NoteColour.Yellow, Presence.Room, null, WorkshopBuilder.Now))
            .ToDictionary(n => n.Id);
        var full = state with { Notes = System.Collections.Immutable.ImmutableDictionary.CreateRange(notes) };

        var refused = Workshop.Decide(full, Amina, new AddNote("c1", "une de trop", NoteColour.Yellow), WorkshopBuilder.Now);
        Assert.Equal(WorkshopError.TooManyNotes, refused.Error);
    }

    [Fact]
    public void Notes_keep_stable_distinct_ids()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        builder.WithNote(builder.ParticipantId("amina"), "une").WithNote(builder.ParticipantId("amina"), "deux");
        Assert.Equal(2, builder.State.Notes.Keys.Distinct().Count());
        Assert.True(builder.State.Notes.Values.Select(n => n.Seq).SequenceEqual(builder.State.Notes.Values.Select(n => n.Seq).Distinct()));
    }
}
