using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Privacy;
using CollectifLive.Silo.Storage;
using CollectifLive.Testing;
using CollectifLive.Workshops;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace CollectifLive.Grains.Tests;

/// <summary>
/// What the one-machine storage must do beyond the grain tests it runs with Azure Storage: refuse a stale write, keep
/// reminders by the Orleans ring, and leave no readable trace of a deleted workshop in its files.
/// </summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class SqliteStorageTests(SqliteTestClusterFixture fixture) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collectiflive-sqlite-unit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_write_from_a_stale_copy_is_refused_and_changes_nothing()
    {
        using var database = new SqliteDatabase(Path.Combine(_folder, "stale.db"));
        var storage = new SqliteGrainStorage("tests", database, new JsonGrainStateSerializer());
        var id = GrainId.Create("workshop", "stale");
        var first = new GrainState<Counter>(new Counter());
        var second = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("state", id, first);
        await storage.ReadStateAsync("state", id, second);
        Assert.False(first.RecordExists);

        first.State!.Value = 1;
        await storage.WriteStateAsync("state", id, first);
        second.State!.Value = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", id, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", id, second));

        var read = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("state", id, read);
        Assert.True(read.RecordExists);
        Assert.Equal(1, read.State!.Value);
        Assert.Equal(first.ETag, read.ETag);

        await storage.ClearStateAsync("state", id, read);
        await storage.ReadStateAsync("state", id, second);
        Assert.False(second.RecordExists);
        Assert.Equal(0, second.State!.Value);
    }

    [Fact]
    public async Task The_database_its_log_and_its_folder_are_readable_by_their_user_only()
    {
        var path = Path.Combine(_folder, "private", "owner.db");
        using var database = new SqliteDatabase(path);
        var storage = new SqliteGrainStorage("tests", database, new JsonGrainStateSerializer());
        await storage.WriteStateAsync("state", GrainId.Create("workshop", "owner"), new GrainState<Counter>(new Counter { Value = 1 }));

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + "-wal"));
        }
    }

    [Fact]
    public async Task Reminders_are_read_back_by_grain_and_by_ring_range_and_removed_only_with_their_current_tag()
    {
        using var database = new SqliteDatabase(Path.Combine(_folder, "reminders.db"));
        var table = new SqliteReminderTable(database);
        var grains = Enumerable.Range(0, 40).Select(n => GrainId.Create("workshop", $"w{n}")).ToList();
        foreach (var grain in grains)
        {
            Assert.NotNull(await table.UpsertRow(Entry(grain)));
        }

        var first = grains[0];
        var stale = (await table.ReadRow(first, "retention"))!.ETag!;
        var current = await table.UpsertRow(Entry(first));
        Assert.NotEqual(stale, current);
        Assert.Equal(TimeSpan.FromHours(6), (await table.ReadRows(first)).Reminders.Single().Period);

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[10], hashes[30]);
        Assert.Equal(20, (await table.ReadRows(low, high)).Reminders.Count);
        Assert.Equal(20, (await table.ReadRows(high, low)).Reminders.Count);
        Assert.Equal(40, (await table.ReadRows(low, low)).Reminders.Count);

        Assert.False(await table.RemoveRow(first, "retention", stale));
        Assert.NotNull(await table.ReadRow(first, "retention"));
        Assert.True(await table.RemoveRow(first, "retention", current!));
        Assert.Null(await table.ReadRow(first, "retention"));
    }

    [Fact]
    public async Task A_deleted_workshop_leaves_no_row_and_its_key_is_gone_from_the_database_files()
    {
        var workshops = new Workshops(fixture.Client);
        var (grain, _) = await workshops.Create();
        var workshopId = grain.GetPrimaryKeyString();
        var amina = await Workshops.Join(grain, 1);
        Assert.True((await grain.Execute(amina, Guid.NewGuid(), new AddNote("c1", "Le banc cassé devant l'école", NoteColour.Yellow))).IsAccepted);

        using var database = new SqliteDatabase(fixture.SqlitePath);
        var key = await new SqliteContentKeys(database).Find(ContentKeys.WorkshopOwner(workshopId));
        Assert.NotNull(key);
        Assert.NotEmpty(FilesContaining(key));
        Assert.Equal(1, await RowsNaming(database, "reminders", "grain", workshopId));
        Assert.NotEqual(0, await RowsNaming(database, "journal", "workshop", workshopId));
        Assert.Equal(1, await RowsNaming(database, "journal_heads", "workshop", workshopId));

        Assert.True((await grain.Delete(Workshops.Facilitator)).IsAccepted);

        Assert.Null(await new SqliteContentKeys(database).Find(ContentKeys.WorkshopOwner(workshopId)));
        Assert.Equal(0, await RowsNaming(database, "reminders", "grain", workshopId));
        Assert.Equal(0, await RowsNaming(database, "grains", "id", workshopId));
        Assert.Equal(0, await RowsNaming(database, "journal", "workshop", workshopId));
        Assert.Equal(0, await RowsNaming(database, "journal_heads", "workshop", workshopId));
        Assert.Empty(FilesContaining(key));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ReminderEntry Entry(GrainId grain) => new()
    {
        GrainId = grain,
        ReminderName = "retention",
        StartAt = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromHours(6),
    };

    private static Task<long> RowsNaming(SqliteDatabase database, string table, string column, string id) => database.Read(connection =>
    {
        using var command = SqliteDatabase.Command(connection, null, $"SELECT COUNT(*) FROM {table} WHERE {column} LIKE $pattern", ("$pattern", $"%{id}%"));
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>The database's files (the file, its write-ahead log, its shared memory) holding these bytes.</summary>
    private List<string> FilesContaining(byte[] bytes) =>
        [.. Directory.EnumerateFiles(Path.GetDirectoryName(fixture.SqlitePath)!)
            .Where(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray().AsSpan().IndexOf(bytes) >= 0;
            })];

    public sealed class Counter
    {
        public int Value { get; set; }
    }
}
