using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>
/// What each screen is given, through the projection that everything leaving the grain goes through: a note an
/// audience may not see is absent from its views and its deltas, never merely flagged.
/// </summary>
public class VisibilityTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote);

    private Actor Amina => _workshop.Participant("amina");

    private string AminaId => _workshop.ParticipantId("amina");

    private AudienceView View(Audience audience) => WorkshopProjection.View(_workshop.State, audience);

    private static IEnumerable<string> Ids(IEnumerable<NoteView> notes) => notes.Select(n => n.Id);

    private static void AssertSeenOnlyByFacilitatorAndAuthor(WorkshopChange change, string noteId, string authorId, NoteStatus status)
    {
        var facilitator = Assert.Single(change.Facilitator.Notes.Upserts, n => n.Id == noteId);
        Assert.Equal(status, facilitator.Status);
        Assert.Equal(authorId, facilitator.AuthorId);
        Assert.DoesNotContain(noteId, Ids(change.Projector.Notes.Upserts));
        Assert.DoesNotContain(noteId, Ids(change.Participants.Notes.Upserts));
        var own = Assert.Single(change.Private, o => o.ParticipantId == authorId);
        Assert.Equal(status, Assert.Single(own.Notes.Upserts, n => n.Id == noteId).Status);
        Assert.DoesNotContain(change.Private, o => o.ParticipantId != authorId && o.Notes.Upserts.Any(n => n.Id == noteId));
    }

    private void AssertInViewsOf(string noteId, params Audience[] audiences)
    {
        var snapshot = WorkshopProjection.Snapshot(_workshop.State);
        foreach (var audience in Enum.GetValues<Audience>())
        {
            var view = WorkshopProjection.View(_workshop.State, audience);
            Assert.Equal(audience, view.Audience);
            if (audiences.Contains(audience))
            {
                Assert.Contains(noteId, Ids(view.Notes));
                Assert.Contains(noteId, Ids(snapshot.For(audience).Notes));
            }
            else
            {
                Assert.DoesNotContain(noteId, Ids(view.Notes));
                Assert.DoesNotContain(noteId, Ids(snapshot.For(audience).Notes));
            }
        }
    }

    [Fact]
    public void A_pending_note_reaches_the_facilitator_and_its_author_only()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });

        var change = _workshop.Change(Amina, new AddNote("c1", "en attente", NoteColour.Yellow));

        var noteId = _workshop.NoteId("en attente");
        AssertSeenOnlyByFacilitatorAndAuthor(change, noteId, AminaId, NoteStatus.Pending);
        Assert.Empty(change.Projector.Notes.Upserts);
        Assert.Empty(change.Participants.Notes.Upserts);
        AssertInViewsOf(noteId, Audience.Facilitator);
        Assert.Equal(NoteStatus.Pending, Assert.Single(WorkshopProjection.Own(_workshop.State, AminaId).Notes).Status);
        Assert.Empty(WorkshopProjection.Own(_workshop.State, _workshop.ParticipantId("bruno")).Notes);
    }

    [Fact]
    public void A_hidden_note_stays_with_the_facilitator_and_its_author_only()
    {
        _workshop.WithNote(AminaId, "hors sujet");
        var noteId = _workshop.NoteId("hors sujet");

        var change = _workshop.ChangeByFacilitator(new ModerateNote(noteId, ModerationAction.Hide));

        AssertSeenOnlyByFacilitatorAndAuthor(change, noteId, AminaId, NoteStatus.Hidden);
        AssertInViewsOf(noteId, Audience.Facilitator);
        Assert.Equal(NoteStatus.Hidden, Assert.Single(WorkshopProjection.Own(_workshop.State, AminaId).Notes).Status);
    }

    [Fact]
    public void Hiding_a_visible_note_removes_it_from_the_projector_and_the_participants()
    {
        _workshop.WithNote(AminaId, "hors sujet");
        var noteId = _workshop.NoteId("hors sujet");
        AssertInViewsOf(noteId, Audience.Facilitator, Audience.Projector, Audience.Participants);

        var change = _workshop.ChangeByFacilitator(new ModerateNote(noteId, ModerationAction.Hide));

        Assert.Equal([noteId], change.Projector.Notes.Removed.AsEnumerable());
        Assert.Equal([noteId], change.Participants.Notes.Removed.AsEnumerable());
        Assert.Empty(change.Facilitator.Notes.Removed);
        Assert.Equal(0, change.Projector.Counts!.Notes);
        Assert.Equal(0, change.Participants.Counts!.Notes);
    }

    [Fact]
    public void Showing_a_hidden_note_again_brings_it_back_to_every_screen()
    {
        _workshop.WithNote(AminaId, "finalement");
        var noteId = _workshop.NoteId("finalement");
        _workshop.Facilitate(new ModerateNote(noteId, ModerationAction.Hide));

        var change = _workshop.ChangeByFacilitator(new ModerateNote(noteId, ModerationAction.Unhide));

        Assert.Equal(NoteStatus.Visible, Assert.Single(change.Projector.Notes.Upserts, n => n.Id == noteId).Status);
        Assert.Equal(NoteStatus.Visible, Assert.Single(change.Participants.Notes.Upserts, n => n.Id == noteId).Status);
        AssertInViewsOf(noteId, Audience.Facilitator, Audience.Projector, Audience.Participants);
    }

    [Fact]
    public void Approving_a_pending_note_puts_it_on_every_screen()
    {
        _workshop.WithSettings(s => s with { PreModeration = true }).WithNote(AminaId, "acceptée");
        var noteId = _workshop.NoteId("acceptée");

        var change = _workshop.ChangeByFacilitator(new ModerateNote(noteId, ModerationAction.Approve));

        Assert.Single(change.Projector.Notes.Upserts, n => n.Id == noteId);
        Assert.Single(change.Participants.Notes.Upserts, n => n.Id == noteId);
        Assert.Equal(0, change.Facilitator.Header!.PendingNotes);
        AssertInViewsOf(noteId, Audience.Facilitator, Audience.Projector, Audience.Participants);
    }

    [Fact]
    public void An_accepted_note_its_author_rewrites_under_pre_moderation_leaves_the_wall_until_approved_again()
    {
        _workshop.WithNote(AminaId, "première version").WithSettings(s => s with { PreModeration = true });
        var noteId = _workshop.NoteId("première version");

        var change = _workshop.Change(Amina, new EditNote(noteId, "seconde version", "c1", NoteColour.Yellow));

        Assert.Equal([noteId], change.Projector.Notes.Removed.AsEnumerable());
        Assert.Equal([noteId], change.Participants.Notes.Removed.AsEnumerable());
        AssertSeenOnlyByFacilitatorAndAuthor(change, noteId, AminaId, NoteStatus.Pending);
        Assert.Equal(1, change.Facilitator.Header!.PendingNotes);
        Assert.DoesNotContain("seconde version", View(Audience.Participants).Notes.Select(n => n.Text));
    }

    [Fact]
    public void A_note_posted_and_hidden_in_the_same_write_never_reaches_the_projector_or_the_participants()
    {
        var before = _workshop.State;
        var noteId = $"n{before.NextSeq}";

        var change = _workshop.Change(
            (Amina, new AddNote("c1", "aussitôt cachée", NoteColour.Yellow)),
            (Actor.Facilitator, new ModerateNote(noteId, ModerationAction.Hide)));

        Assert.Equal(before.Version + 1, change.FromVersion);
        Assert.Equal(before.Version + 2, change.ToVersion);
        Assert.Equal(NoteStatus.Hidden, Assert.Single(change.Facilitator.Notes.Upserts).Status);
        Assert.Empty(change.Projector.Notes.Upserts);
        Assert.Empty(change.Projector.Notes.Removed);
        Assert.Empty(change.Participants.Notes.Upserts);
        Assert.Empty(change.Participants.Notes.Removed);
    }

    [Fact]
    public void Only_the_facilitators_header_counts_the_notes_waiting_for_moderation()
    {
        _workshop.WithSettings(s => s with { PreModeration = true }).WithNote(AminaId, "une").WithNote(AminaId, "deux");

        var change = _workshop.Change(Amina, new AddNote("c1", "trois", NoteColour.Yellow));

        Assert.Equal(3, View(Audience.Facilitator).Header.PendingNotes);
        Assert.Equal(0, View(Audience.Projector).Header.PendingNotes);
        Assert.Equal(0, View(Audience.Participants).Header.PendingNotes);
        Assert.Equal(3, change.Facilitator.Header!.PendingNotes);

        // A note waiting for moderation changes nothing the room sees: the room is told nothing.
        Assert.True(change.Projector.IsEmpty);
        Assert.True(change.Participants.IsEmpty);
    }

    [Fact]
    public void Silent_writing_keeps_unrevealed_notes_from_participants_and_from_the_projector()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, SilentOnProjector = true });

        var change = _workshop.Change(Amina, new AddNote("c1", "en silence", NoteColour.Yellow));

        var noteId = _workshop.NoteId("en silence");
        Assert.False(Assert.Single(change.Facilitator.Notes.Upserts).Revealed);
        Assert.Empty(change.Projector.Notes.Upserts);
        Assert.Empty(change.Participants.Notes.Upserts);
        Assert.False(Assert.Single(Assert.Single(change.Private).Notes.Upserts).Revealed);
        AssertInViewsOf(noteId, Audience.Facilitator);
        Assert.Single(WorkshopProjection.Own(_workshop.State, AminaId).Notes, n => n.Id == noteId);
    }

    [Fact]
    public void Silent_writing_shown_on_the_projector_keeps_unrevealed_notes_from_participants_only()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, SilentOnProjector = false });

        var change = _workshop.Change(Amina, new AddNote("c1", "au mur", NoteColour.Yellow));

        var noteId = _workshop.NoteId("au mur");
        Assert.False(Assert.Single(change.Projector.Notes.Upserts).Revealed);
        Assert.Empty(change.Participants.Notes.Upserts);
        AssertInViewsOf(noteId, Audience.Facilitator, Audience.Projector);
    }

    [Fact]
    public void Showing_silent_writing_on_the_projector_later_sends_it_the_unrevealed_notes()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, SilentOnProjector = true }).WithNote(AminaId, "en silence");
        var noteId = _workshop.NoteId("en silence");

        var change = _workshop.ChangeByFacilitator(new ChangeSettings(_workshop.State.Settings.ToView() with { SilentOnProjector = false }));

        Assert.Equal([noteId], Ids(change.Projector.Notes.Upserts));
        Assert.Empty(change.Participants.Notes.Upserts);
    }

    [Fact]
    public void Revealing_one_column_shows_participants_that_column_only()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true })
            .WithNote(AminaId, "c1 une", "c1").WithNote(AminaId, "c2 une", "c2").WithNote(AminaId, "c1 deux", "c1");
        var (c1One, c2One, c1Two) = (_workshop.NoteId("c1 une"), _workshop.NoteId("c2 une"), _workshop.NoteId("c1 deux"));

        var change = _workshop.ChangeByFacilitator(new RevealNotes("c1"));

        Assert.Equal([c1One, c1Two], Ids(change.Participants.Notes.Upserts));
        Assert.Equal([c1One, c1Two], Ids(change.Projector.Notes.Upserts));
        Assert.All(change.Participants.Notes.Upserts, n => Assert.True(n.Revealed));
        Assert.Equal([c1One, c1Two], Ids(View(Audience.Participants).Notes));
        AssertInViewsOf(c2One, Audience.Facilitator);
    }

    [Fact]
    public void Ending_silent_writing_shows_every_note_to_participants()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true })
            .WithNote(AminaId, "c1 une", "c1").WithNote(AminaId, "c2 une", "c2").WithPaperNote("papier", "c2");
        var all = new[] { _workshop.NoteId("c1 une"), _workshop.NoteId("c2 une"), _workshop.NoteId("papier") };
        Assert.Empty(View(Audience.Participants).Notes);

        var change = _workshop.ChangeByFacilitator(new ChangeSettings(_workshop.State.Settings.ToView() with { SilentWriting = false }));

        Assert.Equal(all, Ids(change.Participants.Notes.Upserts));
        Assert.Equal(all, Ids(change.Projector.Notes.Upserts));
        Assert.False(change.Participants.Header!.Settings.SilentWriting);
        Assert.Equal(all, Ids(View(Audience.Participants).Notes));
    }

    [Fact]
    public void Revealing_does_not_show_a_pending_or_hidden_note()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, PreModeration = true }).WithNote(AminaId, "en attente");
        _workshop.WithSettings(s => s with { PreModeration = false }).WithNote(AminaId, "cachée");
        var (pending, hidden) = (_workshop.NoteId("en attente"), _workshop.NoteId("cachée"));
        _workshop.Facilitate(new ModerateNote(hidden, ModerationAction.Hide));

        var change = _workshop.ChangeByFacilitator(new RevealNotes(null));

        Assert.Empty(change.Participants.Notes.Upserts);
        Assert.Empty(change.Projector.Notes.Upserts);
        AssertInViewsOf(pending, Audience.Facilitator);
        AssertInViewsOf(hidden, Audience.Facilitator);
    }

    [Fact]
    public void A_wall_kept_from_participants_empties_their_view_and_comes_back_when_shown_again()
    {
        _workshop.WithNote(AminaId, "une").WithNote(AminaId, "deux", "c2");
        var notes = new[] { _workshop.NoteId("une"), _workshop.NoteId("deux") };

        var hide = _workshop.ChangeByFacilitator(new ChangeSettings(_workshop.State.Settings.ToView() with { ParticipantsSeeWall = false }));

        Assert.Equal(notes, hide.Participants.Notes.Removed.Order());
        Assert.Empty(hide.Participants.Notes.Upserts);
        Assert.Empty(hide.Projector.Notes.Removed);
        Assert.Empty(hide.Projector.Notes.Upserts);
        Assert.Empty(View(Audience.Participants).Notes);
        Assert.Equal(notes, Ids(View(Audience.Projector).Notes));
        Assert.Equal(2, View(Audience.Participants).Header.Counts.Notes);
        Assert.Equal(2, WorkshopProjection.Own(_workshop.State, AminaId).Notes.Length);

        var show = _workshop.ChangeByFacilitator(new ChangeSettings(_workshop.State.Settings.ToView() with { ParticipantsSeeWall = true }));

        Assert.Equal(notes, Ids(show.Participants.Notes.Upserts));
        Assert.Empty(show.Participants.Notes.Removed);
        Assert.Equal(notes, Ids(View(Audience.Participants).Notes));
    }

    [Fact]
    public void Showing_the_wall_again_does_not_bring_back_pending_hidden_or_unrevealed_notes()
    {
        _workshop.WithNote(AminaId, "visible").WithNote(AminaId, "cachée");
        _workshop.Facilitate(new ModerateNote(_workshop.NoteId("cachée"), ModerationAction.Hide));
        _workshop.WithSettings(s => s with { PreModeration = true }).WithNote(AminaId, "en attente");
        _workshop.WithSettings(s => s with { PreModeration = false, SilentWriting = true }).WithNote(AminaId, "en silence");
        _workshop.WithSettings(s => s with { ParticipantsSeeWall = false });

        var show = _workshop.ChangeByFacilitator(new ChangeSettings(_workshop.State.Settings.ToView() with { ParticipantsSeeWall = true }));

        Assert.Equal([_workshop.NoteId("visible")], Ids(show.Participants.Notes.Upserts));
    }

    [Fact]
    public void No_author_is_named_to_the_projector_or_the_participants()
    {
        _workshop.WithNote(AminaId, "d'Amina").WithNote(_workshop.ParticipantId("bruno"), "de Bruno").WithPaperNote("papier");
        var change = _workshop.Change(Amina, new EditNote(_workshop.NoteId("d'Amina"), "d'Amina, corrigée", "c2", NoteColour.Pink));
        var snapshot = WorkshopProjection.Snapshot(_workshop.State);

        foreach (var notes in new[] { snapshot.Projector.Notes, snapshot.Participants.Notes, change.Projector.Notes.Upserts, change.Participants.Notes.Upserts })
        {
            Assert.NotEmpty(notes);
            Assert.All(notes, n => Assert.Null(n.AuthorId));
            Assert.All(notes, n => Assert.Null(n.AuthorName));
        }

        Assert.Empty(snapshot.Projector.Roster);
        Assert.Empty(snapshot.Participants.Roster);
        Assert.Equal(["amina", "bruno", null], snapshot.Facilitator.Notes.Select(n => n.AuthorName));
        Assert.Equal([AminaId, _workshop.ParticipantId("bruno"), null], snapshot.Facilitator.Notes.Select(n => n.AuthorId));
        Assert.Equal("amina", Assert.Single(change.Facilitator.Notes.Upserts).AuthorName);
    }

    [Fact]
    public void Themes_reach_every_screen_and_a_dissolved_theme_is_removed_from_every_screen()
    {
        _workshop.WithNote(AminaId, "une").WithNote(AminaId, "deux");
        var (one, two) = (_workshop.NoteId("une"), _workshop.NoteId("deux"));

        var created = _workshop.ChangeByFacilitator(new CreateCluster("Lieux", [one, two]));
        var cluster = _workshop.ClusterId("Lieux");

        foreach (var audience in Enum.GetValues<Audience>())
        {
            var delta = created.For(audience);
            Assert.Equal(new ThemeView(cluster, _workshop.State.Clusters[cluster].Seq, "Lieux"), Assert.Single(delta.Themes.Upserts));
            Assert.All(delta.Notes.Upserts, n => Assert.Equal(cluster, n.ClusterId));
            Assert.Equal([one, two], Ids(delta.Notes.Upserts));
            Assert.Equal(cluster, Assert.Single(View(audience).Themes).Id);
        }

        var renamed = _workshop.ChangeByFacilitator(new RenameCluster(cluster, "Lieux ouverts"));
        Assert.All(Enum.GetValues<Audience>(), a => Assert.Equal("Lieux ouverts", Assert.Single(renamed.For(a).Themes.Upserts).Name));

        var dissolved = _workshop.ChangeByFacilitator(new DissolveCluster(cluster));

        foreach (var audience in Enum.GetValues<Audience>())
        {
            var delta = dissolved.For(audience);
            Assert.Equal([cluster], delta.Themes.Removed.AsEnumerable());
            Assert.Empty(delta.Themes.Upserts);
            Assert.All(delta.Notes.Upserts, n => Assert.Null(n.ClusterId));
            Assert.Equal([one, two], Ids(delta.Notes.Upserts));
            Assert.Empty(View(audience).Themes);
        }
    }

    [Fact]
    public void Grouping_a_note_an_audience_cannot_see_tells_that_audience_nothing_of_it()
    {
        _workshop.WithNote(AminaId, "visible").WithSettings(s => s with { PreModeration = true }).WithNote(AminaId, "en attente");
        var (visible, pending) = (_workshop.NoteId("visible"), _workshop.NoteId("en attente"));

        var change = _workshop.ChangeByFacilitator(new CreateCluster("Lieux", [visible, pending]));

        Assert.Equal([visible, pending], Ids(change.Facilitator.Notes.Upserts));
        Assert.Equal([visible], Ids(change.Projector.Notes.Upserts));
        Assert.Equal([visible], Ids(change.Participants.Notes.Upserts));
    }

    [Fact]
    public void Blocking_a_participant_reaches_the_facilitators_roster_and_that_participant_only()
    {
        var change = _workshop.ChangeByFacilitator(new SetParticipantBlocked(AminaId, true));

        var roster = Assert.Single(change.Facilitator.Roster.Upserts);
        Assert.Equal(AminaId, roster.Id);
        Assert.True(roster.Blocked);
        Assert.Empty(change.Projector.Roster.Upserts);
        Assert.Empty(change.Participants.Roster.Upserts);
        var own = Assert.Single(change.Private);
        Assert.Equal(AminaId, own.ParticipantId);
        Assert.True(own.Me!.Blocked);
        Assert.True(Assert.Single(View(Audience.Facilitator).Roster, p => p.Id == AminaId).Blocked);
        Assert.False(Assert.Single(View(Audience.Facilitator).Roster, p => p.Id != AminaId).Blocked);
        Assert.True(WorkshopProjection.Own(_workshop.State, AminaId).Me.Blocked);

        var unblock = _workshop.ChangeByFacilitator(new SetParticipantBlocked(AminaId, false));

        Assert.False(Assert.Single(unblock.Facilitator.Roster.Upserts).Blocked);
        Assert.False(Assert.Single(unblock.Private).Me!.Blocked);
    }

    [Fact]
    public void A_deleted_note_is_removed_from_every_screen_that_had_it_and_from_its_authors_own_notes()
    {
        _workshop.WithNote(AminaId, "à effacer");
        var noteId = _workshop.NoteId("à effacer");

        var change = _workshop.Change(Amina, new DeleteNote(noteId));

        Assert.All(Enum.GetValues<Audience>(), a => Assert.Equal([noteId], change.For(a).Notes.Removed.AsEnumerable()));
        Assert.Equal([noteId], Assert.Single(change.Private).Notes.Removed.AsEnumerable());
        Assert.Equal(0, change.Participants.Counts!.Notes);
    }

    [Fact]
    public void Deleting_a_note_a_screen_never_saw_tells_that_screen_nothing()
    {
        _workshop.WithSettings(s => s with { PreModeration = true }).WithNote(AminaId, "en attente");
        var noteId = _workshop.NoteId("en attente");

        var change = _workshop.ChangeByFacilitator(new DeleteNote(noteId));

        Assert.Equal([noteId], change.Facilitator.Notes.Removed.AsEnumerable());
        Assert.Empty(change.Projector.Notes.Removed);
        Assert.Empty(change.Participants.Notes.Removed);
    }
}
