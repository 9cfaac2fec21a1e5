using System.Diagnostics;
using CollectifLive.Web.Hosting;
using System.Collections.Immutable;
using CollectifLive.Clients;
using CollectifLive.Events;
using CollectifLive.JoinCodes;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Workshops;

/// <summary>
/// What a creation is retried with: the same workshop id, operation id and key, so that a creation whose answer was
/// lost makes one workshop, not two.
/// </summary>
public sealed record CreationTicket(string WorkshopId, Guid OperationId, string FacilitatorKey)
{
    public static CreationTicket New() => new(Secrets.NewWorkshopId(), Guid.NewGuid(), Secrets.NewKey());

    public override string ToString() => $"CreationTicket {{ WorkshopId = {WorkshopId} }}";
}

/// <summary>A workshop just created, with the secrets its creator must keep (the grain only has their hashes).</summary>
public sealed record CreatedWorkshop(string WorkshopId, string JoinCode, string FacilitatorKey, string ProjectorKey)
{
    public override string ToString() => $"CreatedWorkshop {{ WorkshopId = {WorkshopId}, JoinCode = {JoinCode} }}";
}

/// <summary>What a typed code opens: a workshop, or an event whose day code it is (the participant then chooses an atelier).</summary>
public sealed record JoinTarget(string Id, bool IsEvent);

/// <summary>A participant just registered: the token their browser keeps.</summary>
public sealed record JoinedWorkshop(string WorkshopId, string ParticipantId, Credential Credential);

/// <summary>The outcome of something the gateway was asked: a value, or the reason it was refused and when to try again.</summary>
public sealed record Outcome<T>(T? Value, WorkshopError Error = WorkshopError.None, int? Limit = null, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Error == WorkshopError.None;
}

public static class Outcome
{
    public static Outcome<T> Fail<T>(WorkshopError error, int? limit = null, TimeSpan? retryAfter = null) => new(default, error, limit, retryAfter);
}

/// <summary>
/// The web server's one way to the grains, used alike by Blazor circuits, the hub and the REST API, so that every
/// entry point goes through the same grain methods and checks.
/// </summary>
public sealed partial class WorkshopGateway(IGrainFactory grains, ServiceKey service, WorkshopFeeds feeds, WebMetrics metrics, ILogger<WorkshopGateway> logger)
{
    /// <summary>Creates a workshop for <paramref name="address"/> (counted for the creation limit).</summary>
    public async Task<Outcome<CreatedWorkshop>> Create(CreationTicket ticket, string address, string title, string? question, IReadOnlyList<string> columns, string? templateId)
    {
        if (await CountCreation(address) is { IsGranted: false } refused)
        {
            return Outcome.Fail<CreatedWorkshop>(refused.Error, refused.Limit, refused.RetryAfter);
        }

        var projectorKey = Secrets.ProjectorKeyFor(ticket.FacilitatorKey);
        var command = new CreateWorkshop(title, question, [.. columns], templateId, ticket.FacilitatorKey, projectorKey);
        var result = await Call(() => grains.GetGrain<IWorkshopGrain>(ticket.WorkshopId).Create(ticket.OperationId, command));
        return result.IsAccepted
            ? new Outcome<CreatedWorkshop>(new CreatedWorkshop(ticket.WorkshopId, result.Value!, ticket.FacilitatorKey, projectorKey))
            : Outcome.Fail<CreatedWorkshop>(result.Error, result.Limit);
    }

    /// <summary>Makes a new workshop from an archive's JSON for <paramref name="address"/>; counts as a creation for the limit.</summary>
    public async Task<Outcome<CreatedWorkshop>> Import(CreationTicket ticket, string address, string archiveJson)
    {
        if (await CountCreation(address) is { IsGranted: false } refused)
        {
            return Outcome.Fail<CreatedWorkshop>(refused.Error, refused.Limit, refused.RetryAfter);
        }

        var projectorKey = Secrets.ProjectorKeyFor(ticket.FacilitatorKey);
        var result = await Call(() => grains.GetGrain<IWorkshopGrain>(ticket.WorkshopId).Import(ticket.OperationId, new ImportWorkshop(archiveJson, ticket.FacilitatorKey, projectorKey)));
        return result.IsAccepted
            ? new Outcome<CreatedWorkshop>(new CreatedWorkshop(ticket.WorkshopId, result.Value!, ticket.FacilitatorKey, projectorKey))
            : Outcome.Fail<CreatedWorkshop>(result.Error, result.Limit);
    }

