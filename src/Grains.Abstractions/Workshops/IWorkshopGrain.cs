using Orleans.Concurrency;

namespace CollectifLive.Workshops;

/// <summary>The single writer of one workshop: validates, applies and durably stores every command.</summary>
[Alias("cl.IWorkshopGrain")]
public interface IWorkshopGrain : IGrainWithStringKey
{
    /// <summary>Creates the workshop and claims a join code for it; the result's value is the join code.</summary>
    [Alias("Create")]
    Task<CommandResult> Create(Guid operationId, CreateWorkshop command);

    /// <summary>Creates the workshop from an archive (collectiflive/1) and claims a join code; the result's value is the join code.</summary>
    [Alias("Import")]
    Task<CommandResult> Import(Guid operationId, ImportWorkshop command);

    /// <summary>The whole workshop as an archive, for its facilitator only.</summary>
    [Alias("Archive")]
    Task<ArchiveResult> Archive(Credential credential);

    /// <summary>Registers a participant; the result's value is the participant id.</summary>
    [Alias("Join")]
    Task<CommandResult> Join(Guid operationId, JoinWorkshop command);

    /// <summary>Runs a command as the holder of <paramref name="credential"/>; answered once durable.</summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(Credential credential, Guid operationId, WorkshopCommand command);

    /// <summary>Checks a credential; for a participant, returns their own slice.</summary>
    [Alias("Access")]
    Task<AccessResult> Access(Credential credential);

    /// <summary>
    /// Deletes the workshop and everything in it, for its facilitator or organiser: its content key is destroyed
    /// first (what storage still holds of it can no longer be read), then its stored state and join codes. Every
    /// screen is told. The result's value is the workshop's event, if any, for the caller to tell it
    /// (<see cref="Events.IEventGrain.Forget"/>).
    /// </summary>
    [Alias("Delete")]
    Task<CommandResult> Delete(Credential credential);

    /// <summary>Whether the workshop exists (for its event, which forgets deleted workshops).</summary>
    [Alias("Exists")]
    Task<bool> Exists();

    /// <summary>For web servers' feeds (their service key): the shared views, unless <paramref name="knownVersion"/> is current.</summary>
    [Alias("Sync")]
    Task<FeedSync> Sync(ServiceKey service, long knownVersion);

    /// <summary>
    /// Subscribes a web server's feed (refresh before the expiry); returns the current durable version. Refused
    /// (<see cref="UnauthorizedAccessException"/>) without the service key.
    /// </summary>
    [Alias("Subscribe")]
    Task<long> Subscribe(ServiceKey service, IWorkshopObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IWorkshopObserver observer);
}

/// <summary>A web server's feed, told of every durable change. Pushes may be lost: versions tell.</summary>
[Alias("cl.IWorkshopObserver")]
public interface IWorkshopObserver : IGrainObserver
{
    [OneWay, Alias("OnChange")]
    Task OnChange(WorkshopChange change);

    /// <summary>The workshop was deleted: nothing more will come.</summary>
    [OneWay, Alias("OnDeleted")]
    Task OnDeleted();
}
