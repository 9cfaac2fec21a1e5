using CollectifLive.JoinCodes;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

public abstract class WorkshopGrainTests(TestClusterFixture fixture)
{
    private readonly Workshops _workshops = new(fixture.Client);

    [Fact]
    public async Task A_created_workshop_is_found_by_its_join_code()
    {
        var (grain, code) = await _workshops.Create();

        Assert.Equal(JoinCode.Normalize(code), code);
        Assert.Equal(grain.GetPrimaryKeyString(), await fixture.Client.GetGrain<IJoinCodeGrain>(code).Resolve());
        var access = await grain.Access(Workshops.Facilitator);
        Assert.Equal(CredentialKind.Facilitator, access.Role);
    }

    [Fact]
    public async Task Notes_and_participants_survive_the_grains_deactivation()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1, Presence.Remote);
        var added = await grain.Execute(amina, Guid.NewGuid(), new AddNote("c2", "Un lieu ouvert le soir", NoteColour.Blue));
        Assert.True(added.IsAccepted);

        await fixture.Cluster.DeactivateAsync(grain);

        var sync = await grain.Sync(TestClusterFixture.Service, -1);
        var note = Assert.Single(sync.Snapshot!.Facilitator.Notes);
        Assert.Equal("Un lieu ouvert le soir", note.Text);
        Assert.Equal(amina.ParticipantId, note.AuthorId);
        Assert.Equal(1, sync.Snapshot.Facilitator.Header.Counts.Remote);
        Assert.Equal(added.Version, sync.Version);
        var access = await grain.Access(amina);
        Assert.True(access.IsGranted);
        Assert.Single(access.Own!.Notes);
    }

    [Fact]
    public async Task A_retried_operation_is_answered_with_its_first_answer_and_applied_once()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var operation = Guid.NewGuid();
        var command = new AddNote("c1", "une seule fois", NoteColour.Yellow);

        var concurrent = await Task.WhenAll(grain.Execute(amina, operation, command), grain.Execute(amina, operation, command));
        var later = await grain.Execute(amina, operation, command);
        await fixture.Cluster.DeactivateAsync(grain);
        var afterReload = await grain.Execute(amina, operation, command);

        Assert.All(concurrent.Append(later).Append(afterReload), r => Assert.Equal(concurrent[0], r));
        Assert.True(concurrent[0].IsAccepted);
        Assert.Single((await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Notes);
    }

    [Fact]
    public async Task An_operation_id_is_answered_again_only_to_the_caller_that_sent_it()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var bruno = await Workshops.Join(grain, 2);
        var operation = Guid.NewGuid();

        var first = await grain.Execute(amina, operation, new AddNote("c1", "la note d'Amina", NoteColour.Yellow));
        var borrowed = await grain.Execute(bruno, operation, new AddNote("c1", "la note de Bruno", NoteColour.Yellow));
        var empty = await grain.Execute(bruno, Guid.Empty, new AddNote("c1", "sans id", NoteColour.Yellow));
        var forged = await grain.Execute(Credential.Participant(amina.ParticipantId!, Workshops.ParticipantKey(9)), operation, new AddNote("c1", "x", NoteColour.Yellow));

        Assert.True(first.IsAccepted);
        Assert.Equal(WorkshopError.InvalidRequest, borrowed.Error);
        Assert.Equal(WorkshopError.InvalidRequest, empty.Error);
        Assert.Equal(WorkshopError.AccessDenied, forged.Error);
        Assert.Single((await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Notes);
    }

    [Fact]
    public async Task A_retried_creation_makes_one_workshop_even_while_its_code_is_being_claimed()
    {
        var grain = _workshops.Grain("w" + Guid.NewGuid().ToString("N")[..13]);
        var operation = Guid.NewGuid();
        var command = new CreateWorkshop("Atelier", null, ["Idées"], null, Workshops.FacilitatorKey, Workshops.ProjectorKey);

        var answers = await Task.WhenAll(grain.Create(operation, command), grain.Create(operation, command));

        Assert.True(answers[0].IsAccepted);
        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task Joining_takes_the_current_code_so_an_old_one_opens_nothing_after_a_rotation()
    {
        var (grain, code) = await _workshops.Create();
        var withOld = new JoinWorkshop("Nouveau", Presence.Room, Workshops.ParticipantKey(9), code.ToLowerInvariant());
        Assert.True((await grain.Join(Guid.NewGuid(), withOld)).IsAccepted);

        var rotated = await grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new RotateJoinCode());
        var late = await grain.Join(Guid.NewGuid(), withOld with { ParticipantSecret = Workshops.ParticipantKey(10) });
        var forged = await grain.Join(Guid.NewGuid(), withOld with { ParticipantSecret = Workshops.ParticipantKey(11), JoinCode = "" });

        Assert.Equal(WorkshopError.JoinCodeUnknown, late.Error);
        Assert.Equal(WorkshopError.JoinCodeUnknown, forged.Error);
        Assert.True((await grain.Join(Guid.NewGuid(), withOld with { ParticipantSecret = Workshops.ParticipantKey(12), JoinCode = rotated.Value! })).IsAccepted);
    }

    [Fact]
    public async Task A_retried_join_makes_one_participant()
    {
        var (grain, code) = await _workshops.Create();
        var operation = Guid.NewGuid();
        var join = new JoinWorkshop("Amina", Presence.Room, Workshops.ParticipantKey(7), code);

        var first = await grain.Join(operation, join);
        var retry = await grain.Join(operation, join);

        Assert.Equal(first, retry);
        Assert.Single((await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Roster);
    }

    [Fact]
    public async Task A_stale_client_receives_a_snapshot_and_a_current_one_does_not()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var stale = (await grain.Sync(TestClusterFixture.Service, -1)).Version;
        await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "nouvelle", NoteColour.Yellow));
        await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "encore", NoteColour.Yellow));

        var behind = await grain.Sync(TestClusterFixture.Service, stale);
        var current = await grain.Sync(TestClusterFixture.Service, behind.Version);

        Assert.Equal(stale + 2, behind.Version);
        Assert.Equal(2, behind.Snapshot!.Participants.Notes.Length);
        Assert.Equal(behind.Version, current.Version);
        Assert.Null(current.Snapshot);
    }

    [Fact]
    public async Task Forged_keys_are_refused_and_change_nothing()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var bruno = await Workshops.Join(grain, 2);
        var before = (await grain.Sync(TestClusterFixture.Service, -1)).Version;

        var forgedParticipant = await grain.Execute(Credential.Participant(bruno.ParticipantId!, amina.Secret), Guid.NewGuid(), new AddNote("c1", "usurpée", NoteColour.Yellow));
        var forgedFacilitator = await grain.Access(Credential.Facilitator("not-the-facilitator-key-0000000000"));
        var projectorAsFacilitator = await grain.Access(Credential.Facilitator(Workshops.ProjectorKey));

        Assert.Equal(WorkshopError.AccessDenied, forgedParticipant.Error);
        Assert.Equal(WorkshopError.AccessDenied, forgedFacilitator.Error);
        Assert.Equal(WorkshopError.AccessDenied, projectorAsFacilitator.Error);
        Assert.Equal(before, (await grain.Sync(TestClusterFixture.Service, -1)).Version);
    }

    [Fact]
    public async Task Refused_commands_change_nothing()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var before = await grain.Sync(TestClusterFixture.Service, -1);

        var tooLong = await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", new string('x', Limits.NoteTextMaxLength + 1), NoteColour.Yellow));
        var unknownColumn = await grain.Execute(amina, Guid.NewGuid(), new AddNote("c42", "idée", NoteColour.Yellow));
        var empty = await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", " ", NoteColour.Yellow));

        Assert.Equal((WorkshopError.TextTooLong, (int?)Limits.NoteTextMaxLength), (tooLong.Error, tooLong.Limit));
        Assert.Equal(WorkshopError.UnknownColumn, unknownColumn.Error);
        Assert.Equal(WorkshopError.TextRequired, empty.Error);
        Assert.Equal(before.Version, (await grain.Sync(TestClusterFixture.Service, -1)).Version);
    }

    [Fact]
    public async Task Commands_on_a_workshop_that_does_not_exist_are_refused()
    {
        var grain = _workshops.Grain("never-created");

        Assert.Equal(WorkshopError.WorkshopNotFound, (await grain.Join(Guid.NewGuid(), new JoinWorkshop(null, Presence.Room, Workshops.ParticipantKey(1), "ABC234"))).Error);
        Assert.Equal(WorkshopError.WorkshopNotFound, (await grain.Execute(Workshops.Facilitator, Guid.NewGuid(), new AddNote("c1", "x", NoteColour.Yellow))).Error);
        Assert.Equal(WorkshopError.WorkshopNotFound, (await grain.Access(Workshops.Facilitator)).Error);
        Assert.Equal(WorkshopError.WorkshopNotFound, (await grain.Sync(TestClusterFixture.Service, -1)).Error);
    }

    [Fact]
    public async Task A_workshop_cannot_be_created_twice()
    {
        var (grain, _) = await _workshops.Create();
        var again = await grain.Create(Guid.NewGuid(), new CreateWorkshop("Autre", null, ["x"], null, Workshops.FacilitatorKey, Workshops.ProjectorKey));
        Assert.Equal(WorkshopError.WorkshopAlreadyExists, again.Error);
    }

    [Fact]
    public async Task Concurrent_commands_are_all_acknowledged_and_all_durable()
    {
        var (grain, _) = await _workshops.Create();
        var participants = await Task.WhenAll(Enumerable.Range(1, 50).Select(n => Workshops.Join(grain, n)));

        var results = await Task.WhenAll(participants.SelectMany(p => Enumerable.Range(0, 4).Select(i =>
            grain.Execute(p, Guid.NewGuid(), new AddNote("c1", $"{p.ParticipantId} idée {i}", NoteColour.Yellow)))));
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = await grain.Sync(TestClusterFixture.Service, -1);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.Error.ToString()));
        Assert.Equal(200, stored.Snapshot!.Facilitator.Notes.Length);
        Assert.Equal(results.Max(r => r.Version), stored.Version);
        Assert.Equal(200, results.Select(r => r.Version).Distinct().Count());
    }
}

[Collection(ClusterCollection.Name)]
public sealed class WorkshopGrainTestsOnAzureStorage(TestClusterFixture fixture) : WorkshopGrainTests(fixture);

[Collection(SqliteClusterCollection.Name)]
public sealed class WorkshopGrainTestsOnSqlite(SqliteTestClusterFixture fixture) : WorkshopGrainTests(fixture);
