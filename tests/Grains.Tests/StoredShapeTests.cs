using System.Text.Json;
using Azure.Data.Tables;
using CollectifLive.Silo;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Storage;
using CollectifLive.Silo.Workshops;
using CollectifLive.Silo.Workshops.Journal;
using CollectifLive.Testing;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CollectifLive.Grains.Tests;

/// <summary>A cluster whose workshops store a snapshot every few writes, so the tests meet snapshots and compaction soon.</summary>
public class SnapshotEveryFewFixture : TestClusterFixture
{
    public const int Entries = 5;

    public IServiceProvider Silo => Cluster.GetSiloServiceProvider();

    public WorkshopJournal Journal => Silo.GetRequiredService<WorkshopJournal>();

    public IGrainStorage Snapshots => Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Workshops);

    protected override void ConfigureAfterStorage(ISiloBuilder silo) =>
        silo.Services.Configure<JournalOptions>(options => options.SnapshotEveryEntries = Entries);
}

public sealed class SnapshotEveryFewSqliteFixture : SnapshotEveryFewFixture
{
    protected override StorageProvider Storage => StorageProvider.Sqlite;
}

/// <summary>
/// The stored shape (docs/architecture.md): every write appends a small journal entry, a snapshot of the whole
/// workshop is stored now and then and the entries it holds are compacted, and an activation replays what follows the
/// snapshot. Checked against real storage, and against a workshop stored by the version before the journal.
/// </summary>
public abstract class StoredShapeTests(SnapshotEveryFewFixture fixture)
{
    /// <summary>What the workshop of Fixtures/workshop-schema2.json was made with (Domain.Tests' WorkshopBuilder).</summary>
    private static readonly Credential FixtureFacilitator = Credential.Facilitator("facilitator-secret-0123456789abcdef");
    private static readonly Guid FixtureOperation = Guid.Parse("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");

    private readonly Workshops _workshops = new(fixture.Client);

    protected SnapshotEveryFewFixture Fixture { get; } = fixture;

