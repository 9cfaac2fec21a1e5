using System.Globalization;
using Orleans.Storage;

namespace CollectifLive.Silo.Storage;

/// <summary>
/// Grain state in the one-machine SQLite file, one row per grain and store, with a version for optimistic concurrency:
/// a write made from a stale copy is refused (<see cref="InconsistentStateException"/>) the way Blob storage refuses a
/// stale ETag, so the grain behaves the same on both.
/// </summary>
public sealed class SqliteGrainStorage(string store, SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await database.Read(connection =>
        {
            using var command = SqliteDatabase.Command(connection, null, "SELECT version, data FROM grains WHERE store = $store AND id = $id",
                ("$store", store), ("$id", Id(stateName, grainId)));
            using var reader = command.ExecuteReader();
            return reader.Read() ? (Version: reader.GetInt64(0), Data: (byte[])reader.GetValue(1)) : ((long Version, byte[] Data)?)null;
        });

        if (row is { } found)
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData(found.Data));
            grainState.ETag = Tag(found.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State).ToArray();
        var id = Id(stateName, grainId);
        var expected = grainState.ETag;
        var version = await database.Write((connection, transaction) =>
        {
            var next = Version(expected) + 1;
            using var command = expected is null
                ? SqliteDatabase.Command(connection, transaction,
                    "INSERT INTO grains (store, id, version, data) VALUES ($store, $id, 1, $data) ON CONFLICT DO NOTHING",
                    ("$store", store), ("$id", id), ("$data", data))
                : SqliteDatabase.Command(connection, transaction,
                    "UPDATE grains SET version = $next, data = $data WHERE store = $store AND id = $id AND version = $expected",
                    ("$store", store), ("$id", id), ("$data", data), ("$next", next), ("$expected", Version(expected)));
            return command.ExecuteNonQuery() == 1 ? next : (long?)null;
        });

        grainState.ETag = version is { } written ? Tag(written) : throw Stale(id, expected);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = Id(stateName, grainId);
        var expected = grainState.ETag;
        var cleared = await database.Write((connection, transaction) =>
        {
            using var command = expected is null
                ? SqliteDatabase.Command(connection, transaction, "SELECT NOT EXISTS (SELECT 1 FROM grains WHERE store = $store AND id = $id)",
                    ("$store", store), ("$id", id))
                : SqliteDatabase.Command(connection, transaction, "DELETE FROM grains WHERE store = $store AND id = $id AND version = $expected",
                    ("$store", store), ("$id", id), ("$expected", Version(expected)));
            return Convert.ToInt64(expected is null ? command.ExecuteScalar() : command.ExecuteNonQuery(), CultureInfo.InvariantCulture) == 1;
        });

        if (!cleared)
        {
            throw Stale(id, expected);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string Id(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long Version(string? tag) => tag is null ? 0 : long.Parse(tag, CultureInfo.InvariantCulture);

    private static InconsistentStateException Stale(string id, string? expected) =>
        new($"The stored {id} is not the version {expected ?? "(none)"} this grain read: another activation wrote it.", null, expected);
}
