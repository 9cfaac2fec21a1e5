using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CollectifLive.Silo.Storage;

/// <summary>
/// Orleans reminders in the one-machine SQLite file, so a workshop's retention check survives a crash as its state does.
/// Ranges follow the Orleans ring: (begin, end], wrapping when begin ≥ end, the whole ring when they are equal.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain, name, start_at, period_ms, version";

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Query($"SELECT {Columns} FROM reminders WHERE grain = $grain", ("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? Query($"SELECT {Columns} FROM reminders WHERE hash > $begin AND hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : begin == end
            ? Query($"SELECT {Columns} FROM reminders")
            : Query($"SELECT {Columns} FROM reminders WHERE hash > $begin OR hash <= $end", ("$begin", (long)begin), ("$end", (long)end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await Query($"SELECT {Columns} FROM reminders WHERE grain = $grain AND name = $name", ("$grain", grainId.ToString()), ("$name", reminderName)))
        .Reminders.SingleOrDefault();

    public Task<string?> UpsertRow(ReminderEntry entry) => database.Write<string?>((connection, transaction) =>
    {
        using var command = SqliteDatabase.Command(connection, transaction, """
            INSERT INTO reminders (grain, name, hash, start_at, period_ms, version) VALUES ($grain, $name, $hash, $start, $period, 1)
            ON CONFLICT (grain, name) DO UPDATE SET start_at = $start, period_ms = $period, version = version + 1
            RETURNING version
            """,
            ("$grain", entry.GrainId.ToString()), ("$name", entry.ReminderName), ("$hash", (long)entry.GrainId.GetUniformHashCode()),
            ("$start", entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("$period", (long)entry.Period.TotalMilliseconds));
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => database.Write((connection, transaction) =>
    {
        using var command = SqliteDatabase.Command(connection, transaction, "DELETE FROM reminders WHERE grain = $grain AND name = $name AND version = $version",
            ("$grain", grainId.ToString()), ("$name", reminderName), ("$version", long.TryParse(eTag, CultureInfo.InvariantCulture, out var version) ? version : -1));
        return command.ExecuteNonQuery() == 1;
    });

    public Task TestOnlyClearTable() => database.Write((connection, transaction) =>
    {
        using var command = SqliteDatabase.Command(connection, transaction, "DELETE FROM reminders");
        return command.ExecuteNonQuery();
    });

    private Task<ReminderTableData> Query(string sql, params (string Name, object? Value)[] parameters) => database.Read(connection =>
    {
        using var command = SqliteDatabase.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(Entry(reader));
        }

        return new ReminderTableData(entries);
    });

    private static ReminderEntry Entry(SqliteDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
        ReminderName = reader.GetString(1),
        StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
        ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
    };
}
