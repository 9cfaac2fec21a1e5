using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

public class ProjectionTests
{
    [Fact]
    public void A_new_note_reaches_every_audience_with_the_author_only_for_the_facilitator_and_the_author()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        var before = builder.State;
        var amina = builder.ParticipantId("amina");
        var decision = Workshop.Decide(before, Actor.Participant(amina), new AddNote("c1", "idée", NoteColour.Pink), WorkshopBuilder.Now);
        var after = Workshop.Apply(before, decision.Events);
        var change = WorkshopProjection.Change(before, after);

        Assert.Equal(before.Version + 1, change.FromVersion);
        Assert.Equal(after.Version, change.ToVersion);
        Assert.Equal(amina, Assert.Single(change.Facilitator.Notes.Upserts).AuthorId);
        Assert.Equal("amina", change.Facilitator.Notes.Upserts[0].AuthorName);
        Assert.Null(Assert.Single(change.Participants.Notes.Upserts).AuthorId);
        Assert.Null(change.Participants.Notes.Upserts[0].AuthorName);
        Assert.Null(Assert.Single(change.Projector.Notes.Upserts).AuthorId);
        var own = Assert.Single(change.Private);
        Assert.Equal(amina, own.ParticipantId);
        Assert.Equal(amina, Assert.Single(own.Notes.Upserts).AuthorId);
        // Only the counts changed in the header: they go alone, not the title, question, columns and settings again.
        Assert.All(Enum.GetValues<Audience>(), a => Assert.Null(change.For(a).Header));
        Assert.Equal(1, change.Participants.Counts!.Notes);
        Assert.Equal(1, change.Participants.Counts.NotesFromRoom);
    }

    [Fact]
    public void A_join_reaches_the_facilitators_roster_only_and_updates_the_counts_everywhere()
    {
        var before = new WorkshopBuilder().State;
        var decision = Workshop.Join(before, new JoinWorkshop("Bruno", Presence.Remote, WorkshopBuilder.SecretFor("bruno"), "ABC234"), WorkshopBuilder.Now);
        var after = Workshop.Apply(before, decision.Events);
        var change = WorkshopProjection.Change(before, after);

        Assert.Equal("Bruno", Assert.Single(change.Facilitator.Roster.Upserts).DisplayName);
        Assert.Empty(change.Participants.Roster.Upserts);
        Assert.Empty(change.Projector.Roster.Upserts);
        Assert.Null(change.Projector.Header);
        Assert.Equal(1, change.Projector.Counts!.Remote);
        Assert.Equal(0, change.Projector.Counts.InRoom);
        Assert.Equal("Bruno", Assert.Single(change.Private).Me!.DisplayName);
    }

    [Fact]
    public void Views_hold_notes_in_posting_order_and_the_roster_only_for_the_facilitator()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        var amina = builder.ParticipantId("amina");
        builder.WithNote(amina, "une").WithNote(amina, "deux", "c2").WithNote(amina, "trois");

        var snapshot = WorkshopProjection.Snapshot(builder.State);

        Assert.Equal(builder.State.Version, snapshot.Version);
        Assert.Equal(["une", "deux", "trois"], snapshot.Participants.Notes.Select(n => n.Text));
        Assert.Single(snapshot.Facilitator.Roster);
        Assert.Empty(snapshot.Participants.Roster);
        Assert.All(snapshot.Participants.Notes, n => Assert.Null(n.AuthorId));
        Assert.Equal(3, WorkshopProjection.Own(builder.State, amina).Notes.Length);
    }

    [Fact]
    public void A_batch_of_commands_becomes_one_change_covering_all_their_versions()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina");
        var before = builder.State;
        var amina = Actor.Participant(builder.ParticipantId("amina"));
        var state = before;
        foreach (var text in new[] { "une", "deux", "trois" })
        {
            var decision = Workshop.Decide(state, amina, new AddNote("c1", text, NoteColour.Yellow), WorkshopBuilder.Now);
            state = Workshop.Apply(state, decision.Events);
        }

        var change = WorkshopProjection.Change(before, state);

        Assert.Equal(before.Version + 1, change.FromVersion);
        Assert.Equal(before.Version + 3, change.ToVersion);
        Assert.Equal(["une", "deux", "trois"], change.Participants.Notes.Upserts.Select(n => n.Text));
        Assert.Equal(3, Assert.Single(change.Private).Notes.Upserts.Length);
    }
}
