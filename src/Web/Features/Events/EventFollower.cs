using System.Collections.Concurrent;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Features.Events;

/// <summary>One workshop of the event as the organiser's page follows it: its console's view, or why it cannot be shown.</summary>
public sealed record FollowedWorkshop(string WorkshopId, AudienceModel? Model, WorkshopError Error);

/// <summary>
/// Follows the feeds of an event's workshops for one organiser page, and calls back whenever one changes. Only
/// workshops the organiser key was checked against are followed (the feeds themselves check nothing).
/// </summary>
public sealed class EventFollower(WorkshopFeeds feeds, Func<Task> changed) : IDisposable
{
    private readonly ConcurrentDictionary<string, FollowedWorkshop> _workshops = new();
    private readonly ConcurrentDictionary<string, FeedSubscription> _subscriptions = new();
    private volatile bool _disposed;

    public FollowedWorkshop? this[string workshopId] => _workshops.GetValueOrDefault(workshopId);

    public async Task Follow(string workshopId)
    {
        if (_subscriptions.ContainsKey(workshopId))
        {
            return;
        }

        var (error, subscription) = await feeds.Subscribe(workshopId, new Listener(this, workshopId));
        if (subscription is null)
        {
            _workshops[workshopId] = new FollowedWorkshop(workshopId, null, error);
            return;
        }

        if (_disposed || !_subscriptions.TryAdd(workshopId, subscription))
        {
            subscription.Dispose();
            return;
        }

        _workshops.TryAdd(workshopId, new FollowedWorkshop(workshopId, subscription.Initial.Facilitator, WorkshopError.None));
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
    }

    private void Updated(string workshopId, FeedUpdate update)
    {
        _workshops[workshopId] = update.IsDeleted
            ? new FollowedWorkshop(workshopId, null, WorkshopError.WorkshopDeleted)
            : new FollowedWorkshop(workshopId, update.Facilitator, WorkshopError.None);
        _ = changed();
    }

    private sealed class Listener(EventFollower follower, string workshopId) : IFeedListener
    {
        public void OnFeedUpdate(FeedUpdate update) => follower.Updated(workshopId, update);
    }
}
