namespace CollectifLive.Silo.Privacy;

/// <summary>
/// One key per workshop and per event, in a table of their own: destroying the key makes every copy of the
/// sealed content unreadable, wherever storage may still keep it. Stored in an Azure table
/// (<see cref="TableContentKeys"/>) or in the one-machine SQLite file (<see cref="SqliteContentKeys"/>).
/// </summary>
public abstract class ContentKeys
{
    public static string WorkshopOwner(string workshopId) => $"workshop-{workshopId}";

    public static string EventOwner(string eventId) => $"event-{eventId}";

    /// <summary>The owner's key, made and stored first if it has none (a retried creation finds the one it made).</summary>
    public async Task<byte[]> GetOrCreate(string ownerId)
    {
        if (await Find(ownerId) is { } existing)
        {
            return existing;
        }

        var key = ContentCipher.NewKey();
        return await TryAdd(ownerId, key)
            ? key
            : await Find(ownerId) ?? throw new InvalidOperationException($"The key of {ownerId} vanished while it was made.");
    }

    public abstract Task<byte[]?> Find(string ownerId);

    /// <summary>Destroys the owner's key: everything sealed with it becomes unreadable. Destroying no key is not an error.</summary>
    public abstract Task Destroy(string ownerId);

    /// <summary>Stores the owner's key unless it already has one (then false).</summary>
    protected abstract Task<bool> TryAdd(string ownerId, byte[] key);
}
