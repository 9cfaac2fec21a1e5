using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// Opens a workshop for a screen (the key checked for the console and the projector, the own slice read for a
/// participant) and keeps it open: a key reissued, the workshop deleted, the feed resynced.
/// </summary>
public sealed class WorkshopOpening(WorkshopGateway gateway, FeedFollowing feed) : IEffects<WorkshopSessionState>
{
    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher) => action switch
    {
        OpenWorkshop open => Open(open, dispatcher),
        FeedUpdated { Update.IsDeleted: true } => Deleted(dispatcher),
        FeedUpdated updated when state.Audience != Audience.Participants
            && updated.Update.For(state.Audience).Header.KeyGeneration != state.KeyGeneration => CheckKeyAgain(state, dispatcher),
        FeedUpdated { Update.IsResync: true } => ReloadOwn(state, dispatcher),
        _ => Task.CompletedTask,
    };

    private async Task Open(OpenWorkshop open, IDispatcher dispatcher)
    {
        feed.Stop();
        if (!Secrets.IsWorkshopId(open.WorkshopId))
        {
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(WorkshopError.WorkshopNotFound)));
            return;
        }

        // The facilitator's and the projector's views are only followed once the key is proven.
        if (open.Audience != Audience.Participants)
        {
            var access = open.Credential is null
                ? AccessResult.Denied(WorkshopError.AccessDenied)
                : await gateway.Access(open.WorkshopId, open.Credential);
            if (!access.IsGranted || !IsRoleFor(open.Audience, access.Role))
            {
                dispatcher.Dispatch(new WorkshopUnavailable(new Notice(access.IsGranted ? WorkshopError.AccessDenied : access.Error)));
                return;
            }

            if (await feed.Follow(open.WorkshopId, dispatcher) is { } followed)
            {
                dispatcher.Dispatch(new WorkshopOpened(open.Credential!, followed.For(open.Audience), null));
            }

            return;
        }

        // A participant's own slice is read after subscribing, so it is at least as new as the feed's first state.
        if (await feed.Follow(open.WorkshopId, dispatcher) is not { } initial)
        {
            return;
        }

        var participant = open.Credential is null
            ? AccessResult.Denied(WorkshopError.AccessDenied)
            : await gateway.Access(open.WorkshopId, open.Credential);
        if (participant.IsGranted && participant.Role == CredentialKind.Participant && participant.Own is { } own)
        {
            dispatcher.Dispatch(new WorkshopOpened(open.Credential!, initial.Participants, OwnModel.From(own)));
        }
        else if (participant.Error is WorkshopError.AccessDenied or WorkshopError.None)
        {
            dispatcher.Dispatch(new FeedUpdated(initial));
            dispatcher.Dispatch(new JoinNeeded(null, Guid.NewGuid()));
        }
        else
        {
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(participant.Error)));
        }
    }

    /// <summary>The workshop was deleted while open: the page says so, and follows it no more.</summary>
    private Task Deleted(IDispatcher dispatcher)
    {
        feed.Stop();
        dispatcher.Dispatch(new WorkshopUnavailable(new Notice(WorkshopError.WorkshopDeleted)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The console and projector keys were reissued: a console or projector opened with the old key stops at once
    /// (one opened with the new key, or the organiser's, goes on). The new generation is taken as checked only once the
    /// key was granted: a check that could not be answered is made again at the next update.
    /// </summary>
    private async Task CheckKeyAgain(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state.WorkshopId is not { } workshopId || state.Credential is not { } credential || state.Header is not { } header)
        {
            return;
        }

        var access = await gateway.Access(workshopId, credential);
        if (access.IsGranted)
        {
            dispatcher.Dispatch(new KeyChecked(header.KeyGeneration));
        }
        else if (access.Error is WorkshopError.AccessDenied or WorkshopError.WorkshopNotFound)
        {
            feed.Stop();
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(access.Error)));
        }
    }

    /// <summary>After a resync, a participant's own slice is read again (what the feed carried of it may be missing).</summary>
    private async Task ReloadOwn(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is { Audience: Audience.Participants, Status: SessionStatus.Ready, WorkshopId: { } workshopId, Credential: { } credential })
        {
            var access = await gateway.Access(workshopId, credential);
            if (access.Own is { } own)
            {
                dispatcher.Dispatch(new OwnReloaded(OwnModel.From(own)));
            }
        }
    }

    private static bool IsRoleFor(Audience audience, CredentialKind role) => audience switch
    {
        Audience.Facilitator => role == CredentialKind.Facilitator,
        Audience.Projector => role is CredentialKind.Projector or CredentialKind.Facilitator,
        _ => role == CredentialKind.Participant,
    };
}
