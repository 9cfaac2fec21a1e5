using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Realtime;

/// <summary>
/// The feed's state after a change (or after a resync, when <see cref="Change"/> is null): the three shared models
/// at one version, and the change that led there with its per-participant parts.
/// </summary>
public sealed class FeedUpdate(string workshopId, AudienceModel facilitator, AudienceModel projector, AudienceModel participants, WorkshopChange? change, bool isDeleted = false)
{
    private readonly Lazy<Dictionary<string, OwnDelta>> _private = new(() => change?.Private.ToDictionary(p => p.ParticipantId) ?? []);

    public string WorkshopId { get; } = workshopId;

    public long Version => Participants.Version;

    public AudienceModel Facilitator { get; } = facilitator;

    public AudienceModel Projector { get; } = projector;

    public AudienceModel Participants { get; } = participants;

    public WorkshopChange? Change { get; } = change;

    public bool IsResync => Change is null && !IsDeleted;

    /// <summary>The workshop was deleted: the last update of its feed, carrying the last state for no one to show.</summary>
    public bool IsDeleted { get; } = isDeleted;

    public FeedUpdate AsDeleted() => new(WorkshopId, Facilitator, Projector, Participants, null, isDeleted: true);

    public AudienceModel For(Audience audience) => audience switch
    {
        Audience.Facilitator => Facilitator,
        Audience.Projector => Projector,
        _ => Participants,
    };

    /// <summary>This participant's part of the change, if any. Indexed once per update, however many circuits ask.</summary>
    public OwnDelta? OwnFor(string participantId)
    {
        if (Change is null || Change.Private.IsEmpty)
        {
            return null;
        }

        return _private.Value.GetValueOrDefault(participantId);
    }

    public static FeedUpdate FromSnapshot(string workshopId, FeedSnapshot snapshot) => new(
        workshopId,
        AudienceModel.From(snapshot.Facilitator, snapshot.Version),
        AudienceModel.From(snapshot.Projector, snapshot.Version),
        AudienceModel.From(snapshot.Participants, snapshot.Version),
        null);

    public FeedUpdate Apply(WorkshopChange change) => new(
        WorkshopId,
        Facilitator.Apply(change.Facilitator, change.ToVersion),
        Projector.Apply(change.Projector, change.ToVersion),
        Participants.Apply(change.Participants, change.ToVersion),
        change);
}

/// <summary>Something in this web server that follows a workshop: a circuit's store, or the hub's bridge.</summary>
public interface IFeedListener
{
    /// <summary>Called in version order. Must not block: marshal to your own context and return.</summary>
    void OnFeedUpdate(FeedUpdate update);
}
