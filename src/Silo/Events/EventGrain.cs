using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollectifLive.Domain;
using CollectifLive.Events;
using CollectifLive.JoinCodes;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Privacy;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace CollectifLive.Silo.Events;

/// <summary>An event as storage holds it: sealed with the event's own key, like a workshop.</summary>
public sealed class EventDocument
{
    public SealedContent? Sealed { get; init; }
}

/// <summary>
/// The list of an event's workshops and its organiser's keys. Not reentrant: its few writes happen one at a time.
/// Creating the workshops is idempotent (each has its id, keys and a creation operation id derived from both ids),
/// so a retried creation completes what a failed one began. An event left without workshops deletes itself once the
/// retention period has passed since its last change (its workshops have their own).
/// </summary>
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.Events)] IPersistentState<EventDocument> store,
    ContentKeys keys,
    IOptions<RetentionOptions> retention,
    ServiceAccess serviceAccess,
    [FromKeyedServices(Clocks.Domain)] TimeProvider clock,
    ILogger<EventGrain> logger) : Grain, IEventGrain, IRemindable
{
    private const string RetentionReminder = "retention";

    private readonly ObserverManager<IEventObserver> _observers = new(FeedTiming.SubscriptionLifetime, logger);
    private EventState? _state;
    private byte[]? _key;

    private string EventId => this.GetPrimaryKeyString();

    private string Owner => ContentKeys.EventOwner(EventId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Sealed is not { } sealedContent)
        {
            return;
        }

        _key = await keys.Find(Owner);
        if (_key is null)
        {
            // A deletion destroyed the key and stopped before removing the state: finish it.
            await store.ClearStateAsync(cancellationToken);
            return;
        }

        _state = JsonSerializer.Deserialize<EventState>(ContentCipher.Open(_key, Owner, sealedContent), JsonGrainStateSerializer.Options);
    }

    public async Task<EventResult> Create(CreateEvent command)
    {
        var (decided, error, limit) = EventRules.Create(EventId, command, clock.GetUtcNow());
        if (decided is null)
        {
            return EventResult.Refused(error, limit);
        }

        if (_state is null)
        {
            await Write(decided with { DayCode = await ClaimDayCode() });
            await this.RegisterOrUpdateReminder(RetentionReminder, RetentionOptions.CheckPeriod, RetentionOptions.CheckPeriod);
        }
        else if (!_state.IsOrganiser(command.OrganiserSecret))
        {
            return EventResult.Refused(WorkshopError.WorkshopAlreadyExists);
        }

        var codes = new List<string>();
        foreach (var workshop in command.Workshops)
        {
            var created = await CreateWorkshop(_state!, workshop);
            if (!created.IsAccepted)
            {
                return EventResult.Refused(created.Error, created.Limit);
            }

            codes.Add(created.Value!);
        }

        return new EventResult(WorkshopError.None, _state!.View(), JoinCodes: [.. codes]);
    }

    public Task<EventResult> Ateliers(string dayCode) =>
        Task.FromResult(_state is { DayCode: { } code } && code == dayCode
            ? new EventResult(WorkshopError.None, _state.View())
            : EventResult.Refused(WorkshopError.JoinCodeUnknown));

    public Task<EventResult> View(string organiserSecret) =>
        Task.FromResult(Authorise(organiserSecret) is { } refused ? EventResult.Refused(refused) : new EventResult(WorkshopError.None, _state!.View()));

    public async Task<CommandResult> AddWorkshop(string organiserSecret, EventWorkshop workshop)
    {
        if (Authorise(organiserSecret) is { } refused)
        {
            return CommandResult.Refused(refused);
        }

        var state = _state!;
        if (!state.WorkshopIds.Contains(workshop.WorkshopId))
        {
            if (state.WorkshopIds.Length >= Limits.WorkshopsPerEventMax)
            {
                return CommandResult.Refused(WorkshopError.TooManyEventWorkshops, Limits.WorkshopsPerEventMax);
            }

            var check = EventRules.CheckWorkshop(EventRules.CreateCommand(state, workshop), workshop.WorkshopId, clock.GetUtcNow());
            if (!check.IsAccepted)
            {
                return CommandResult.Refused(check.Error, check.Limit);
            }

            await Write(state with { WorkshopIds = state.WorkshopIds.Add(workshop.WorkshopId) });
        }

        return await CreateWorkshop(_state!, workshop);
    }

    public async Task<CommandResult> Delete(string organiserSecret)
    {
        if (Authorise(organiserSecret) is { } refused)
        {
            return CommandResult.Refused(refused);
        }

        foreach (var workshopId in _state!.WorkshopIds)
        {
            var deleted = await GrainFactory.GetGrain<IWorkshopGrain>(workshopId).Delete(Credential.Facilitator(organiserSecret));
            if (!deleted.IsAccepted && deleted.Error != WorkshopError.WorkshopNotFound)
            {
                return CommandResult.Refused(deleted.Error, deleted.Limit);
            }
        }

        await Erase();
        return CommandResult.Accepted(0);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetentionReminder)
        {
            return;
        }

        if (_state is null)
        {
            await this.ForgetReminder(RetentionReminder);
            return;
        }

        // Workshops that never came to be (a creation that failed half-way) or whose deletion did not reach the event.
        foreach (var workshopId in _state.WorkshopIds)
        {
            await Forget(workshopId);
        }

        if (_state.WorkshopIds.IsEmpty && retention.Value.IsExpired(_state.LastActivity, kept: false, clock.GetUtcNow()))
        {
            await Erase();
        }
    }

    private async Task Erase()
    {
        await keys.Destroy(Owner);
        await store.ClearStateAsync();
        if (_state?.DayCode is { } dayCode)
        {
            await GrainFactory.GetGrain<IJoinCodeGrain>(dayCode).Release(EventId);
        }

        await this.ForgetReminder(RetentionReminder);
        _state = null;
        _key = null;
        LogDeleted(EventId);
        DeactivateOnIdle();
    }

    public async Task<CommandResult> SetPlenaryStep(string organiserSecret, PlenaryStep? step)
    {
        if (Authorise(organiserSecret) is { } refused)
        {
            return CommandResult.Refused(refused);
        }

        if (step is not null && !EventRules.IsValidStep(_state!, step))
        {
            return CommandResult.Refused(WorkshopError.InvalidRequest);
        }

        if (_state!.Plenary == step)
        {
            return CommandResult.Accepted(_state.PlenaryVersion);
        }

        await Write(_state with { Plenary = step, PlenaryVersion = _state.PlenaryVersion + 1 });
        await PublishPlenary();
        return CommandResult.Accepted(_state.PlenaryVersion);
    }

    public Task<bool> OpensPlenary(string secret) => Task.FromResult(_state?.OpensScreens(secret) ?? false);

    public Task<PlenaryView?> Plenary(ServiceKey service) =>
        Task.FromResult(serviceAccess.Allows(service) ? _state?.PlenaryView() : null);

    public async Task<CommandResult> GiveDayConsent(string workshopId, Credential participant, string recommendationKey, string answer)
    {
        if (_state is null)
        {
            return CommandResult.Refused(WorkshopError.EventNotFound);
        }

        if (_state.Plenary?.Key != recommendationKey)
        {
            // The plenary moved on (or closed) since the phone showed it.
            return CommandResult.Refused(WorkshopError.VoteRoundClosed);
        }

        if (!ConsentAnswers.All.Contains(answer))
        {
            return CommandResult.Refused(WorkshopError.UnknownVoteItem);
        }

        if (!_state.WorkshopIds.Contains(workshopId)
            || await GrainFactory.GetGrain<IWorkshopGrain>(workshopId).Access(participant) is not { IsGranted: true, Role: CredentialKind.Participant })
        {
            return CommandResult.Refused(WorkshopError.AccessDenied);
        }

        var voter = $"{workshopId}/{participant.ParticipantId}";
        var answers = _state.Consents.GetValueOrDefault(recommendationKey) ?? ImmutableDictionary<string, string>.Empty;
        if (answers.GetValueOrDefault(voter) == answer)
        {
            return CommandResult.Accepted(_state.PlenaryVersion);
        }

        await Write(_state with
        {
            DayConsents = _state.Consents.SetItem(recommendationKey, answers.SetItem(voter, answer)),
            PlenaryVersion = _state.PlenaryVersion + 1,
        });
        await PublishPlenary();
        return CommandResult.Accepted(_state.PlenaryVersion);
    }

    public Task Subscribe(ServiceKey service, IEventObserver observer)
    {
        if (!serviceAccess.Allows(service))
        {
            throw new UnauthorizedAccessException("A plenary feed needs the service key.");
        }

        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IEventObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private Task PublishPlenary()
    {
        var view = _state!.PlenaryView();
        return _observers.Notify(observer => observer.OnPlenary(view));
    }

    public async Task Forget(string workshopId)
    {
        if (_state is null || !_state.WorkshopIds.Contains(workshopId) || await GrainFactory.GetGrain<IWorkshopGrain>(workshopId).Exists())
        {
            return;
        }

        // Nothing of the workshop stays in the day: its consents go, and the plenary leaves it if it showed it.
        var prefix = PlenaryStep.KeyOf(workshopId, "");
        var plenaryLeaves = _state.Plenary?.WorkshopId == workshopId;
        await Write(_state with
        {
            WorkshopIds = _state.WorkshopIds.Remove(workshopId),
            DayConsents = _state.Consents.RemoveRange(_state.Consents.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))),
            Plenary = plenaryLeaves ? null : _state.Plenary,
            PlenaryVersion = _state.PlenaryVersion + (plenaryLeaves ? 1 : 0),
        });
        if (plenaryLeaves)
        {
            await PublishPlenary();
        }
    }

    private async Task<string> ClaimDayCode()
    {
        while (true)
        {
            var code = JoinCode.NewCode();
            if (await GrainFactory.GetGrain<IJoinCodeGrain>(code).ClaimForEvent(EventId))
            {
                return code;
            }
        }
    }

    private WorkshopError? Authorise(string organiserSecret)
    {
        if (_state is null)
        {
            return WorkshopError.EventNotFound;
        }

        if (!_state.IsOrganiser(organiserSecret))
        {
            LogAccessDenied(EventId);
            return WorkshopError.AccessDenied;
        }

        return null;
    }

    private Task<CommandResult> CreateWorkshop(EventState state, EventWorkshop workshop) =>
        GrainFactory.GetGrain<IWorkshopGrain>(workshop.WorkshopId).Create(CreationOperation(workshop.WorkshopId), EventRules.CreateCommand(state, workshop));

    /// <summary>The same for every try of one workshop's creation, so a retry is answered, not run again.</summary>
    private Guid CreationOperation(string workshopId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"event/{EventId}/workshop/{workshopId}")).AsSpan(0, 16));

    private async Task Write(EventState state)
    {
        _key ??= await keys.GetOrCreate(Owner);
        state = state with { UpdatedAt = clock.GetUtcNow() };
        store.State = new EventDocument { Sealed = ContentCipher.Seal(_key, Owner, JsonSerializer.SerializeToUtf8Bytes(state, JsonGrainStateSerializer.Options)) };
        await store.WriteStateAsync();
        _state = state;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: an organiser key was refused")]
    private partial void LogAccessDenied(string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} was deleted")]
    private partial void LogDeleted(string eventId);
}
