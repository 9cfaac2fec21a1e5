using CollectifLive.JoinCodes;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

public abstract class FacilitationGrainTests(TestClusterFixture fixture)
{
    private readonly Workshops _workshops = new(fixture.Client);

    private static async Task<string> Post(IWorkshopGrain grain, Credential author, string text, string column = "c1")
    {
        var result = await grain.Execute(author, Guid.NewGuid(), new AddNote(column, text, NoteColour.Yellow));
        Assert.True(result.IsAccepted, result.Error.ToString());
        return result.Value!;
    }

    [Fact]
    public async Task A_rotated_join_code_opens_the_workshop_the_old_one_no_longer_does_and_those_in_stay_in()
    {
        var (grain, oldCode) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);

        var rotated = await grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new RotateJoinCode());

        Assert.True(rotated.IsAccepted, rotated.Error.ToString());
        var newCode = rotated.Value!;
        Assert.NotEqual(oldCode, newCode);
        Assert.Equal(newCode, JoinCode.Normalize(newCode));
        Assert.Equal(grain.GetPrimaryKeyString(), await fixture.Client.GetGrain<IJoinCodeGrain>(newCode).Resolve());
        Assert.Null(await fixture.Client.GetGrain<IJoinCodeGrain>(oldCode).Resolve());
        var sync = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(rotated.Version, sync.Version);
        Assert.All(new[] { Audience.Facilitator, Audience.Projector, Audience.Participants }, a => Assert.Equal(newCode, sync.Snapshot!.For(a).Header.JoinCode));
        Assert.True((await grain.Access(amina)).IsGranted);
        await Post(grain, amina, "toujours là");
        Assert.True((await grain.Join(Guid.NewGuid(), new JoinWorkshop("Bruno", Presence.Room, Workshops.ParticipantKey(2), newCode))).IsAccepted);
    }

    [Fact]
    public async Task Only_the_facilitator_rotates_the_join_code()
    {
        var (grain, code) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var before = (await grain.Sync(TestClusterFixture.Service, -1)).Version;

        var byParticipant = await grain.Execute(amina, Guid.NewGuid(), new RotateJoinCode());
        var byProjector = await grain.Execute(Workshops.Projector, Guid.NewGuid(), new RotateJoinCode());

        Assert.Equal(WorkshopError.NotAllowedForRole, byParticipant.Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, byProjector.Error);
        var after = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(before, after.Version);
        Assert.Equal(code, after.Snapshot!.Facilitator.Header.JoinCode);
        Assert.Equal(grain.GetPrimaryKeyString(), await fixture.Client.GetGrain<IJoinCodeGrain>(code).Resolve());
    }

    [Fact]
    public async Task Only_the_facilitators_key_runs_the_facilitators_controls()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var before = (await grain.Sync(TestClusterFixture.Service, -1)).Version;

        var byParticipant = await grain.Execute(amina, Guid.NewGuid(), new SetPhase(Phase.Vote));
        var byProjector = await grain.Execute(Workshops.Projector, Guid.NewGuid(), new SetLocks(new WorkshopLocks(true, true)));

        Assert.Equal(WorkshopError.NotAllowedForRole, byParticipant.Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, byProjector.Error);
        var after = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(before, after.Version);
        Assert.Equal(Phase.Contribution, after.Snapshot!.Facilitator.Header.Phase);
        Assert.Equal(WorkshopLocks.Open, after.Snapshot.Facilitator.Header.Locks);
    }

    [Fact]
    public async Task Hiding_an_already_hidden_note_from_two_calls_at_once_is_accepted_without_a_new_version()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var noteId = await Post(grain, amina, "hors sujet");
        var hidden = await Workshops.Facilitate(grain, new ModerateNote(noteId, ModerationAction.Hide));

        var again = await Task.WhenAll(
            grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new ModerateNote(noteId, ModerationAction.Hide)),
            grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new ModerateNote(noteId, ModerationAction.Hide)));

        Assert.All(again, r => Assert.True(r.IsAccepted, r.Error.ToString()));
        Assert.All(again, r => Assert.Equal(hidden.Version, r.Version));
        var sync = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(hidden.Version, sync.Version);
        Assert.Equal(NoteStatus.Hidden, Assert.Single(sync.Snapshot!.Facilitator.Notes).Status);
    }

    [Fact]
    public async Task Two_calls_hiding_the_same_visible_note_at_once_are_both_accepted_and_make_one_version()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var noteId = await Post(grain, amina, "hors sujet");
        var before = (await grain.Sync(TestClusterFixture.Service, -1)).Version;

        var hides = await Task.WhenAll(
            grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new ModerateNote(noteId, ModerationAction.Hide)),
            grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new ModerateNote(noteId, ModerationAction.Hide)));

        Assert.All(hides, r => Assert.True(r.IsAccepted, r.Error.ToString()));
        Assert.All(hides, r => Assert.Equal(before + 1, r.Version));
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(before + 1, stored.Version);
        Assert.Empty(stored.Snapshot!.Participants.Notes);
    }

    [Fact]
    public async Task A_pre_moderated_note_reaches_the_facilitator_and_its_author_but_not_the_wall()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        await Workshops.Facilitate(grain, new ChangeSettings(WallSettings.Default with { PreModeration = true }));
        var recorder = new ChangeRecorder();
        var reference = fixture.Client.CreateObjectReference<IWorkshopObserver>(recorder);
        try
        {
            await grain.Subscribe(TestClusterFixture.Service, reference);
            var added = await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "à modérer", NoteColour.Pink));
            Assert.True(added.IsAccepted, added.Error.ToString());

            var snapshot = (await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!;
            var note = Assert.Single(snapshot.Facilitator.Notes);
            Assert.Equal((added.Value, NoteStatus.Pending, amina.ParticipantId), (note.Id, note.Status, note.AuthorId));
            Assert.Empty(snapshot.Projector.Notes);
            Assert.Empty(snapshot.Participants.Notes);
            Assert.Equal(1, snapshot.Facilitator.Header.PendingNotes);
            Assert.Equal(0, snapshot.Projector.Header.PendingNotes);
            Assert.Equal(0, snapshot.Participants.Header.PendingNotes);
            Assert.Equal(NoteStatus.Pending, Assert.Single((await grain.Access(amina)).Own!.Notes).Status);

            var change = await Eventually.Until(
                () => Task.FromResult(recorder.Changes.FirstOrDefault(c => c.FromVersion <= added.Version && c.ToVersion >= added.Version)),
                c => c is not null,
                "the note's change to be pushed");
            Assert.Equal(added.Value, Assert.Single(change!.Facilitator.Notes.Upserts).Id);
            Assert.Empty(change.Projector.Notes.Upserts);
            Assert.Empty(change.Participants.Notes.Upserts);
            Assert.Equal(added.Value, Assert.Single(Assert.Single(change.Private).Notes.Upserts).Id);
        }
        finally
        {
            await grain.Unsubscribe(reference);
            fixture.Client.DeleteObjectReference<IWorkshopObserver>(reference);
        }
    }

    [Fact]
    public async Task The_facilitators_controls_survive_the_grains_deactivation()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var bruno = await Workshops.Join(grain, 2, Presence.Remote);
        var first = await Post(grain, amina, "une");
        var second = await Post(grain, bruno, "deux", "c2");
        var settings = new WallSettings(SilentWriting: true, SilentOnProjector: false, PreModeration: true, ParticipantsSeeWall: false, LateNotes: true, WallLayout.Themes);
        await Workshops.Facilitate(grain, new ChangeSettings(settings));
        var silent = await Post(grain, bruno, "en silence");
        await Workshops.Facilitate(grain, new ModerateNote(second, ModerationAction.Hide));
        var cluster = (await Workshops.Facilitate(grain, new CreateCluster("Lieux", [first, silent]))).Value!;
        await Workshops.Facilitate(grain, new SetPhase(Phase.Grouping));
        await Workshops.Facilitate(grain, new SetParticipantBlocked(amina.ParticipantId!, true));
        await Workshops.Facilitate(grain, new SetLocks(new WorkshopLocks(JoinsClosed: true, NotesClosed: false)));
        await Workshops.Facilitate(grain, new SetSpotlight(new SpotlightView(SpotlightKind.Cluster, cluster)));
        await Workshops.Facilitate(grain, new StartTimer(600));
        var last = await Workshops.Facilitate(grain, new PauseTimer());
        var before = (await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator;

        await fixture.Cluster.DeactivateAsync(grain);

        var sync = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(last.Version, sync.Version);
        var header = sync.Snapshot!.Facilitator.Header;
        Assert.Equal(Phase.Grouping, header.Phase);
        Assert.Equal(settings, header.Settings);
        Assert.Equal(new WorkshopLocks(true, false), header.Locks);
        Assert.Equal(new SpotlightView(SpotlightKind.Cluster, cluster), header.Spotlight);
        Assert.Equal(TimerStatus.Paused, header.Timer.Status);
        Assert.Equal(600, header.Timer.DurationSeconds);
        Assert.Equal(before.Header.Timer, header.Timer);
        Assert.Equal(1, header.PendingNotes);
        Assert.Equal([new ThemeView(cluster, before.Themes[0].Seq, "Lieux")], sync.Snapshot.Facilitator.Themes.AsEnumerable());
        Assert.Equal(
            [(first, NoteStatus.Visible, true, cluster), (second, NoteStatus.Hidden, true, null), (silent, NoteStatus.Pending, false, cluster)],
            sync.Snapshot.Facilitator.Notes.Select(n => (n.Id, n.Status, n.Revealed, n.ClusterId)));
        Assert.Equal(before.Notes.AsEnumerable(), sync.Snapshot.Facilitator.Notes.AsEnumerable());
        Assert.Equal(
            [(amina.ParticipantId!, true), (bruno.ParticipantId!, false)],
            sync.Snapshot.Facilitator.Roster.OrderBy(p => p.JoinedAt).Select(p => (p.Id, p.Blocked)));
        Assert.True((await grain.Access(amina)).Own!.Me.Blocked);
        Assert.Empty(sync.Snapshot.Participants.Notes);

        // The reloaded rules still hold, not just the stored values.
        Assert.Equal(WorkshopError.ParticipantBlocked, (await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "bloquée", NoteColour.Yellow))).Error);
        Assert.True((await grain.Execute(bruno, Guid.NewGuid(), new AddNote("c1", "note tardive", NoteColour.Yellow))).IsAccepted);
        Assert.Equal(WorkshopError.JoinsLocked, (await grain.Join(Guid.NewGuid(), new JoinWorkshop("Chloé", Presence.Room, Workshops.ParticipantKey(3), await Workshops.CodeOf(grain)))).Error);
    }

    [Fact]
    public async Task A_flood_is_cut_at_the_pace_and_the_facilitator_removes_the_flooder_and_every_note_of_theirs_once()
    {
        var (grain, _) = await new Workshops(fixture.Client).Create();
        var flooder = await Workshops.Join(grain, 1);
        var amina = await Workshops.Join(grain, 2);
        Assert.True((await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "Une maison des associations", NoteColour.Yellow))).IsAccepted);

        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => grain.Execute(flooder, Guid.NewGuid(), new AddNote("c1", $"pub {i}", NoteColour.Pink))));
        var removal = Guid.NewGuid();
        var removed = await grain.Execute(Workshops.Facilitator, removal, new RemoveParticipant(flooder.ParticipantId!));
        var retried = await grain.Execute(Workshops.Facilitator, removal, new RemoveParticipant(flooder.ParticipantId!));
        var again = await grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new RemoveParticipant(flooder.ParticipantId!));
        var byParticipant = await grain.Execute(amina, Guid.NewGuid(), new RemoveParticipant(flooder.ParticipantId!));
        await fixture.Cluster.DeactivateAsync(grain);
        var sync = await grain.Sync(TestClusterFixture.Service, -1);

        Assert.Equal(Limits.NotesPerParticipantPerMinute, flood.Count(r => r.IsAccepted));
        Assert.All(flood.Where(r => !r.IsAccepted), r => Assert.Equal((WorkshopError.TooManyNotesPerMinute, Limits.NotesPerParticipantPerMinute), (r.Error, r.Limit)));
        Assert.True(removed.IsAccepted, removed.Error.ToString());
        Assert.Equal(removed, retried);
        Assert.True(again.IsAccepted);
        Assert.Equal(removed.Version, again.Version);
        Assert.Equal(WorkshopError.NotAllowedForRole, byParticipant.Error);
        Assert.Equal(["Une maison des associations"], sync.Snapshot!.Facilitator.Notes.Select(n => n.Text));
        Assert.Equal([amina.ParticipantId!], sync.Snapshot.Facilitator.Roster.Select(p => p.Id));
        Assert.False((await grain.Access(flooder)).IsGranted);
        Assert.Equal(WorkshopError.AccessDenied, (await grain.Execute(flooder, Guid.NewGuid(), new AddNote("c1", "encore", NoteColour.Pink))).Error);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class FacilitationGrainTestsOnAzureStorage(TestClusterFixture fixture) : FacilitationGrainTests(fixture);

[Collection(SqliteClusterCollection.Name)]
public sealed class FacilitationGrainTestsOnSqlite(SqliteTestClusterFixture fixture) : FacilitationGrainTests(fixture);
