using CollectifLive.Web.Hosting;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Realtime;

/// <summary>
/// This web server's single subscription to one workshop grain (DESIGN: one per workshop per web server), fanned
/// out in-process to every local listener. Pushes may be lost or reordered: a change is applied only on top of the
/// version before it; a gap that does not fill quickly, a renewal that finds a newer version, or a (re)subscription
/// pulls a snapshot instead.
/// </summary>
internal sealed partial class WorkshopFeed : IWorkshopObserver, IAsyncDisposable
{
    /// <summary>How long a gap may wait for a late push before a snapshot is pulled.</summary>
    internal static readonly TimeSpan GapPatience = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How long an answered command's push may take before the feed takes it for lost: far above a push's usual delay
    /// (milliseconds, hundreds on a loaded machine), far below the 20 s renewal that would otherwise find out.
    /// </summary>
    internal static readonly TimeSpan CatchUpPatience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a feed that lost its silo tries to subscribe again until it succeeds: the workshop cannot come back
    /// before the cluster declares the dead silo dead (seconds, see ClusterTiming), and each try that fails is answered
    /// within the response timeout, so a short pause is enough not to hammer a cluster that is recovering.
    /// </summary>
    internal static readonly TimeSpan ResubscribePause = TimeSpan.FromSeconds(1);

    /// <summary>Tries before a feed leaves it to its regular renewal: far beyond a silo's death and its workshops' reactivation.</summary>
    internal const int ResubscribeAttempts = 30;

    private readonly Lock _gate = new();
    private readonly SortedList<long, WorkshopChange> _early = [];
    private readonly IClusterClient _cluster;
    private readonly IWorkshopGrain _grain;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ServiceKey _service;
    private readonly WebMetrics _metrics;
    private List<IFeedListener> _listeners = [];
    private FeedUpdate? _current;
    private IWorkshopObserver? _reference;
    private ITimer? _renewal;
    private ITimer? _gapTimer;
    private int _resyncing;
    private int _catchingUp;
    private int _resubscribing;
    private long _awaitedVersion;
    private volatile bool _disposed;

    public WorkshopFeed(string workshopId, IClusterClient cluster, ServiceKey service, TimeProvider clock, WebMetrics metrics, ILogger logger)
    {
        _metrics = metrics;
        WorkshopId = workshopId;
        _service = service;
        _cluster = cluster;
        _grain = cluster.GetGrain<IWorkshopGrain>(workshopId);
        _clock = clock;
        _logger = logger;
    }

    public string WorkshopId { get; }

    /// <summary>The grain's handle on this feed (null before <see cref="Start"/>).</summary>
    internal IWorkshopObserver? Reference => _reference;

    public FeedUpdate? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public int ListenerCount
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    /// <summary>Subscribes to the grain and loads the first snapshot.</summary>
    public async Task<WorkshopError> Start()
    {
        _reference = _cluster.CreateObjectReference<IWorkshopObserver>(this);
        await _grain.Subscribe(_service, _reference);
        var sync = await _grain.Sync(_service, -1);
        if (sync.Error != WorkshopError.None || sync.Snapshot is null)
        {
            return sync.Error == WorkshopError.None ? WorkshopError.WorkshopNotFound : sync.Error;
        }

        lock (_gate)
        {
            _current = FeedUpdate.FromSnapshot(WorkshopId, sync.Snapshot);
            DrainEarly();
            WatchGap();
        }

        _renewal = _clock.CreateTimer(_ => _ = Renew(), null, FeedTiming.RefreshInterval, FeedTiming.RefreshInterval);
        return WorkshopError.None;
    }

