using System.Collections.Concurrent;
using System.Threading.Channels;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.SignalR;

namespace CollectifLive.Web.Realtime;

/// <summary>
/// Forwards one workshop's feed to its hub clients: one group message per change for the participants (serialized
/// once by SignalR, however many connections), plus each participant's own part to their connections only.
/// Sends are made one after the other, so every connection receives changes in version order.
/// </summary>
internal sealed partial class HubBridge : IFeedListener
{
    private readonly Channel<FeedUpdate> _updates = Channel.CreateUnbounded<FeedUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, string> _participantByConnection = new();
    private readonly IHubContext<WorkshopHub> _hub;
    private readonly ILogger _logger;

    public HubBridge(string workshopId, IHubContext<WorkshopHub> hub, ILogger logger)
    {
        WorkshopId = workshopId;
        _hub = hub;
        _logger = logger;
        Pump = Task.Run(Forward);
    }

    public string WorkshopId { get; }

    public FeedSubscription? Subscription { get; set; }

    public Task Pump { get; }

    public int ConnectionCount => _participantByConnection.Count;

    public static string ParticipantsGroup(string workshopId) => $"{workshopId}:participants";

    public void Add(string connectionId, string participantId) => _participantByConnection[connectionId] = participantId;

    public void Remove(string connectionId) => _participantByConnection.TryRemove(connectionId, out _);

    public void OnFeedUpdate(FeedUpdate update) => _updates.Writer.TryWrite(update);

    public void Complete() => _updates.Writer.TryComplete();

    private async Task Forward()
    {
        await foreach (var update in _updates.Reader.ReadAllAsync())
        {
            try
            {
                await Send(update);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogSendFailed(exception, WorkshopId);
            }
        }
    }

    private async Task Send(FeedUpdate update)
    {
        var group = _hub.Clients.Group(ParticipantsGroup(WorkshopId));
        if (update.IsDeleted)
        {
            await group.SendAsync(HubMessages.Deleted);
            return;
        }

        if (update.Change is not { } change)
        {
            await group.SendAsync(HubMessages.Resync);
            return;
        }

        await group.SendAsync(HubMessages.Change, new HubChange(change.FromVersion, change.ToVersion, HubDelta.From(change.Participants)));
        if (change.Private.IsEmpty)
        {
            return;
        }

        foreach (var (connectionId, participantId) in _participantByConnection)
        {
            if (update.OwnFor(participantId) is { } own)
            {
                await _hub.Clients.Client(connectionId).SendAsync(HubMessages.Own, new HubOwnChange(change.ToVersion, own));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub bridge {WorkshopId}: a push failed")]
    private partial void LogSendFailed(Exception exception, string workshopId);
}

/// <summary>
/// The hub bridges of this web server, one per workshop with hub clients. A bridge starts (subscribing to the feed)
/// outside the registry's lock, so a slow workshop never delays another.
/// </summary>
public sealed class HubBridges(WorkshopFeeds feeds, IHubContext<WorkshopHub> hub, ILogger<HubBridges> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<(WorkshopError Error, HubBridge? Bridge)>> _bridges = [];

    /// <summary>Registers a connection for its private pushes; the caller then joins the group and reads the snapshot.</summary>
    internal async Task<WorkshopError> Attach(string workshopId, string connectionId, string participantId)
    {
        while (true)
        {
            Task<(WorkshopError Error, HubBridge? Bridge)> starting;
            lock (_gate)
            {
                if (!_bridges.TryGetValue(workshopId, out starting!))
                {
                    starting = Start(workshopId);
                    _bridges[workshopId] = starting;
                }
            }

            var (error, bridge) = await starting;
            lock (_gate)
            {
                var current = _bridges.GetValueOrDefault(workshopId) == starting;
                if (bridge is null)
                {
                    if (current)
                    {
                        _bridges.Remove(workshopId);
                    }

                    return error;
                }

                if (current)
                {
                    bridge.Add(connectionId, participantId);
                    return WorkshopError.None;
                }
            }

            // The bridge closed (its last connection left) while this one waited: start again.
        }
    }

    internal void Detach(string workshopId, string connectionId)
    {
        HubBridge? closing = null;
        lock (_gate)
        {
            if (_bridges.TryGetValue(workshopId, out var starting) && starting.IsCompletedSuccessfully && starting.Result.Bridge is { } bridge)
            {
                bridge.Remove(connectionId);
                if (bridge.ConnectionCount == 0)
                {
                    _bridges.Remove(workshopId);
                    closing = bridge;
                }
            }
        }

        if (closing is not null)
        {
            closing.Subscription?.Dispose();
            closing.Complete();
        }
    }

    private async Task<(WorkshopError Error, HubBridge? Bridge)> Start(string workshopId)
    {
        await Task.Yield();
        var bridge = new HubBridge(workshopId, hub, logger);
        var (error, subscription) = await feeds.Subscribe(workshopId, bridge);
        if (subscription is null)
        {
            bridge.Complete();
            return (error, null);
        }

        bridge.Subscription = subscription;
        return (WorkshopError.None, bridge);
    }
}
