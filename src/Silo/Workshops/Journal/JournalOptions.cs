namespace CollectifLive.Silo.Workshops.Journal;

/// <summary>
/// When a workshop stores a snapshot of its whole state: once this many entries, or this many bytes of entries, were
/// appended since the last one. A snapshot is written once the writes pause (or when a burst has taken the journal
/// <see cref="OverdueFactor"/> times past the mark), never on the way to an answer; it bounds what an activation
/// replays.
/// </summary>
public sealed class JournalOptions
{
    public const string Section = "Journal";
    public const int DefaultSnapshotEveryEntries = 500;
    public const int DefaultSnapshotEveryBytes = 512 * 1024;

    public int SnapshotEveryEntries { get; set; } = DefaultSnapshotEveryEntries;

    public int SnapshotEveryBytes { get; set; } = DefaultSnapshotEveryBytes;

    /// <summary>How far past the mark a burst of writes may take the journal before a snapshot stops waiting for a pause.</summary>
    public const int OverdueFactor = 4;

    public bool IsDue(int entries, long bytes) => entries >= SnapshotEveryEntries || bytes >= SnapshotEveryBytes;

    public bool IsOverdue(int entries, long bytes) =>
        entries >= OverdueFactor * (long)SnapshotEveryEntries || bytes >= OverdueFactor * (long)SnapshotEveryBytes;
}
