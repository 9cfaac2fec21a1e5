using System.Collections.Immutable;
using System.Globalization;
using CollectifLive.Silo.Storage;

namespace CollectifLive.Silo.Workshops.Journal;

/// <summary>
/// The journal in the one-machine SQLite file: one row per entry, and one head row per workshop whose version an
/// append moves forward in the same transaction, only from the version the activation last saw.
/// </summary>
public sealed class SqliteWorkshopJournal(SqliteDatabase database) : WorkshopJournal
{
    public override Task<JournalRead> Read(string workshopId, long afterVersion) => database.Read(connection =>
    {
        // One transaction, so the head and the entries come from the same moment.
        using var transaction = connection.BeginTransaction();
        using var head = SqliteDatabase.Command(connection, transaction, "SELECT version FROM journal_heads WHERE workshop = $workshop", ("$workshop", workshopId));
        var headVersion = head.ExecuteScalar() is long version ? version.ToString(CultureInfo.InvariantCulture) : null;
        using var command = SqliteDatabase.Command(connection, transaction,
            "SELECT version, data FROM journal WHERE workshop = $workshop AND version > $after ORDER BY version",
            ("$workshop", workshopId), ("$after", afterVersion));
        using var reader = command.ExecuteReader();
        var entries = ImmutableArray.CreateBuilder<JournalEntry>();
        while (reader.Read())
        {
            entries.Add(new JournalEntry(reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return new JournalRead(headVersion, entries.ToImmutable());
    });

    public override async Task<string> Append(string workshopId, string? head, JournalEntry entry)
    {
        var appended = await database.Write((connection, transaction) =>
        {
            using var moveHead = head is null
                ? SqliteDatabase.Command(connection, transaction,
                    "INSERT INTO journal_heads (workshop, version) VALUES ($workshop, $version) ON CONFLICT DO NOTHING",
                    ("$workshop", workshopId), ("$version", entry.Version))
                : SqliteDatabase.Command(connection, transaction,
                    "UPDATE journal_heads SET version = $version WHERE workshop = $workshop AND version = $head",
                    ("$workshop", workshopId), ("$version", entry.Version), ("$head", long.Parse(head, CultureInfo.InvariantCulture)));
            if (moveHead.ExecuteNonQuery() != 1)
            {
                return false;
            }

            using var insert = SqliteDatabase.Command(connection, transaction,
                "INSERT INTO journal (workshop, version, data) VALUES ($workshop, $version, $data)",
                ("$workshop", workshopId), ("$version", entry.Version), ("$data", entry.Data));
            insert.ExecuteNonQuery();
            return true;
        });

        return appended ? entry.Version.ToString(CultureInfo.InvariantCulture) : throw Stale(workshopId, head);
    }

    public override Task Compact(string workshopId, long throughVersion) => database.Write((connection, transaction) =>
    {
        using var delete = SqliteDatabase.Command(connection, transaction, "DELETE FROM journal WHERE workshop = $workshop AND version <= $through",
            ("$workshop", workshopId), ("$through", throughVersion));
        return delete.ExecuteNonQuery();
    });

    public override Task Clear(string workshopId) => database.Write((connection, transaction) =>
    {
        using var entries = SqliteDatabase.Command(connection, transaction, "DELETE FROM journal WHERE workshop = $workshop", ("$workshop", workshopId));
        using var head = SqliteDatabase.Command(connection, transaction, "DELETE FROM journal_heads WHERE workshop = $workshop", ("$workshop", workshopId));
        return entries.ExecuteNonQuery() + head.ExecuteNonQuery();
    });
}