    /// <summary>Adds a listener and returns the state it starts from; later updates follow in version order.</summary>
    public FeedUpdate Add(IFeedListener listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
            return _current!;
        }
    }

    public void Remove(IFeedListener listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }

    public Task OnChange(WorkshopChange change)
    {
        lock (_gate)
        {
            if (_current is null || change.FromVersion > _current.Version + 1)
            {
                _early[change.FromVersion] = change;
                WatchGap();
            }
            else if (change.ToVersion > _current.Version)
            {
                Publish(_current.Apply(change));
                DrainEarly();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>True once the workshop told it was deleted: the feed takes no new listener.</summary>
    public bool IsDeleted { get; private set; }

    public Task OnDeleted()
    {
        lock (_gate)
        {
            IsDeleted = true;
            if (_current is not null)
            {
                Publish(_current.AsDeleted());
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A command through this server was answered at <paramref name="version"/>. Its push normally follows within
    /// moments; if the feed still shows an older version after <see cref="CatchUpPatience"/>, the push was lost (the grain
    /// restarted and no longer knows this feed, say): the feed subscribes again and resyncs then, not at the next renewal.
    /// One catch-up at a time per feed, for the newest version awaited: a busy workshop whose pushes lag cannot start
    /// one resync per command.
    /// </summary>
    public async Task CatchUp(long version)
    {
        if (version <= (Current?.Version ?? long.MaxValue))
        {
            return;
        }

        InterlockedMax(ref _awaitedVersion, version);
        if (Interlocked.Exchange(ref _catchingUp, 1) == 1)
        {
            return;
        }

        try
        {
            await Task.Delay(CatchUpPatience, _clock);
            if (!_disposed && Interlocked.Read(ref _awaitedVersion) > (Current?.Version ?? long.MaxValue))
            {
                await Renew();
            }
        }
        finally
        {
            Interlocked.Exchange(ref _catchingUp, 0);
        }

        static void InterlockedMax(ref long target, long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    /// <summary>
    /// The silo that held the workshop may have died, taking this feed's subscription with it: subscribe again (which
    /// reactivates the workshop on a survivor) and resync, trying again every <see cref="ResubscribePause"/> while the
    /// cluster recovers. One such loop at a time per feed.
    /// </summary>
    public async Task Resubscribe()
    {
        if (Interlocked.Exchange(ref _resubscribing, 1) == 1)
        {
            return;
        }

        try
        {
            for (var attempt = 1; attempt <= ResubscribeAttempts && !_disposed; attempt++)
            {
                if (await Renew())
                {
                    return;
                }

                await Task.Delay(ResubscribePause, _clock);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _resubscribing, 0);
        }
    }

    /// <summary>Renews the subscription before it expires; a newer version than ours means pushes were lost. False if the grain could not be reached.</summary>
    private async Task<bool> Renew()
    {
        try
        {
            var version = await _grain.Subscribe(_service, _reference!);
            if (version > (Current?.Version ?? 0))
            {
                await Resync();
            }

            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRenewalFailed(exception, WorkshopId);
            return false;
        }
    }

    private async Task ResyncIfGap()
    {
        lock (_gate)
        {
            _gapTimer?.Dispose();
            _gapTimer = null;
            if (_early.Count == 0)
            {
                return;
            }
        }

        try
        {
            await Resync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogResyncFailed(exception, WorkshopId);
        }
    }

    private async Task Resync()
    {
        if (Interlocked.Exchange(ref _resyncing, 1) == 1)
        {
            return;
        }

        try
        {
            var sync = await _grain.Sync(_service, Current?.Version ?? -1);
            if (sync.Snapshot is null)
            {
                return;
            }

            lock (_gate)
            {
                if (_current is null || sync.Snapshot.Version > _current.Version)
                {
                    _metrics.Resynced();
                    Publish(FeedUpdate.FromSnapshot(WorkshopId, sync.Snapshot));
                }

                DrainEarly();
            }
        }
        finally
        {
            Interlocked.Exchange(ref _resyncing, 0);
            lock (_gate)
            {
                WatchGap();
            }
        }
    }

    /// <summary>While changes wait beyond a gap, a timer pulls a snapshot if the gap does not fill. Caller holds the lock.</summary>
    private void WatchGap()
    {
        if (_current is not null && _early.Count > 0)
        {
            _gapTimer ??= _clock.CreateTimer(_ => _ = ResyncIfGap(), null, GapPatience, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Applies buffered changes that now follow on; drops those the state already covers. Caller holds the lock.</summary>
    private void DrainEarly()
    {
        while (_early.Count > 0 && _current is not null)
        {
            var next = _early.GetValueAtIndex(0);
            if (next.FromVersion > _current.Version + 1)
            {
                return;
            }

            _early.RemoveAt(0);
            if (next.ToVersion > _current.Version)
            {
                Publish(_current.Apply(next));
            }
        }
    }

    /// <summary>Caller holds the lock, so listeners see updates in version order.</summary>
    private void Publish(FeedUpdate update)
    {
        _current = update;
        _metrics.Pushed(_listeners.Count);
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnFeedUpdate(update);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogListenerFailed(exception, WorkshopId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _renewal?.Dispose();
        _gapTimer?.Dispose();
        if (_reference is not null)
        {
            try
            {
                await _grain.Unsubscribe(_reference);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogRenewalFailed(exception, WorkshopId);
            }

            _cluster.DeleteObjectReference<IWorkshopObserver>(_reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {WorkshopId}: subscribing to the workshop failed; tried again in a moment after a lost silo, else at the next renewal")]
    private partial void LogRenewalFailed(Exception exception, string workshopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {WorkshopId}: pulling a snapshot failed; retrying at the next renewal")]
    private partial void LogResyncFailed(Exception exception, string workshopId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed {WorkshopId}: a listener failed")]
    private partial void LogListenerFailed(Exception exception, string workshopId);
}
