using System.Collections.Immutable;
using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace CollectifLive.Silo.Workshops.Journal;

/// <summary>
/// The journal in Azure Table storage: a partition per workshop, a row per entry (its key the version, zero-padded so
/// rows sort by version) and a head row. An append is one entity-group transaction that replaces the head on the
/// ETag the activation last saw and adds the entry, so a stale activation's append fails whole.
/// A binary property holds at most 64 KiB: an entry's bytes are cut across properties of one row.
/// </summary>
public sealed class TableWorkshopJournal(TableServiceClient tables) : WorkshopJournal
{
    public const string TableName = "workshopjournal";

    /// <summary>Properties of up to 64 KiB an entry's row may hold (a row is at most 1 MiB in all).</summary>
    public const int MaxChunks = 15;

    private const int ChunkBytes = 64 * 1024;
    private const string HeadRow = "head";
    private const string VersionProperty = "Version";
    private const string ChunkCountProperty = "Chunks";

    /// <summary>Rows a transaction may hold (Table storage allows 100).</summary>
    private const int TransactionRows = 100;

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    /// <summary>The most bytes one entry can hold here.</summary>
    public static int MaxEntryBytes => MaxChunks * ChunkBytes;

    public override async Task<JournalRead> Read(string workshopId, long afterVersion)
    {
        var table = await _table.Value;
        string? head = null;
        var entries = ImmutableArray.CreateBuilder<JournalEntry>();

        // The head row's key sorts after every version's, so one query reads both.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {workshopId} and RowKey gt {RowKey(afterVersion)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            if (row.RowKey == HeadRow)
            {
                head = row.ETag.ToString();
            }
            else
            {
                entries.Add(new JournalEntry(long.Parse(row.RowKey, CultureInfo.InvariantCulture), Join(row)));
            }
        }

        return new JournalRead(head, entries.ToImmutable());
    }

    public override async Task<string> Append(string workshopId, string? head, JournalEntry entry)
    {
        if (entry.Data.Length > MaxEntryBytes)
        {
            throw new InvalidOperationException($"A journal entry of {entry.Data.Length} bytes exceeds the {MaxEntryBytes} a table row holds.");
        }

        var table = await _table.Value;
        var headRow = new TableEntity(workshopId, HeadRow) { [VersionProperty] = entry.Version };
        var row = new TableEntity(workshopId, RowKey(entry.Version)) { [ChunkCountProperty] = Split(entry.Data, out var chunks) };
        for (var i = 0; i < chunks.Count; i++)
        {
            row["D" + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }

        TableTransactionAction[] actions =
        [
            head is null
                ? new TableTransactionAction(TableTransactionActionType.Add, headRow)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, headRow, new ETag(head)),
            new TableTransactionAction(TableTransactionActionType.Add, row),
        ];
        try
        {
            var responses = await table.SubmitTransactionAsync(actions);
            return responses.Value[0].Headers.ETag?.ToString() ?? await HeadTag(table, workshopId);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            throw Stale(workshopId, head);
        }
    }

    public override async Task Compact(string workshopId, long throughVersion)
    {
        var table = await _table.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {workshopId} and RowKey le {RowKey(throughVersion)}");
        await DeleteRows(table, filter);
    }

    public override async Task Clear(string workshopId)
    {
        var table = await _table.Value;
        await DeleteRows(table, TableClient.CreateQueryFilter($"PartitionKey eq {workshopId}"));
    }

    private static async Task DeleteRows(TableClient table, string filter)
    {
        var batch = new List<TableTransactionAction>(TransactionRows);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (batch.Count == TransactionRows)
            {
                await table.SubmitTransactionAsync(batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch);
        }
    }

    private static async Task<string> HeadTag(TableClient table, string workshopId) =>
        (await table.GetEntityAsync<TableEntity>(workshopId, HeadRow)).Value.ETag.ToString();

    private static string RowKey(long version) => version.ToString("D19", CultureInfo.InvariantCulture);

    private static int Split(byte[] data, out List<byte[]> chunks)
    {
        chunks = [];
        for (var offset = 0; offset < data.Length; offset += ChunkBytes)
        {
            chunks.Add(data[offset..Math.Min(data.Length, offset + ChunkBytes)]);
        }

        return chunks.Count;
    }

    private static byte[] Join(TableEntity row)
    {
        var count = row.GetInt32(ChunkCountProperty) ?? 0;
        var parts = Enumerable.Range(0, count).Select(i => row.GetBinary("D" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        return [.. parts.SelectMany(part => part)];
    }
}
