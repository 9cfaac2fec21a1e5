using System.Collections.Immutable;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.Hosting;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Realtime;

/// <summary>
/// The SignalR API for scripts and integrations (/hubs/workshop): join with a code, receive the snapshot then the
/// changes, add notes. It goes through the same gateway, grain methods and checks as the pages.
/// </summary>
public sealed class WorkshopHub(WorkshopGateway gateway, WorkshopFeeds feeds, HubBridges bridges, ShutdownNotices notices, IStringLocalizer<Strings> localizer) : Hub
{
    private const string SessionKey = "session";

    private sealed record Session(string WorkshopId, Credential Credential);

    /// <summary>Who calls, for the per-client limits: this connection, at its address.</summary>
    private Client Caller => Client.OfConnection(Context.GetHttpContext(), Context.ConnectionId);

    public async Task<HubJoinResponse> Join(HubJoinRequest request)
    {
        if (request is null)
        {
            return JoinRefused(WorkshopError.InvalidRequest);
        }

        await Leave();
        string workshopId;
        if (request.WorkshopId is { } linked)
        {
            // A join link's workshop: nothing is looked up, and the workshop refuses a code that is not its own.
            workshopId = linked;
        }
        else
        {
            var resolved = await gateway.ResolveCode(request.Code, Caller);
            if (!resolved.IsSuccess)
            {
                return JoinRefused(resolved.Error, resolved.Limit);
            }

            if (resolved.Value!.IsEvent)
            {
                // A day's code opens a choice of ateliers, made on its page; the hub joins one atelier by its own code.
                return JoinRefused(WorkshopError.DayCodeNeedsAtelier);
            }

            workshopId = resolved.Value.Id;
        }

        Credential credential;
        if (request.ParticipantToken is { } token)
        {
            if (Credential.FromParticipantToken(token) is not { } kept)
            {
                return JoinRefused(WorkshopError.AccessDenied);
            }

            credential = kept;
        }
        else
        {
            var joined = await gateway.Join(
                workshopId,
                request.Code,
                request.DisplayName,
                request.Presence,
                request.OperationId ?? Guid.NewGuid(),
                Caller);
            if (!joined.IsSuccess)
            {
                return JoinRefused(joined.Error, joined.Limit);
            }

            credential = joined.Value!.Credential;
        }

        var snapshot = await Attach(workshopId, credential);
        if (snapshot.Error is { } error)
        {
            return new HubJoinResponse(error, null, null, null, null);
        }

        return new HubJoinResponse(null, workshopId, credential.ParticipantId, credential.ToParticipantToken(), snapshot.Snapshot);
    }

    public async Task<HubCommandResponse> AddNote(HubAddNoteRequest request)
    {
        if (Context.Items[SessionKey] is not Session session)
        {
            return CommandRefused(WorkshopError.AccessDenied);
        }

        if (request is null)
        {
            return CommandRefused(WorkshopError.InvalidRequest);
        }

        return Answer(await gateway.AddNote(session.WorkshopId, session.Credential, request.OperationId, new AddNote(request.ColumnId, request.Text, request.Colour), Caller));
    }

    /// <summary>
    /// Casts (or replaces) the caller's ballot in a round: the whole ballot, item id to count. The same operation id
    /// retried is applied once; the answer comes once the ballot is stored.
    /// </summary>
    public async Task<HubCommandResponse> CastBallot(HubCastBallotRequest request)
    {
        if (Context.Items[SessionKey] is not Session session)
        {
            return CommandRefused(WorkshopError.AccessDenied);
        }

        if (request?.Marks is null)
        {
            return CommandRefused(WorkshopError.InvalidRequest);
        }

        var marks = request.Marks.ToImmutableDictionary();
        return Answer(await gateway.Execute(session.WorkshopId, session.Credential, request.OperationId, new CastBallot(request.RoundId, marks)));
    }

    public async Task<HubCommandResponse> RemoveMyName(HubRemoveNameRequest request)
    {
        if (Context.Items[SessionKey] is not Session session)
        {
            return CommandRefused(WorkshopError.AccessDenied);
        }

        return request is null
            ? CommandRefused(WorkshopError.InvalidRequest)
            : Answer(await gateway.Execute(session.WorkshopId, session.Credential, request.OperationId, new RemoveMyName()));
    }

    /// <summary>Leaves the workshop, with or without one's notes; the connection then follows it no more.</summary>
    public async Task<HubCommandResponse> LeaveWorkshop(HubLeaveRequest request)
    {
        if (Context.Items[SessionKey] is not Session session)
        {
            return CommandRefused(WorkshopError.AccessDenied);
        }

        if (request is null)
        {
            return CommandRefused(WorkshopError.InvalidRequest);
        }

        var result = await gateway.Execute(session.WorkshopId, session.Credential, request.OperationId, new LeaveWorkshop(request.DeleteNotes));
        if (result.IsAccepted)
        {
            await Leave();
        }

        return Answer(result);
    }

    /// <summary>A new snapshot, after a gap in versions or a "Resync" push.</summary>
    public async Task<HubSnapshot?> Resync()
    {
        if (Context.Items[SessionKey] is not Session session)
        {
            return null;
        }

        return (await Attach(session.WorkshopId, session.Credential)).Snapshot;
    }

    public override Task OnConnectedAsync()
    {
        notices.HubOpened(Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        notices.HubClosed(Context);
        await Leave();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The key is checked before anything of the workshop is sent. Then the connection is registered for its private
    /// pushes and joins the group, and only then is the shared state read: every change after it is on its way.
    /// The own slice is read last, so it is at least as new as the shared state.
    /// </summary>
    private async Task<(HubError? Error, HubSnapshot? Snapshot)> Attach(string workshopId, Credential credential)
    {
        var check = await gateway.Access(workshopId, credential);
        if (!check.IsGranted || check.Role != CredentialKind.Participant)
        {
            return (Describe(check.IsGranted ? WorkshopError.AccessDenied : check.Error), null);
        }

        var error = await bridges.Attach(workshopId, Context.ConnectionId, credential.ParticipantId!);
        if (error != WorkshopError.None)
        {
            return (Describe(error), null);
        }

        Context.Items[SessionKey] = new Session(workshopId, credential);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubBridge.ParticipantsGroup(workshopId));
        var current = feeds.Current(workshopId);
        var access = await gateway.Access(workshopId, credential);
        if (current is null || access.Own is null)
        {
            await Leave();
            return (Describe(access.IsGranted ? WorkshopError.StorageUnavailable : access.Error), null);
        }

        return (null, new HubSnapshot(current.Version, current.Participants.ToView(), access.Own));
    }

    /// <summary>Ends this connection's current session, if any (before a new Join, and on disconnection).</summary>
    private async Task Leave()
    {
        if (Context.Items[SessionKey] is Session session)
        {
            Context.Items.Remove(SessionKey);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubBridge.ParticipantsGroup(session.WorkshopId));
            bridges.Detach(session.WorkshopId, Context.ConnectionId);
        }
    }

    private HubError Describe(WorkshopError error, int? limit = null) => new(error, localizer.Describe(error, limit), limit);

    private HubJoinResponse JoinRefused(WorkshopError error, int? limit = null) => new(Describe(error, limit), null, null, null, null);

    private HubCommandResponse Answer(CommandResult result) =>
        result.IsAccepted ? new HubCommandResponse(null, result.Version, result.Value) : CommandRefused(result.Error, result.Limit);

    private HubCommandResponse CommandRefused(WorkshopError error, int? limit = null) => new(Describe(error, limit), 0, null);
}
