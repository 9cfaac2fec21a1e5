using Azure;
using Azure.Data.Tables;

namespace CollectifLive.Silo.Privacy;

/// <summary>
/// One key per workshop and per event, in a table of its own. Table rows are not soft-deleted the way blobs can be,
/// and Azurite rewrites its table database without deleted rows, so a destroyed key is gone from storage's files
/// while the blobs it sealed may linger: what they hold can no longer be read.
/// </summary>
public sealed class ContentKeys(TableServiceClient tables)
{
    public const string TableName = "contentkeys";
    private const string RowKey = "key";
    private const string KeyProperty = "Key";

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    public static string WorkshopOwner(string workshopId) => $"workshop-{workshopId}";

    public static string EventOwner(string eventId) => $"event-{eventId}";

    /// <summary>The owner's key, made and stored first if it has none (a retried creation finds the one it made).</summary>
    public async Task<byte[]> GetOrCreate(string ownerId)
    {
        if (await Find(ownerId) is { } existing)
        {
            return existing;
        }

        var table = await _table.Value;
        var key = ContentCipher.NewKey();
        try
        {
            await table.AddEntityAsync(new TableEntity(ownerId, RowKey) { [KeyProperty] = key });
            return key;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await Find(ownerId) ?? throw new InvalidOperationException($"The key of {ownerId} vanished while it was made.", exception);
        }
    }

    public async Task<byte[]?> Find(string ownerId)
    {
        var table = await _table.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ownerId, RowKey);
        return row.HasValue ? row.Value!.GetBinary(KeyProperty) : null;
    }

    /// <summary>Destroys the owner's key: everything sealed with it becomes unreadable. Destroying no key is not an error.</summary>
    public async Task Destroy(string ownerId)
    {
        var table = await _table.Value;
        try
        {
            await table.DeleteEntityAsync(ownerId, RowKey, ETag.All);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already destroyed (a retried deletion).
        }
    }
}
