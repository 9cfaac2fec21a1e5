using CollectifLive.Web.Hosting;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Realtime;

/// <summary>A listener's place in a feed; disposing it stops the updates.</summary>
public sealed class FeedSubscription(FeedUpdate initial, Action unsubscribe) : IDisposable
{
    private Action? _unsubscribe = unsubscribe;

    /// <summary>The state the listener starts from; updates after it arrive through the listener.</summary>
    public FeedUpdate Initial { get; } = initial;

    public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
}

/// <summary>The feeds of this web server, one per followed workshop, closed a while after their last listener leaves.</summary>
public sealed partial class WorkshopFeeds(IClusterClient cluster, ServiceKey service, TimeProvider clock, WebMetrics metrics, ILogger<WorkshopFeeds> logger) : IAsyncDisposable
{
    /// <summary>A feed outlives its last listener this long, so a page reload does not resubscribe.</summary>
    internal static readonly TimeSpan IdleGrace = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (WorkshopFeed Feed, Task<WorkshopError> Started)> _feeds = [];

    public async Task<(WorkshopError Error, FeedSubscription? Subscription)> Subscribe(string workshopId, IFeedListener listener)
    {
        while (true)
        {
            (WorkshopFeed Feed, Task<WorkshopError> Started) entry;
            lock (_gate)
            {
                if (!_feeds.TryGetValue(workshopId, out entry))
                {
                    var feed = new WorkshopFeed(workshopId, cluster, service, clock, metrics, logger);
                    entry = (feed, Task.Run(() => StartOrForget(feed)));
                    _feeds[workshopId] = entry;
                }
            }

            var error = await entry.Started;
            if (error != WorkshopError.None)
            {
                return (error, null);
            }

            lock (_gate)
            {
                // Added under the registry's lock, so an idle feed cannot be closed between the check and the add.
                if (IsOpen(entry.Feed))
                {
                    var initial = entry.Feed.Add(listener);
                    return (WorkshopError.None, new FeedSubscription(initial, () => Leave(entry.Feed, listener)));
                }
            }
        }
    }

    /// <summary>Tells the workshop's feed (if this server follows it) that the workshop reached <paramref name="version"/>.</summary>
    public void Seen(string workshopId, long version)
    {
        WorkshopFeed? feed;
        lock (_gate)
        {
            feed = _feeds.TryGetValue(workshopId, out var entry) && entry.Started.IsCompletedSuccessfully ? entry.Feed : null;
        }

        if (feed is not null)
        {
            _ = feed.CatchUp(version);
        }
    }

    /// <summary>
    /// A silo this server was connected to died: the workshops it held come back elsewhere without this server's
    /// subscriptions, so every started feed subscribes again now rather than at its next renewal.
    /// </summary>
    public void Resubscribe()
    {
        WorkshopFeed[] started;
        lock (_gate)
        {
            started = [.. _feeds.Values.Where(e => e.Started.IsCompletedSuccessfully && e.Started.Result == WorkshopError.None).Select(e => e.Feed)];
        }

        foreach (var feed in started)
        {
            _ = feed.Resubscribe();
        }
    }

    /// <summary>The feed's current state, if this server follows the workshop.</summary>
    public FeedUpdate? Current(string workshopId)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(workshopId, out var entry) && entry.Started.IsCompletedSuccessfully ? entry.Feed.Current : null;
        }
    }

    private async Task<WorkshopError> StartOrForget(WorkshopFeed feed)
    {
        WorkshopError error;
        try
        {
            error = await feed.Start();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogStartFailed(exception, feed.WorkshopId);
            error = WorkshopError.StorageUnavailable;
        }

        if (error != WorkshopError.None)
        {
            // A feed that could not start is forgotten at once, so the next visitor tries again.
            lock (_gate)
            {
                ForgetLocked(feed);
            }

            await feed.DisposeAsync();
        }

        return error;
    }

    private void Leave(WorkshopFeed feed, IFeedListener listener)
    {
        feed.Remove(listener);
        if (feed.ListenerCount == 0)
        {
            _ = CloseIfStillIdle(feed);
        }
    }

    private async Task CloseIfStillIdle(WorkshopFeed feed)
    {
        await Task.Delay(IdleGrace, clock);
        lock (_gate)
        {
            if (feed.ListenerCount > 0 || !ForgetLocked(feed))
            {
                return;
            }
        }

        await feed.DisposeAsync();
    }

    /// <summary>The pages and hub connections following each open workshop here (for <see cref="WebMetrics"/>).</summary>
    public IReadOnlyList<(string WorkshopId, int Screens)> Screens()
    {
        lock (_gate)
        {
            return [.. _feeds.Values.Where(e => e.Started.IsCompletedSuccessfully).Select(e => (e.Feed.WorkshopId, e.Feed.ListenerCount))];
        }
    }

    private bool IsOpen(WorkshopFeed feed) => !feed.IsDeleted && _feeds.TryGetValue(feed.WorkshopId, out var entry) && ReferenceEquals(entry.Feed, feed);

    /// <summary>Caller holds the lock.</summary>
    private bool ForgetLocked(WorkshopFeed feed) =>
        _feeds.TryGetValue(feed.WorkshopId, out var entry) && ReferenceEquals(entry.Feed, feed) && _feeds.Remove(feed.WorkshopId);

    public async ValueTask DisposeAsync()
    {
        WorkshopFeed[] feeds;
        lock (_gate)
        {
            feeds = [.. _feeds.Values.Select(e => e.Feed)];
            _feeds.Clear();
        }

        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {WorkshopId} could not start")]
    private partial void LogStartFailed(Exception exception, string workshopId);
}