    [Fact]
    public async Task A_workshop_stored_before_the_journal_loads_whole_remembers_its_operations_and_goes_on()
    {
        var grain = Fixture.Client.GetGrain<IWorkshopGrain>("stored-" + Guid.NewGuid().ToString("N"));
        var document = JsonSerializer.Deserialize<WorkshopDocument>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workshop-schema2.json")), JsonGrainStateSerializer.Options)!;
        Assert.Equal(2, document.Schema);
        await Fixture.Snapshots.WriteStateAsync("workshop", grain.GetGrainId(), new GrainState<WorkshopDocument>(document));

        var loaded = (await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator;
        Assert.Equal(Phase.Synthesis, loaded.Header.Phase);
        Assert.Equal(["Des horaires adaptés", "Un jardin partagé 🌱", "Une salle ouverte le soir\navec une clé partagée"], loaded.Notes.Select(n => n.Text).Order());
        Assert.Equal("Des lieux", Assert.Single(loaded.Themes).Name);
        Assert.Equal(2, loaded.Rounds.Length);
        Assert.Equal("Ouvrir un lieu le soir", Assert.Single(loaded.Recommendations).Title);
        Assert.Equal(2, loaded.Roster.Length);
        Assert.True((await grain.Access(FixtureFacilitator)).IsGranted);

        // The operation it remembered is answered as it was first, not run again.
        var retried = await grain.Execute(FixtureFacilitator, FixtureOperation, new AddPaperNote("c1", "ne doit pas apparaître", NoteColour.Yellow));
        Assert.Equal((true, document.State!.Version), (retried.IsAccepted, retried.Version));

        var added = await grain.Execute(FixtureFacilitator, Guid.NewGuid(), new AddPaperNote("c2", "Un goûter après l'atelier", NoteColour.Green));
        Assert.Equal(document.State.Version + 1, added.Version);
        await Fixture.Cluster.DeactivateAsync(grain);
        var again = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(added.Version, again.Version);
        Assert.Equal(4, again.Snapshot!.Facilitator.Notes.Length);
        Assert.DoesNotContain(again.Snapshot.Facilitator.Notes, n => n.Text == "ne doit pas apparaître");
    }

    [Fact]
    public async Task A_note_stores_the_same_few_hundred_bytes_in_a_workshop_of_two_thousand_participants()
    {
        var (grain, _) = await _workshops.Create();
        var id = grain.GetPrimaryKeyString();
        var first = await Workshops.Join(grain, 1);
        var small = await EntryOfNote(grain, first);

        await Task.WhenAll(Enumerable.Range(2, 1_999).Select(n => Workshops.Join(grain, n)));
        var large = await EntryOfNote(grain, first);
        for (var n = 0; n < SnapshotEveryFewFixture.Entries; n++)
        {
            Assert.True((await grain.Execute(first, Guid.NewGuid(), new AddNote("c1", $"idée {n}", NoteColour.Yellow))).IsAccepted);
        }

        var (_, stored) = await Eventually.Until(() => ReadSnapshot(id), s => s.Bytes > 100_000, "a snapshot holding the participants (due a few writes later)");
        Assert.True(large.Data.Length <= small.Data.Length + 16, $"a note's entry grew with the workshop: {small.Data.Length} → {large.Data.Length} bytes");
        Assert.True(large.Data.Length < 1_024, $"a note's entry is {large.Data.Length} bytes");
        Console.WriteLine($"[stored shape] note entry: {small.Data.Length} B with 1 participant, {large.Data.Length} B with 2,000; snapshot {stored} B");
    }

    [Fact]
    public async Task Snapshots_compact_the_journal_and_an_activation_replays_what_follows_the_last_one()
    {
        var (grain, _) = await _workshops.Create();
        var id = grain.GetPrimaryKeyString();
        var amina = await Workshops.Join(grain, 1);
        CommandResult last = null!;
        for (var n = 1; n <= 12; n++)
        {
            last = await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", $"idée {n}", NoteColour.Yellow));
            Assert.True(last.IsAccepted);
        }

        // 14 writes: snapshots at 5 and 10 entries, the entries they hold compacted; the last ones wait for the next.
        // (Snapshots and compaction run after the answers: wait until one has been compacted. The journal is read
        // first: a compaction between the two reads then shows as entries the snapshot read holds, and is read again.)
        var (journal, snapshotVersion) = await Eventually.Until(
            async () => (await Fixture.Journal.Read(id, 0), (await ReadSnapshot(id)).Version),
            stored => stored.Version >= 10 && stored.Item1.Entries.All(e => e.Version > stored.Version),
            "a snapshot of at least ten writes, and the entries it holds compacted");
        Assert.Equal(last.Version, journal.Entries.Select(e => e.Version).DefaultIfEmpty(snapshotVersion).Max());

        // Deactivated without a snapshot of the last writes, as a crash leaves it: they come back from the journal.
        await Fixture.Cluster.DeactivateAsync(grain);
        var sync = await grain.Sync(TestClusterFixture.Service, -1);
        Assert.Equal(last.Version, sync.Version);
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"idée {n}").Order(), sync.Snapshot!.Facilitator.Notes.Select(n => n.Text).Order());
    }

    [Fact]
    public async Task Entries_left_behind_by_a_crash_between_a_snapshot_and_its_compaction_are_not_applied_twice()
    {
        var (grain, _) = await _workshops.Create();
        var id = grain.GetPrimaryKeyString();
        var amina = await Workshops.Join(grain, 1);
        Assert.True((await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "avant", NoteColour.Yellow))).IsAccepted);
        var putBack = await SaveJournalRows(id);

        for (var n = 1; n <= SnapshotEveryFewFixture.Entries; n++)
        {
            Assert.True((await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", $"après {n}", NoteColour.Yellow))).IsAccepted);
        }

        await Eventually.Until(() => Fixture.Journal.Read(id, 0), read => read.Entries.All(e => e.Version > 3), "the first entries compacted");
        await putBack();
        Assert.Contains((await Fixture.Journal.Read(id, 0)).Entries, e => e.Version <= 3);

        await Fixture.Cluster.DeactivateAsync(grain);
        var notes = (await grain.Sync(TestClusterFixture.Service, -1)).Snapshot!.Facilitator.Notes.Select(n => n.Text).ToList();
        Assert.Equal(1 + SnapshotEveryFewFixture.Entries, notes.Count);
        Assert.Single(notes, "avant");
    }

    [Fact]
    public async Task An_append_from_a_stale_head_is_refused_even_after_compaction()
    {
        var id = "journal-" + Guid.NewGuid().ToString("N");
        var journal = Fixture.Journal;
        var first = await journal.Append(id, null, new JournalEntry(1, [1, 2, 3]));
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.Append(id, null, new JournalEntry(2, [4])));
        var second = await journal.Append(id, first, new JournalEntry(2, [4, 5]));
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.Append(id, first, new JournalEntry(3, [6])));

        await journal.Compact(id, 2);
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.Append(id, first, new JournalEntry(3, [6])));
        var read = await journal.Read(id, 0);
        Assert.Empty(read.Entries);
        Assert.Equal(second, read.Head);

        var big = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        await journal.Append(id, read.Head, new JournalEntry(3, big));
        Assert.Equal(big, Assert.Single((await journal.Read(id, 2)).Entries).Data);

        await journal.Clear(id);
        var cleared = await journal.Read(id, 0);
        Assert.Null(cleared.Head);
        Assert.Empty(cleared.Entries);
    }

    /// <summary>The journal's rows as storage holds them now, and a way to put them back (as a crash before their compaction leaves them).</summary>
    protected abstract Task<Func<Task>> SaveJournalRows(string workshopId);

    /// <summary>
    /// The journal entry of a new note. A snapshot may compact it before it is read (it runs after the answer): then
    /// another note is measured.
    /// </summary>
    private async Task<JournalEntry> EntryOfNote(IWorkshopGrain grain, Credential author) =>
        (await Eventually.Until(
            async () =>
            {
                var added = await grain.Execute(author, Guid.NewGuid(), new AddNote("c1", "Un banc à l'ombre devant la médiathèque, pour attendre le bus", NoteColour.Yellow));
                Assert.True(added.IsAccepted, added.Error.ToString());
                var entries = (await Fixture.Journal.Read(grain.GetPrimaryKeyString(), added.Version - 1)).Entries;
                return entries.FirstOrDefault(e => e.Version == added.Version);
            },
            entry => entry is not null,
            "a note's entry read before its compaction"))!;

    private async Task<(long Version, long Bytes)> ReadSnapshot(string workshopId)
    {
        var state = new GrainState<WorkshopDocument>();
        await Fixture.Snapshots.ReadStateAsync("workshop", Fixture.Client.GetGrain<IWorkshopGrain>(workshopId).GetGrainId(), state);
        if (state.State?.Sealed is not { } content)
        {
            return (0, 0);
        }

        var key = await Fixture.Silo.GetRequiredService<CollectifLive.Silo.Privacy.ContentKeys>().Find(CollectifLive.Silo.Privacy.ContentKeys.WorkshopOwner(workshopId));
        var opened = state.State!.OpenWith(key!, workshopId);
        return (opened.State!.Version, content.Data.Length);
    }
}

