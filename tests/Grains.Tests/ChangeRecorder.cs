using System.Collections.Concurrent;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

/// <summary>
/// An observer that keeps every change a workshop grain publishes, as they arrive: Orleans does not keep one-way
/// messages in order, so a change may arrive after a later one (the web server's feed buffers them the same way).
/// </summary>
public sealed class ChangeRecorder : IWorkshopObserver
{
    public ConcurrentQueue<WorkshopChange> Changes { get; } = new();

    /// <summary>How many times the grain said it was deleted.</summary>
    public int Deletions => _deletions;

    private int _deletions;

    public Task OnChange(WorkshopChange change)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }

    public Task OnDeleted()
    {
        Interlocked.Increment(ref _deletions);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The changes after version <paramref name="after"/>, in version order, once the last one reaching
    /// <paramref name="last"/> and every one before it has arrived (or the deadline passes, with what arrived).
    /// </summary>
    public Task<List<WorkshopChange>> After(long after, long last, string what) =>
        Eventually.Until(
            () => Task.FromResult(Changes.Where(c => c.FromVersion > after).OrderBy(c => c.FromVersion).ToList()),
            changes => changes.Count > 0 && changes[^1].ToVersion >= last && changes.Sum(c => c.ToVersion - c.FromVersion + 1) >= last - after,
            what);
}
