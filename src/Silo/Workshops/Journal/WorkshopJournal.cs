using System.Collections.Immutable;

namespace CollectifLive.Silo.Workshops.Journal;

/// <summary>One write of a workshop's journal as storage holds it: the version the workshop reached with it, and its sealed bytes.</summary>
public sealed record JournalEntry(long Version, byte[] Data);

/// <summary>
/// A workshop's journal as read: <paramref name="Head"/> stands for the last append (null before the first), to be
/// given back with the next append; <paramref name="Entries"/> are those after the version asked, oldest first.
/// </summary>
public sealed record JournalRead(string? Head, ImmutableArray<JournalEntry> Entries);

/// <summary>
/// Where each workshop appends what every write decided, in small entries, between two snapshots of its whole state
/// (the grain state). An append names the head it follows, so that of two activations of one workshop (a duplicate
/// after a cluster split) only one can go on: the other's append is refused as stale, as Blob storage refuses a stale
/// ETag. Entries at or below a stored snapshot's version are compacted away.
/// </summary>
public abstract class WorkshopJournal
{
    public abstract Task<JournalRead> Read(string workshopId, long afterVersion);

    /// <summary>
    /// Appends <paramref name="entry"/> if the journal's head is still <paramref name="head"/>, and returns the new head;
    /// throws <see cref="Orleans.Storage.InconsistentStateException"/> if another activation appended meanwhile.
    /// </summary>
    public abstract Task<string> Append(string workshopId, string? head, JournalEntry entry);

    /// <summary>Removes the entries a stored snapshot holds (version at or below <paramref name="throughVersion"/>).</summary>
    public abstract Task Compact(string workshopId, long throughVersion);

    /// <summary>Removes the whole journal, its head included (the workshop is deleted).</summary>
    public abstract Task Clear(string workshopId);

    protected static Orleans.Storage.InconsistentStateException Stale(string workshopId, string? head) =>
        new($"The journal of workshop {workshopId} moved past the head this activation knew.", head ?? "(none)", "(newer)");
}
