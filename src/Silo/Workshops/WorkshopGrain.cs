using System.Diagnostics;
using CollectifLive.Domain;
using CollectifLive.Events;
using CollectifLive.JoinCodes;
using CollectifLive.Silo.Clients;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Privacy;
using CollectifLive.Silo.Workshops.Journal;
using CollectifLive.Workshops;
using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;
using Orleans.Utilities;

namespace CollectifLive.Silo.Workshops;

/// <summary>
/// The one writer of a workshop (DESIGN rule 1). Commands are decided and applied in memory one turn at a time;
/// the grain is reentrant only so that, while one storage write is in flight, the next commands are applied and
/// ride the following write together (group commit, rule 3). A caller hears "accepted" once its write landed,
/// and every screen hears of a change only once it is durable.
/// A write appends the events it holds to the workshop's journal (<see cref="WorkshopJournal"/>), a few hundred bytes
/// for a note whatever the workshop's size; the whole state is stored as a snapshot (the grain state) now and then,
/// after an answer rather than before it, and the journal entries it holds are then compacted away. An activation
/// reads the snapshot and replays the entries after it (docs/architecture.md).
/// A reminder checks, every few hours, whether the retention period has passed since the last change; then the
/// workshop deletes itself as its facilitator would.
/// </summary>
[Reentrant]
public sealed partial class WorkshopGrain(
    [PersistentState("workshop", StorageNames.Workshops)] IPersistentState<WorkshopDocument> store,
    WorkshopJournal journal,
    IOptions<JournalOptions> journalOptions,
    ContentKeys keys,
    IOptions<RetentionOptions> retention,
    IOptions<ClientLimitOptions> clientLimits,
    ServiceAccess serviceAccess,
    WorkshopMetrics metrics,
    [FromKeyedServices(Clocks.Domain)] TimeProvider clock,
    ILogger<WorkshopGrain> logger) : Grain, IWorkshopGrain, IRemindable
{
    private const string RetentionReminder = "retention";

    /// <summary>How many times a failed write is tried again before the pending commands are refused.</summary>
    private const int WriteAttempts = 4;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly ObserverManager<IWorkshopObserver> _observers = new(FeedTiming.SubscriptionLifetime, logger);
    private readonly List<(long Version, TaskCompletionSource<bool> Durable)> _waiting = [];
    private readonly Dictionary<Guid, (string Caller, Task<CommandResult> Answer)> _inFlight = [];
    private readonly List<ImmutableArray<WorkshopEvent>> _unstoredCommands = [];
    private readonly List<RememberedOperation> _unstoredOperations = [];
    private OperationLog _operations = null!;
    private string? _journalHead;
    private int _entriesSinceSnapshot;
    private long _bytesSinceSnapshot;
    private Task _snapshot = Task.CompletedTask;
    private WorkshopState? _committed;
    private WorkshopState? _working;
    private Task _writeLoop = Task.CompletedTask;
    private bool _writing;
    private bool _broken;
    private bool _deleting;
    private byte[]? _key;
    private DateTimeOffset _lastActivity;

    private string WorkshopId => this.GetPrimaryKeyString();

    /// <summary>The last snapshot, then every journal entry after it, applied in order.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoad(cancellationToken))
        {
            // A snapshot landed and compacted the entries after the one read (an earlier activation's, still finishing):
            // the new snapshot holds them.
            await store.ReadStateAsync(cancellationToken);
            if (!await TryLoad(cancellationToken))
            {
                throw new InvalidDataException($"Workshop {WorkshopId}: the journal does not follow the stored snapshot.");
            }
        }

        if (_committed is not null)
        {
            await KeepRetentionReminder();
        }
    }

    /// <summary>The workshop as storage holds it; false if the journal's first entry does not follow the snapshot read.</summary>
    private async Task<bool> TryLoad(CancellationToken cancellationToken)
    {
        _operations = new OperationLog([], Limits.RememberedOperationsMax, Limits.RememberedOperationsTtl);
        (_entriesSinceSnapshot, _bytesSinceSnapshot) = (0, 0);
        var document = store.State;
        if (document.Sealed is not null)
        {
            _key = await keys.Find(ContentKeys.WorkshopOwner(WorkshopId));
            if (_key is null)
            {
                await ForgetUnreadable(cancellationToken);
                return true;
            }

            document = document.OpenWith(_key, WorkshopId);
        }

        var state = document.UpgradedState();
        _operations = new OperationLog(document.Operations, Limits.RememberedOperationsMax, Limits.RememberedOperationsTtl);
        _lastActivity = document.LastActivityAt ?? state?.CreatedAt ?? default;
        var read = await journal.Read(WorkshopId, state?.Version ?? 0);
        _journalHead = read.Head;
        if (!read.Entries.IsEmpty)
        {
            _key ??= await keys.Find(ContentKeys.WorkshopOwner(WorkshopId));
            if (_key is null)
            {
                await ForgetUnreadable(cancellationToken);
                return true;
            }

            foreach (var entry in read.Entries)
            {
                var batch = JournalBatch.Open(_key, WorkshopId, entry);
                if (batch.VersionAfter(state?.Version ?? 0) != entry.Version)
                {
                    return false;
                }

                state = batch.ApplyTo(state);
                foreach (var operation in batch.Operations)
                {
                    _operations.Add(operation);
                }

                _lastActivity = batch.At;
                _entriesSinceSnapshot++;
                _bytesSinceSnapshot += entry.Data.Length;
            }
        }

        _committed = _working = state;
        return true;
    }

    /// <summary>A snapshot under way is finished (or fails) before the next activation reads storage.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _writeLoop;
        await _snapshot;
    }

    /// <summary>
    /// The key was destroyed by a deletion that stopped before the snapshot or the journal were removed: what is left
    /// cannot be read, so the deletion is finished.
    /// </summary>
    private async Task ForgetUnreadable(CancellationToken cancellationToken)
    {
        await journal.Clear(WorkshopId);
        await store.ClearStateAsync(cancellationToken);
        _journalHead = null;
    }

    /// <summary>Every stored workshop has its retention reminder (one read per activation, a write only the first time).</summary>
    private async Task KeepRetentionReminder()
    {
        if (await this.GetReminder(RetentionReminder) is null)
        {
            await this.RegisterOrUpdateReminder(RetentionReminder, RetentionOptions.CheckPeriod, RetentionOptions.CheckPeriod);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetentionReminder)
        {
            return;
        }

        if (_committed is null || _deleting)
        {
            await this.ForgetReminder(RetentionReminder);
            return;
        }

        if (!retention.Value.IsExpired(_lastActivity, _committed.Kept, clock.GetUtcNow()))
        {
            return;
        }

        LogExpired(WorkshopId, retention.Value.Days);
        WorkshopState erased;
        try
        {
            erased = await Erase();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The reminder stays: its next tick, on a fresh activation, finishes the deletion.
            LogDeleteFailed(exception, WorkshopId);
            this.DeactivateOnIdle();
            return;
        }

        // Before deactivating: the event checks with this activation (reentrant) that the workshop is gone.
        if (erased.EventId is { } eventId)
        {
            await GrainFactory.GetGrain<IEventGrain>(eventId).Forget(WorkshopId);
        }

        this.DeactivateOnIdle();
    }

    public Task<CommandResult> Create(Guid operationId, CreateWorkshop command) =>
        Start(operationId, command.FacilitatorSecret, code => Workshop.Create(WorkshopId, command, code, clock.GetUtcNow()));

    public Task<CommandResult> Import(Guid operationId, ImportWorkshop command)
    {
        var archive = WorkshopArchive.Parse(command.ArchiveJson);
        return Start(operationId, command.FacilitatorSecret, code => Workshop.Import(WorkshopId, archive, code, command.FacilitatorSecret, command.ProjectorSecret, clock.GetUtcNow()));
    }

    public Task<ArchiveResult> Archive(Credential credential)
    {
        if (_committed is null || _deleting)
        {
            return Task.FromResult(new ArchiveResult(WorkshopError.WorkshopNotFound, null));
        }

        if (WorkshopAccess.Authenticate(_committed, credential) is not { IsFacilitator: true })
        {
            LogAccessDenied(WorkshopId, credential.Kind);
            return Task.FromResult(new ArchiveResult(WorkshopError.AccessDenied, null));
        }

        return Task.FromResult(new ArchiveResult(WorkshopError.None, WorkshopArchive.Of(_committed, clock.GetUtcNow()).ToJson()));
    }

    /// <summary>
    /// Brings the workshop into being (a creation or an import): checked first, so that a refused one leaves no code
    /// behind, then decided again with the code it claimed.
    /// </summary>
    private Task<CommandResult> Start(Guid operationId, string? facilitatorSecret, Func<string, Decision> decide) =>
        Once(operationId, "create:" + WorkshopAccess.Hash(facilitatorSecret ?? ""), async caller =>
        {
            if (_working is not null)
            {
                return CommandResult.Refused(WorkshopError.WorkshopAlreadyExists);
            }

            var check = decide(JoinCode.NewCode());
            if (!check.IsAccepted)
            {
                return CommandResult.Refused(check.Error, check.Limit);
            }

            var code = await ClaimJoinCode();
            if (_working is not null)
            {
                // Another creation of this id interleaved while the code was being claimed.
                await GrainFactory.GetGrain<IJoinCodeGrain>(code).Retire(WorkshopId);
                return CommandResult.Refused(WorkshopError.WorkshopAlreadyExists);
            }

            var created = await Commit(operationId, caller, decide(code));
            if (created.IsAccepted)
            {
                await KeepRetentionReminder();
            }

            return created;
        });

    public Task<CommandResult> Join(Guid operationId, JoinWorkshop command)
    {
        if (_working is null)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.WorkshopNotFound));
        }

        return Once(operationId, "join:" + WorkshopAccess.Hash(command.ParticipantSecret ?? ""), caller =>
            Commit(operationId, caller, Workshop.Join(_working, command, clock.GetUtcNow())));
    }

    public Task<CommandResult> Execute(Credential credential, Guid operationId, WorkshopCommand command)
    {
        if (_working is null)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.WorkshopNotFound));
        }

        if (WorkshopAccess.Authenticate(_working, credential) is not { } actor)
        {
            LogAccessDenied(WorkshopId, credential.Kind);
            return Task.FromResult(CommandResult.Refused(WorkshopError.AccessDenied));
        }

        var caller = $"{actor.Role}:{actor.ParticipantId}";
        return command is RotateJoinCode
            ? Once(operationId, caller, RotateCode)
            : Once(operationId, caller, caller => Commit(operationId, caller, Workshop.Decide(_working, actor, command, clock.GetUtcNow(), clientLimits.Value.NotesPerParticipantPerMinute)));

        // A new code is claimed before the workshop takes it, and the old one retired once the change is durable.
        async Task<CommandResult> RotateCode(string caller)
        {
            if (!actor.IsFacilitator)
            {
                return CommandResult.Refused(WorkshopError.NotAllowedForRole);
            }

            var code = await ClaimJoinCode();
            var old = _working!.JoinCode;
            var result = await Commit(operationId, caller, Workshop.RotateJoinCode(_working, actor, code));

            // The old code is retired (kept from other workshops until this one is deleted); a new code the workshop never
            // took (refused, or deleted meanwhile) is released.
            try
            {
                var codes = GrainFactory.GetGrain<IJoinCodeGrain>(result.IsAccepted ? old : code);
                await (result.IsAccepted ? codes.Retire(WorkshopId) : codes.Release(WorkshopId));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The workshop has its code either way; a stray code still opening it is a smaller harm than failing.
                LogRetireFailed(exception, WorkshopId);
            }

            return result;
        }
    }

    public Task<AccessResult> Access(Credential credential)
    {
        if (_committed is null || _deleting)
        {
            return Task.FromResult(AccessResult.Denied(WorkshopError.WorkshopNotFound));
        }

        if (WorkshopAccess.Authenticate(_committed, credential) is not { } actor)
        {
            LogAccessDenied(WorkshopId, credential.Kind);
            return Task.FromResult(AccessResult.Denied(WorkshopError.AccessDenied));
        }

        var own = actor.ParticipantId is { } id ? WorkshopProjection.Own(_committed, id) : null;
        return Task.FromResult(new AccessResult(WorkshopError.None, actor.Role, own));
    }

    public async Task<CommandResult> Delete(Credential credential)
    {
        if (_committed is null || _deleting)
        {
            return CommandResult.Refused(WorkshopError.WorkshopNotFound);
        }

        if (WorkshopAccess.Authenticate(_committed, credential) is not { } actor)
        {
            LogAccessDenied(WorkshopId, credential.Kind);
            return CommandResult.Refused(WorkshopError.AccessDenied);
        }

        if (!actor.IsFacilitator)
        {
            return CommandResult.Refused(WorkshopError.NotAllowedForRole);
        }

        WorkshopState state;
        try
        {
            state = await Erase();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever was done stays done (each step can be done again); the next activation starts from storage,
            // and a retry finishes the deletion.
            LogDeleteFailed(exception, WorkshopId);
            this.DeactivateOnIdle();
            return CommandResult.Refused(WorkshopError.StorageUnavailable);
        }

        this.DeactivateOnIdle();

        // The caller tells the event (it cannot be called from here: the event deletes its workshops itself).
        return CommandResult.Accepted(state.Version, state.EventId);
    }

    /// <summary>
    /// Removes everything of the workshop and returns what it was; the caller deactivates it. From the start every
    /// command is refused, and the write in flight (if any) lands before the state is removed, so that no late write
    /// brings it back.
    /// </summary>
    private async Task<WorkshopState> Erase()
    {
        _deleting = true;
        await _writeLoop;
        await _snapshot;
        var state = _committed ?? _working!;
        _working = null;

        // The codes first, while the state that lists them can still be read; then the key: whatever fails after it,
        // what storage holds of the workshop is already unreadable. Each step can be done again by a retry.
        foreach (var code in state.AllJoinCodes)
        {
            await GrainFactory.GetGrain<IJoinCodeGrain>(code).Release(WorkshopId);
        }

        await keys.Destroy(ContentKeys.WorkshopOwner(WorkshopId));
        await journal.Clear(WorkshopId);
        await store.ClearStateAsync();
        await this.ForgetReminder(RetentionReminder);
        _committed = null;
        _key = null;
        LogDeleted(WorkshopId);
        await _observers.Notify(observer => observer.OnDeleted());
        _observers.Clear();
        return state;
    }

    public Task<bool> Exists() => Task.FromResult(_committed is not null && !_deleting);

    public Task<FeedSync> Sync(ServiceKey service, long knownVersion)
    {
        if (!serviceAccess.Allows(service))
        {
            LogServiceDenied(WorkshopId);
            return Task.FromResult(new FeedSync(WorkshopError.AccessDenied, 0, null));
        }

        if (_committed is null || _deleting)
        {
            return Task.FromResult(new FeedSync(WorkshopError.WorkshopNotFound, 0, null));
        }

        var snapshot = knownVersion == _committed.Version ? null : WorkshopProjection.Snapshot(_committed);
        return Task.FromResult(new FeedSync(WorkshopError.None, _committed.Version, snapshot));
    }

    public Task<long> Subscribe(ServiceKey service, IWorkshopObserver observer)
    {
        if (!serviceAccess.Allows(service))
        {
            LogServiceDenied(WorkshopId);
            throw new UnauthorizedAccessException("A feed needs the service key.");
        }

        _observers.Subscribe(observer, observer);
        return Task.FromResult(_committed?.Version ?? 0);
    }

    public Task Unsubscribe(IWorkshopObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs an operation once per operation id (DESIGN rule 4): a retry by the same caller waits for, or gets, the
    /// first answer; the same id from another caller is refused rather than answered with someone else's result.
    /// </summary>
    private Task<CommandResult> Once(Guid operationId, string caller, Func<string, Task<CommandResult>> run)
    {
        if (operationId == Guid.Empty)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.InvalidRequest));
        }

        if (_deleting)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.WorkshopNotFound));
        }

        if (_broken)
        {
            // What memory remembers may never have been stored; the next activation answers from storage.
            return Task.FromResult(CommandResult.Refused(WorkshopError.StorageUnavailable));
        }

        if (_inFlight.TryGetValue(operationId, out var running))
        {
            return running.Caller == caller ? running.Answer : Task.FromResult(CommandResult.Refused(WorkshopError.InvalidRequest));
        }

        if (_operations.Find(operationId) is { } first)
        {
            return Task.FromResult(first.Caller == caller ? first.Result : CommandResult.Refused(WorkshopError.InvalidRequest));
        }

        var answer = run(caller);
        if (!answer.IsCompleted)
        {
            _inFlight[operationId] = (caller, answer);
            _ = ForgetWhenAnswered(operationId, answer);
        }

        return answer;
    }

    private async Task ForgetWhenAnswered(Guid operationId, Task<CommandResult> answer)
    {
        try
        {
            await answer;
        }
        finally
        {
            // By now an accepted operation is in the log; a refused one may run again.
            _inFlight.Remove(operationId);
        }
    }

    /// <summary>Applies an accepted decision in memory now, and answers once the write that holds it has landed.</summary>
    private Task<CommandResult> Commit(Guid operationId, string caller, Decision decision)
    {
        if (!decision.IsAccepted)
        {
            return Task.FromResult(CommandResult.Refused(decision.Error, decision.Limit));
        }

        if (_deleting)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.WorkshopNotFound));
        }

        if (_broken)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.StorageUnavailable));
        }

        if (_waiting.Count >= Limits.PendingCommandsMax)
        {
            return Task.FromResult(CommandResult.Refused(WorkshopError.Busy));
        }

        if (decision.Events.IsEmpty)
        {
            // Nothing to change, but the state that made it so may still be on its way to storage. Remembered like
            // any accepted operation: a late retry must not run again over what was decided since.
            var unchanged = CommandResult.Accepted(_working!.Version, decision.Value);
            Remember(new RememberedOperation(operationId, caller, clock.GetUtcNow(), unchanged));
            return _working.Version == _committed?.Version ? Task.FromResult(unchanged) : AnswerWhenDurable(_working.Version, unchanged);
        }

        _working = Workshop.Apply(_working, decision.Events);
        _unstoredCommands.Add(decision.Events);

        var result = CommandResult.Accepted(_working.Version, decision.Value);
        Remember(new RememberedOperation(operationId, caller, clock.GetUtcNow(), result));
        return AnswerWhenDurable(_working.Version, result);
    }

    /// <summary>An answered operation, remembered now and stored with the next write.</summary>
    private void Remember(RememberedOperation operation)
    {
        _operations.Add(operation);
        _unstoredOperations.Add(operation);
    }

    private async Task<CommandResult> AnswerWhenDurable(long version, CommandResult accepted)
    {
        var durable = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((version, durable));
        if (!_writing)
        {
            _writing = true;
            _writeLoop = WriteLoop();
        }

        return await durable.Task ? accepted : CommandResult.Refused(WorkshopError.StorageUnavailable);
    }

    /// <summary>Writes until nothing applied in memory is left unstored; each write carries every command applied before it began.</summary>
    private async Task WriteLoop()
    {
        try
        {
            while (_working is not null && _working.Version > (_committed?.Version ?? 0))
            {
                // What this write holds: the state and the callers waiting for it. Commands applied while it is in
                // flight go to the next write.
                var target = _working;
                var waiting = _waiting.ToArray();
                _waiting.Clear();
                var now = clock.GetUtcNow();
                var batch = new JournalBatch(now, [.. _unstoredCommands], [.. _unstoredOperations]);
                _unstoredCommands.Clear();
                _unstoredOperations.Clear();

                if (!await TryAppend(batch, target.Version))
                {
                    FailEverythingPending(waiting);
                    return;
                }

                var before = _committed;
                _committed = target;
                _lastActivity = now;
                Publish(WorkshopProjection.Change(before, target));

                // Also those that began waiting during the write for a version it held (an unchanged answer).
                var landed = waiting.Concat(_waiting.Where(w => w.Version <= target.Version)).ToList();
                _waiting.RemoveAll(w => w.Version <= target.Version);
                foreach (var (_, durable) in landed)
                {
                    durable.TrySetResult(true);
                }

                // A snapshot waits for a pause in the writes (below), so a burst's appends do not queue behind it,
                // unless the burst has gone on so long that the journal is well past the mark.
                if (journalOptions.Value.IsOverdue(_entriesSinceSnapshot, _bytesSinceSnapshot))
                {
                    SnapshotIfDue();
                }
            }
        }
        finally
        {
            _writing = false;
        }

        SnapshotIfDue();
    }

    private void SnapshotIfDue()
    {
        if (_snapshot.IsCompleted && !_deleting && !_broken && _committed is not null && journalOptions.Value.IsDue(_entriesSinceSnapshot, _bytesSinceSnapshot))
        {
            _snapshot = Snapshot();
        }
    }

    /// <summary>
    /// Appends <paramref name="batch"/> to the journal, sealed with the workshop's key (made before its first write). An
    /// attempt that failed may still have landed: if the next one finds the journal moved on, the entry there is
    /// compared with ours (same bytes, same nonce) before the write is called lost.
    /// </summary>
    private async Task<bool> TryAppend(JournalBatch batch, long version)
    {
        var delay = FirstRetryDelay;
        var startedAt = Stopwatch.GetTimestamp();
        JournalEntry? entry = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _key ??= await keys.GetOrCreate(ContentKeys.WorkshopOwner(WorkshopId));
                entry ??= batch.Seal(_key, WorkshopId, version);
                _journalHead = await journal.Append(WorkshopId, _journalHead, entry);
                Appended(entry, startedAt, batch);
                return true;
            }
            catch (InconsistentStateException exception)
            {
                if (attempt > 1 && entry is not null && await LandedBefore(entry))
                {
                    Appended(entry, startedAt, batch);
                    return true;
                }

                // Someone else wrote this workshop (a duplicate activation): our memory is stale; reload from storage.
                LogWriteConflict(exception, WorkshopId);
                metrics.WriteFailed();
                return false;
            }
            catch (Exception exception) when (attempt < WriteAttempts)
            {
                LogWriteRetry(exception, WorkshopId, attempt);
                await Task.Delay(delay);
                delay *= 2;
            }
            catch (Exception exception)
            {
                LogWriteFailed(exception, WorkshopId, attempt);
                metrics.WriteFailed();
                return false;
            }
        }
    }

    private void Appended(JournalEntry entry, long startedAt, JournalBatch batch)
    {
        _entriesSinceSnapshot++;
        _bytesSinceSnapshot += entry.Data.Length;
        metrics.Appended(startedAt, entry.Data.Length, batch.Commands.Length);
    }

    /// <summary>Whether the journal's newest entry is <paramref name="entry"/> itself; if so, its head is taken as ours.</summary>
    private async Task<bool> LandedBefore(JournalEntry entry)
    {
        var read = await journal.Read(WorkshopId, entry.Version - 1);
        if (read.Entries is [var stored] && stored.Version == entry.Version && stored.Data.AsSpan().SequenceEqual(entry.Data))
        {
            _journalHead = read.Head;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Stores the whole workshop as it stands after the last landed write, with the operations answered up to it, then
    /// drops the journal entries it holds. Runs beside the next writes: nothing waits for it, and if it fails the
    /// journal still holds everything (the next write that finds a snapshot due tries again).
    /// </summary>
    private async Task Snapshot()
    {
        var state = _committed!;
        var unstored = _unstoredOperations.Select(o => o.Id).ToHashSet();
        var document = new WorkshopDocument
        {
            State = state,
            Operations = [.. _operations.ToImmutableArray().Where(o => !unstored.Contains(o.Id))],
            LastActivityAt = _lastActivity,
        };
        var (entries, bytes) = (_entriesSinceSnapshot, _bytesSinceSnapshot);
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            store.State = document.SealWith(_key!, WorkshopId);
            await store.WriteStateAsync();
            _entriesSinceSnapshot -= entries;
            _bytesSinceSnapshot -= bytes;
            await journal.Compact(WorkshopId, state.Version);
            metrics.Snapshotted(startedAt);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSnapshotFailed(exception, WorkshopId, state.Version);
        }
    }

    /// <summary>
    /// The commands applied in memory since the last landed write are lost: refuse them all, stop taking new ones,
    /// and let the next activation start again from what storage holds. Callers retry with the same operation ids.
    /// </summary>
    private void FailEverythingPending(IEnumerable<(long Version, TaskCompletionSource<bool> Durable)> waiting)
    {
        _broken = true;
        foreach (var (_, durable) in waiting.Concat(_waiting))
        {
            durable.TrySetResult(false);
        }

        _waiting.Clear();
        this.DeactivateOnIdle();
    }

    private void Publish(WorkshopChange change) => _observers.Notify(observer => observer.OnChange(change));

    private async Task<string> ClaimJoinCode()
    {
        while (true)
        {
            var code = JoinCode.NewCode();
            if (await GrainFactory.GetGrain<IJoinCodeGrain>(code).Claim(WorkshopId))
            {
                return code;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a {Kind} credential was refused")]
    private partial void LogAccessDenied(string workshopId, CredentialKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a read without the service key was refused")]
    private partial void LogServiceDenied(string workshopId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: no activity for {Days} days, deleting it (retention)")]
    private partial void LogExpired(string workshopId, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workshop {WorkshopId}: deletion stopped half-way; a retry finishes it")]
    private partial void LogDeleteFailed(Exception exception, string workshopId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} was deleted")]
    private partial void LogDeleted(string workshopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: write attempt {Attempt} failed, retrying")]
    private partial void LogWriteRetry(Exception exception, string workshopId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workshop {WorkshopId}: write failed after {Attempt} attempts; pending commands refused")]
    private partial void LogWriteFailed(Exception exception, string workshopId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: the old join code could not be retired")]
    private partial void LogRetireFailed(Exception exception, string workshopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: the snapshot at version {Version} was not stored; the journal still holds everything")]
    private partial void LogSnapshotFailed(Exception exception, string workshopId, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workshop {WorkshopId}: storage holds a newer write; reloading")]
    private partial void LogWriteConflict(Exception exception, string workshopId);
}
