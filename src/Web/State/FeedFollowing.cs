using System.Globalization;
using CollectifLive.Web.Realtime;

namespace CollectifLive.Web.State;

/// <summary>
/// The one workshop feed a circuit follows at a time: its updates are dispatched to the circuit's store in the
/// culture the circuit was opened with. A subscription that arrives after the circuit ended is closed at once.
/// </summary>
public sealed class FeedFollowing(WorkshopFeeds feeds) : IFeedListener, IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly Lock _gate = new();
    private IDispatcher? _dispatcher;
    private FeedSubscription? _subscription;
    private bool _disposed;

    /// <summary>
    /// Follows <paramref name="workshopId"/> instead of the workshop followed before, and returns the feed's state to start
    /// from; null when it cannot be followed (the store is then told why) or the circuit has ended.
    /// </summary>
    public async Task<FeedUpdate?> Follow(string workshopId, IDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        var (error, subscription) = await feeds.Subscribe(workshopId, this);
        if (subscription is null)
        {
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(error)));
            return null;
        }

        return Keep(subscription) ? subscription.Initial : null;
    }

    /// <summary>Follows no workshop any more.</summary>
    public void Stop() => Keep(null);

    /// <summary>
    /// Called on the feed's thread, whose culture is not this circuit's: the dispatch (and the renders it queues,
    /// which capture the caller's culture) runs in the culture the circuit was opened with.
    /// </summary>
    public void OnFeedUpdate(FeedUpdate update)
    {
        if (_dispatcher is not { } dispatcher)
        {
            return;
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        try
        {
            dispatcher.Dispatch(new FeedUpdated(update));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>Keeps one subscription at a time; one that arrives after the circuit ended is closed at once.</summary>
    private bool Keep(FeedSubscription? subscription)
    {
        FeedSubscription? previous;
        lock (_gate)
        {
            previous = _subscription;
            _subscription = _disposed ? null : subscription;
        }

        previous?.Dispose();
        if (_disposed)
        {
            subscription?.Dispose();
            return false;
        }

        return true;
    }

    public void Dispose()
    {
        FeedSubscription? subscription;
        lock (_gate)
        {
            _disposed = true;
            subscription = _subscription;
            _subscription = null;
        }

        subscription?.Dispose();
    }
}
