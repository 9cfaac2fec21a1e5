using Microsoft.Data.Sqlite;

namespace CollectifLive.Silo.Storage;

/// <summary>
/// The one-machine storage: a single SQLite file in write-ahead-log mode with full sync, so a commit is on disk before
/// the grain that asked for it answers. Writes go one at a time (SQLite has one writer: waiting here rather than in
/// SQLite's busy loop keeps that wait in one visible place); reads run beside them.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>Tries at emptying the write-ahead log before a deletion is answered as failed (and retried by its caller).</summary>
    private const int CheckpointAttempts = 5;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        CreateForOwnerOnly(Path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS grains (
                store TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, data BLOB NOT NULL,
                PRIMARY KEY (store, id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS reminders (
                grain TEXT NOT NULL, name TEXT NOT NULL, hash INTEGER NOT NULL, start_at TEXT NOT NULL,
                period_ms INTEGER NOT NULL, version INTEGER NOT NULL,
                PRIMARY KEY (grain, name)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (hash);
            CREATE TABLE IF NOT EXISTS content_keys (owner TEXT NOT NULL PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS journal (
                workshop TEXT NOT NULL, version INTEGER NOT NULL, data BLOB NOT NULL,
                PRIMARY KEY (workshop, version)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS journal_heads (workshop TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
            """);
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The folder and the file readable by this user only (the file holds every workshop and the keys that seal them);
    /// SQLite gives its write-ahead log and shared-memory files the file's mode. What exists already keeps its mode.
    /// </summary>
    private static void CreateForOwnerOnly(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!File.Exists(path))
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
    }

    /// <summary>Runs a read on a connection of its own, off the caller's thread (SQLite's calls block).</summary>
    public Task<T> Read<T>(Func<SqliteConnection, T> read) => Task.Run(() =>
    {
        using var connection = Open();
        return read(connection);
    });

    /// <summary>Runs a write in a transaction, after the writes queued before it; it is durable when the task ends.</summary>
    public Task<T> Write<T>(Func<SqliteConnection, SqliteTransaction, T> write) => Exclusive(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var result = write(connection, transaction);
        transaction.Commit();
        return result;
    });

    /// <summary>
    /// Moves the write-ahead log into the database file and empties it, so that rows deleted before (zeroed in place by
    /// secure_delete) leave no older copy in the log.
    /// </summary>
    public async Task Checkpoint()
    {
        for (var attempt = 1; ; attempt++)
        {
            // The pragma reports a checkpoint that readers kept from finishing as busy = 1, not as an error.
            var busy = await Exclusive(connection =>
            {
                using var command = Command(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
                using var reader = command.ExecuteReader();
                return reader.Read() && reader.GetInt32(0) != 0;
            });
            if (!busy)
            {
                return;
            }

            if (attempt == CheckpointAttempts)
            {
                throw new IOException($"The write-ahead log of {Path} could not be emptied: readers kept it busy {CheckpointAttempts} times.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
        }
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private async Task<T> Exclusive<T>(Func<SqliteConnection, T> work)
    {
        await _writer.WaitAsync();
        try
        {
            return await Task.Run(() =>
            {
                using var connection = Open();
                return work(connection);
            });
        }
        finally
        {
            _writer.Release();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // Per connection: every commit is synced to disk (WAL with NORMAL would lose the last commits on a power cut),
        // deleted rows are overwritten, and a reader waits for a checkpoint rather than failing.
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }
}