    /// <summary>The workshop's archive (JSON), for its facilitator only.</summary>
    public async Task<Outcome<string>> Archive(string workshopId, Credential credential)
    {
        if (!Secrets.IsWorkshopId(workshopId))
        {
            return Outcome.Fail<string>(WorkshopError.WorkshopNotFound);
        }

        try
        {
            var archive = await grains.GetGrain<IWorkshopGrain>(workshopId).Archive(credential);
            return archive.Json is { } json ? new Outcome<string>(json) : Outcome.Fail<string>(archive.Error);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogUnavailable(exception);
            return Outcome.Fail<string>(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>
    /// Finds the workshop (or the event, for a day's code) a typed code opens. The lookup holds a place in
    /// <paramref name="client"/>'s wrong-code windows while it runs (so a burst sent at once is cut at the limit, not
    /// after it) and counts there only if the code was wrong: a room typing the right code at once is never refused.
    /// </summary>
    public async Task<Outcome<JoinTarget>> ResolveCode(string? typed, Client client)
    {
        var counts = grains.GetGrain<IClientGrain>(client.Address);
        var admission = await Admit(() => counts.BeginCodeLookup(service, client.Browser));
        if (!admission.IsGranted)
        {
            return Outcome.Fail<JoinTarget>(admission.Error, admission.Limit, admission.RetryAfter);
        }

        var outcome = await Lookup(typed);
        try
        {
            await counts.EndCodeLookup(service, client.Browser, wrong: outcome.Error is WorkshopError.JoinCodeMalformed or WorkshopError.JoinCodeUnknown);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            // The place it held is given back by itself (ActWindow.ReservationLifetime); the answer stands.
            LogUnavailable(exception);
        }

        return outcome;
    }

    private async Task<Outcome<JoinTarget>> Lookup(string? typed)
    {
        if (JoinCode.Normalize(typed) is not { } code)
        {
            return Outcome.Fail<JoinTarget>(WorkshopError.JoinCodeMalformed, JoinCode.Length);
        }

        try
        {
            var codeGrain = grains.GetGrain<IJoinCodeGrain>(code);
            if (await codeGrain.Resolve() is { } workshopId)
            {
                return new Outcome<JoinTarget>(new JoinTarget(workshopId, IsEvent: false));
            }

            return await codeGrain.ResolveEvent() is { } eventId
                ? new Outcome<JoinTarget>(new JoinTarget(eventId, IsEvent: true))
                : Outcome.Fail<JoinTarget>(WorkshopError.JoinCodeUnknown);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogUnavailable(exception);
            return Outcome.Fail<JoinTarget>(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>
    /// Registers a participant who has the workshop's current code, counted for <paramref name="client"/>'s join
    /// limits. The same <paramref name="operationId"/> again yields the same participant and key.
    /// </summary>
    public async Task<Outcome<JoinedWorkshop>> Join(string workshopId, string joinCode, string? displayName, Presence presence, Guid operationId, Client client)
    {
        if (!Secrets.IsWorkshopId(workshopId))
        {
            return Outcome.Fail<JoinedWorkshop>(WorkshopError.WorkshopNotFound);
        }

        if (await Count(client, ClientAct.Join) is { IsGranted: false } refused)
        {
            return Outcome.Fail<JoinedWorkshop>(refused.Error, refused.Limit, refused.RetryAfter);
        }

        var participantKey = Secrets.ParticipantKeyFor(service, workshopId, operationId);
        var startedAt = Stopwatch.GetTimestamp();
        var result = await Call(() => grains.GetGrain<IWorkshopGrain>(workshopId).Join(operationId, new JoinWorkshop(displayName, presence, participantKey, joinCode)));
        metrics.Answered(nameof(JoinWorkshop), startedAt, result.Error);
        return result.IsAccepted
            ? new Outcome<JoinedWorkshop>(new JoinedWorkshop(workshopId, result.Value!, Credential.Participant(result.Value!, participantKey)))
            : Outcome.Fail<JoinedWorkshop>(result.Error, result.Limit);
    }

    /// <summary>A participant's note, counted for <paramref name="client"/>'s address first; the workshop counts it for the participant.</summary>
    public async Task<CommandResult> AddNote(string workshopId, Credential credential, Guid operationId, AddNote note, Client client) =>
        await Count(client, ClientAct.Note) is { IsGranted: false } refused
            ? CommandResult.Refused(refused.Error, refused.Limit)
            : await Execute(workshopId, credential, operationId, note);

    /// <summary>Counts one workshop created from <paramref name="address"/> (the pages, the API and events together).</summary>
    public Task<Admission> CountCreation(string address) => Count(new Client(address, ""), ClientAct.WorkshopCreation);

    /// <summary>Counts an act for the client's address and browser, shared by every web server.</summary>
    private Task<Admission> Count(Client client, ClientAct act) =>
        Admit(() => grains.GetGrain<IClientGrain>(client.Address).Count(service, act, client.Browser));

    /// <summary>An answer of the client grain; StorageUnavailable (retryable) when the silo could not answer.</summary>
    private async Task<Admission> Admit(Func<Task<Admission>> ask)
    {
        try
        {
            return await ask();
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogUnavailable(exception);
            return new Admission(WorkshopError.StorageUnavailable);
        }
    }

    public async Task<CommandResult> Execute(string workshopId, Credential credential, Guid operationId, WorkshopCommand command)
    {
        if (!Secrets.IsWorkshopId(workshopId))
        {
            return CommandResult.Refused(WorkshopError.WorkshopNotFound);
        }

        var startedAt = Stopwatch.GetTimestamp();
        var result = await Call(() => grains.GetGrain<IWorkshopGrain>(workshopId).Execute(credential, operationId, command));
        metrics.Answered(command.GetType().Name, startedAt, result.Error);
        if (result.IsAccepted)
        {
            // If the push of this change was lost, this server's screens resync at once, not at the next renewal.
            feeds.Seen(workshopId, result.Version);
        }

        return result;
    }

    public async Task<AccessResult> Access(string workshopId, Credential credential)
    {
        if (!Secrets.IsWorkshopId(workshopId))
        {
            return AccessResult.Denied(WorkshopError.WorkshopNotFound);
        }

        try
        {
            return await grains.GetGrain<IWorkshopGrain>(workshopId).Access(credential);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogUnavailable(exception);
            return AccessResult.Denied(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>The whole workshop as its facilitator sees it, for exports; refused to any other key.</summary>
    public async Task<Outcome<AudienceModel>> FacilitatorView(string workshopId, Credential credential)
    {
        var access = await Access(workshopId, credential);
        if (access.Error != WorkshopError.None)
        {
            return Outcome.Fail<AudienceModel>(access.Error);
        }

        if (access.Role != CredentialKind.Facilitator)
        {
            return Outcome.Fail<AudienceModel>(WorkshopError.AccessDenied);
        }

        try
        {
            var sync = await grains.GetGrain<IWorkshopGrain>(workshopId).Sync(service, 0);
            return sync.Snapshot is { } snapshot
                ? new Outcome<AudienceModel>(AudienceModel.From(snapshot.Facilitator, snapshot.Version))
                : Outcome.Fail<AudienceModel>(sync.Error == WorkshopError.None ? WorkshopError.WorkshopNotFound : sync.Error);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogUnavailable(exception);
            return Outcome.Fail<AudienceModel>(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>
    /// Deletes the workshop (facilitator or organiser key) and takes it out of its event. Its screens are told by
    /// the workshop itself.
    /// </summary>
    public async Task<CommandResult> Delete(string workshopId, Credential credential)
    {
        if (!Secrets.IsWorkshopId(workshopId))
        {
            return CommandResult.Refused(WorkshopError.WorkshopNotFound);
        }

        var result = await Call(() => grains.GetGrain<IWorkshopGrain>(workshopId).Delete(credential));
        if (result.IsAccepted && result.Value is { } eventId)
        {
            try
            {
                await grains.GetGrain<IEventGrain>(eventId).Forget(workshopId);
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                // The workshop is gone; its event lists it until its page is next opened, and shows it as deleted.
                LogUnavailable(exception);
            }
        }

        return result;
    }

    /// <summary>A grain call that could not be answered (silo gone, storage down) is a refusal the caller may retry, not a crash.</summary>
    private async Task<CommandResult> Call(Func<Task<CommandResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogUnavailable(exception);
            return CommandResult.Refused(WorkshopError.StorageUnavailable);
        }
    }

    public static bool IsTransient(Exception exception) =>
        exception is TimeoutException or OrleansException or OperationCanceledException or Azure.RequestFailedException
        || (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.All(IsTransient));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A grain call could not be answered")]
    private partial void LogUnavailable(Exception exception);
}
