using CollectifLive.Silo.Privacy;

namespace CollectifLive.Silo.Storage;

/// <summary>
/// The keys in the one-machine SQLite file. A destroyed key's row is zeroed in place (secure_delete) and the write-ahead
/// log that held it is emptied at once, so no copy of the key stays in the files.
/// </summary>
public sealed class SqliteContentKeys(SqliteDatabase database) : ContentKeys
{
    public override Task<byte[]?> Find(string ownerId) => database.Read(connection =>
    {
        using var command = SqliteDatabase.Command(connection, null, "SELECT key FROM content_keys WHERE owner = $owner", ("$owner", ownerId));
        return command.ExecuteScalar() as byte[];
    });

    public override async Task Destroy(string ownerId)
    {
        await database.Write((connection, transaction) =>
        {
            using var command = SqliteDatabase.Command(connection, transaction, "DELETE FROM content_keys WHERE owner = $owner", ("$owner", ownerId));
            return command.ExecuteNonQuery();
        });
        await database.Checkpoint();
    }

    protected override Task<bool> TryAdd(string ownerId, byte[] key) => database.Write((connection, transaction) =>
    {
        using var command = SqliteDatabase.Command(connection, transaction,
            "INSERT INTO content_keys (owner, key) VALUES ($owner, $key) ON CONFLICT DO NOTHING", ("$owner", ownerId), ("$key", key));
        return command.ExecuteNonQuery() == 1;
    });
}
