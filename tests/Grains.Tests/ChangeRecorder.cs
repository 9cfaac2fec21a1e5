using System.Collections.Concurrent;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

/// <summary>An observer that keeps every change a workshop grain publishes, in order.</summary>
public sealed class ChangeRecorder : IWorkshopObserver
{
    public ConcurrentQueue<WorkshopChange> Changes { get; } = new();

    public Task OnChange(WorkshopChange change)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