public sealed class StoredShapeTestsOnAzureStorage(SnapshotEveryFewFixture cluster) : StoredShapeTests(cluster), IClassFixture<SnapshotEveryFewFixture>
{
    protected override async Task<Func<Task>> SaveJournalRows(string workshopId)
    {
        var table = new TableServiceClient(Fixture.Azurite.ConnectionString).GetTableClient(TableWorkshopJournal.TableName);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {workshopId} and RowKey ne 'head'")))
        {
            rows.Add(row);
        }

        return async () =>
        {
            foreach (var row in rows)
            {
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
            }
        };
    }
}

public sealed class StoredShapeTestsOnSqlite(SnapshotEveryFewSqliteFixture cluster) : StoredShapeTests(cluster), IClassFixture<SnapshotEveryFewSqliteFixture>
{
    protected override async Task<Func<Task>> SaveJournalRows(string workshopId)
    {
        using var database = new SqliteDatabase(Fixture.SqlitePath);
        var rows = await database.Read(connection =>
        {
            using var command = SqliteDatabase.Command(connection, null, "SELECT version, data FROM journal WHERE workshop = $workshop", ("$workshop", workshopId));
            using var reader = command.ExecuteReader();
            var found = new List<(long Version, byte[] Data)>();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
            }

            return found;
        });

        return async () =>
        {
            using var again = new SqliteDatabase(Fixture.SqlitePath);
            await again.Write((connection, transaction) =>
            {
                foreach (var (version, data) in rows)
                {
                    using var insert = SqliteDatabase.Command(connection, transaction, "INSERT OR IGNORE INTO journal (workshop, version, data) VALUES ($workshop, $version, $data)",
                        ("$workshop", workshopId), ("$version", version), ("$data", data));
                    insert.ExecuteNonQuery();
                }

                return rows.Count;
            });
        };
    }
}
