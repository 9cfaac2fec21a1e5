using Azure;
using Azure.Data.Tables;

namespace CollectifLive.Silo.Privacy;

/// <summary>
/// The keys in a table of their own. Table rows are not soft-deleted the way blobs can be, and Azurite rewrites its
/// table database without deleted rows, so a destroyed key is gone from storage's files while the blobs it sealed may
/// linger: what they hold can no longer be read.
/// </summary>
public sealed class TableContentKeys(TableServiceClient tables) : ContentKeys
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

    public override async Task<byte[]?> Find(string ownerId)
    {
        var table = await _table.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ownerId, RowKey);
        return row.HasValue ? row.Value!.GetBinary(KeyProperty) : null;
    }

    public override async Task Destroy(string ownerId)
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

    protected override async Task<bool> TryAdd(string ownerId, byte[] key)
    {
        var table = await _table.Value;
        try
        {
            await table.AddEntityAsync(new TableEntity(ownerId, RowKey) { [KeyProperty] = key });
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }
}
