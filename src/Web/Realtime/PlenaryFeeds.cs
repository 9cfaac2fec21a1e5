using CollectifLive.Events;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Realtime;

/// <summary>Something in this web server that follows a day's plenary: an organiser page, a projector, a phone.</summary>
public interface IPlenaryListener
{
    /// <summary>Called with each newer plenary. Must not block: marshal to your own context and return.</summary>
    void OnPlenary(PlenaryView plenary);
}

/// <summary>
/// The plenary feeds of this web server, one per followed event: one observer on the event grain, fanned out to
/// every listener here. Each push carries the whole (small) plenary, so a lost push is made up by the next one or by
/// the renewal, which also reads the plenary again.
/// </summary>
public sealed partial class PlenaryFeeds(IClusterClient cluster, ServiceKey service, TimeProvider clock, ILogger<PlenaryFeeds> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Feed> _feeds = [];

    private IClusterClient Cluster { get; } = cluster;

    private TimeProvider Clock { get; } = clock;

    private ServiceKey Service { get; } = service;

    /// <summary>The plenary now and a subscription to its changes; null when the event does not exist.</summary>
    public async Task<(PlenaryView? Initial, IDisposable? Subscription)> Subscribe(string eventId, IPlenaryListener listener)
    {
        Feed feed;
        lock (_gate)
        {
            if (!_feeds.TryGetValue(eventId, out feed!))
            {
                feed = new Feed(this, eventId);
                _feeds[eventId] = feed;
            }

            feed.Listeners = [.. feed.Listeners, listener];
        }

        var subscription = new Subscription(() => Leave(feed, listener));
        try
        {
            var current = await feed.Started.Value;
            if (current is null)
            {
                subscription.Dispose();
                return (null, null);
            }

            return (feed.Current ?? current, subscription);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            LogFailed(exception, eventId);
            subscription.Dispose();
            return (null, null);
        }
    }

    private void Leave(Feed feed, IPlenaryListener listener)
    {
        lock (_gate)
        {
            feed.Listeners = [.. feed.Listeners.Where(l => !ReferenceEquals(l, listener))];
            if (feed.Listeners.Length > 0 || !_feeds.Remove(feed.EventId))
            {
                return;
            }
        }

        _ = feed.DisposeAsync().AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        Feed[] feeds;
        lock (_gate)
        {
            feeds = [.. _feeds.Values];
            _feeds.Clear();
        }

        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plenary feed {EventId}: the event could not be reached")]
    private partial void LogFailed(Exception exception, string eventId);

    private sealed class Subscription(Action leave) : IDisposable
    {
        private Action? _leave = leave;

        public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke();
    }

    private sealed class Feed : IEventObserver, IAsyncDisposable
    {
        private readonly PlenaryFeeds _owner;
        private readonly Lock _newest = new();
        private readonly IEventGrain _grain;
        private IEventObserver? _reference;
        private ITimer? _renewal;

        public Feed(PlenaryFeeds owner, string eventId)
        {
            _owner = owner;
            EventId = eventId;
            _grain = owner.Cluster.GetGrain<IEventGrain>(eventId);
            Started = new Lazy<Task<PlenaryView?>>(Start);
        }

        public string EventId { get; }

        public Lazy<Task<PlenaryView?>> Started { get; }

        /// <summary>Replaced whole under the owner's lock, read without it.</summary>
        public IPlenaryListener[] Listeners { get; set; } = [];

        public PlenaryView? Current { get; private set; }

        private async Task<PlenaryView?> Start()
        {
            _reference = _owner.Cluster.CreateObjectReference<IEventObserver>(this);
            await _grain.Subscribe(_owner.Service, _reference);
            Accept(await _grain.Plenary(_owner.Service));
            _renewal = _owner.Clock.CreateTimer(_ => _ = Renew(), null, FeedTiming.RefreshInterval, FeedTiming.RefreshInterval);
            return Current;
        }

        public Task OnPlenary(PlenaryView plenary)
        {
            Accept(plenary);
            return Task.CompletedTask;
        }

        private async Task Renew()
        {
            try
            {
                await _grain.Subscribe(_owner.Service, _reference!);
                Accept(await _grain.Plenary(_owner.Service));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _owner.LogFailed(exception, EventId);
            }
        }

        /// <summary>Keeps the newest plenary and tells every listener; older pushes arriving late are dropped.</summary>
        private void Accept(PlenaryView? plenary)
        {
            lock (_newest)
            {
                if (plenary is null || (Current is { } current && current.Version >= plenary.Version))
                {
                    return;
                }

                Current = plenary;
            }

            foreach (var listener in Listeners)
            {
                listener.OnPlenary(plenary);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _renewal?.Dispose();
            if (_reference is not null)
            {
                try
                {
                    await _grain.Unsubscribe(_reference);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    _owner.LogFailed(exception, EventId);
                }

                _owner.Cluster.DeleteObjectReference<IEventObserver>(_reference);
            }
        }
    }
}
