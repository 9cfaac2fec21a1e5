namespace CollectifLive.Silo.Workshops.Journal;

/// <summary>
/// When a workshop stores a snapshot of its whole state: once this many entries, or this many bytes of entries, were
/// appended since the last one. A snapshot is written after the write that reached the mark has been answered, never
/// on the way to an answer; it bounds what an activation replays (at most one snapshot's worth of entries).
/// </summary>
public sealed class JournalOptions
{
    public const string Section = "Journal";
    public const int DefaultSnapshotEveryEntries = 500;
    public const int DefaultSnapshotEveryBytes = 512 * 1024;

    public int SnapshotEveryEntries { get; set; } = DefaultSnapshotEveryEntries;

    public int SnapshotEveryBytes { get; set; } = DefaultSnapshotEveryBytes;

    public bool IsDue(int entries, long bytes) => entries >= SnapshotEveryEntries || bytes >= SnapshotEveryBytes;
}
