using CollectifLive.Web.Realtime;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.JSInterop;

namespace CollectifLive.Web.State;

/// <summary>The I/O behind a circuit's workshop actions: the feed, the grains through the gateway, the browser's storage.</summary>
public sealed partial class WorkshopEffects(
    WorkshopGateway gateway,
    WorkshopFeeds feeds,
    BrowserStorage browser,
    ILogger<WorkshopEffects> logger) : IEffects<WorkshopSessionState>, IFeedListener, IDisposable
{
    private IDispatcher? _dispatcher;
    private FeedSubscription? _subscription;
    private Guid _joinOperation = Guid.NewGuid();
    private string _joinKey = Secrets.NewKey();

    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        return action switch
        {
            OpenWorkshop open => Open(open, dispatcher),
            JoinRequested join => Join(join, state, dispatcher),
            FeedUpdated { Update.IsResync: true } => ReloadOwn(state, dispatcher),
            NoteSubmitted submitted => SubmitNote(submitted.OperationId, state, dispatcher),
            WorkshopOpened or ConnectionRestored => ResendStagedDraft(state, dispatcher),
            _ => Task.CompletedTask,
        };
    }

    public void OnFeedUpdate(FeedUpdate update) => _dispatcher?.Dispatch(new FeedUpdated(update));

    private async Task Open(OpenWorkshop open, IDispatcher dispatcher)
    {
        _subscription?.Dispose();
        _subscription = null;

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

            if (await Follow(open.WorkshopId, dispatcher) is { } followed)
            {
                dispatcher.Dispatch(new WorkshopOpened(open.Credential!, followed.For(open.Audience), null));
            }

            return;
        }

        // A participant's own slice is read after subscribing, so it is at least as new as the feed's first state.
        if (await Follow(open.WorkshopId, dispatcher) is not { } initial)
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
            dispatcher.Dispatch(new JoinNeeded(null));
        }
        else
        {
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(participant.Error)));
        }
    }

    private async Task<FeedUpdate?> Follow(string workshopId, IDispatcher dispatcher)
    {
        var (error, subscription) = await feeds.Subscribe(workshopId, this);
        if (subscription is null)
        {
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(error)));
            return null;
        }

        _subscription = subscription;
        return subscription.Initial;
    }

    private async Task Join(JoinRequested join, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state.WorkshopId is not { } workshopId)
        {
            return;
        }

        // The same operation id and key on a retry, so a join whose answer was lost does not make a second participant.
        var outcome = await gateway.Join(workshopId, join.DisplayName, join.Presence, _joinOperation, _joinKey);
        if (!outcome.IsSuccess)
        {
            if (outcome.Error is not (WorkshopError.StorageUnavailable or WorkshopError.Busy))
            {
                _joinOperation = Guid.NewGuid();
                _joinKey = Secrets.NewKey();
            }

            dispatcher.Dispatch(new JoinRefused(new Notice(outcome.Error, outcome.Limit)));
            return;
        }

        await browser.Set(BrowserStorage.ParticipantKey(workshopId), outcome.Value!.Credential.ToParticipantToken());
        dispatcher.Dispatch(new OpenWorkshop(workshopId, Audience.Participants, outcome.Value.Credential));
    }

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

    private async Task SubmitNote(Guid operationId, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential })
        {
            return;
        }

        var draft = await browser.StageDraft(workshopId, operationId);
        if (draft is null)
        {
            dispatcher.Dispatch(new NoteRefused(operationId, new Notice(WorkshopError.TextRequired)));
            return;
        }

        await Send(workshopId, credential, draft with { OperationId = draft.OperationId ?? operationId }, operationId, dispatcher);
    }

    /// <summary>A draft staged with an operation id was sent before the connection dropped: send it again, safely.</summary>
    private async Task ResendStagedDraft(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { Audience: Audience.Participants, WorkshopId: { } workshopId, Credential: { } credential } || state.Submission is { Sending: true })
        {
            return;
        }

        try
        {
            if (await browser.PeekDraft(workshopId) is { OperationId: { } operationId } draft)
            {
                dispatcher.Dispatch(new NoteSubmitted(operationId));
                await Send(workshopId, credential, draft, operationId, dispatcher);
            }
        }
        catch (JSException exception)
        {
            LogDraftUnreadable(exception, workshopId);
        }
    }

    private async Task Send(string workshopId, Credential credential, DraftNote draft, Guid reportedAs, IDispatcher dispatcher)
    {
        var operationId = draft.OperationId!.Value;
        var result = await gateway.Execute(workshopId, credential, operationId, new AddNote(draft.ColumnId, draft.Text, (NoteColour)draft.Colour));
        if (result.IsAccepted)
        {
            await browser.ClearDraft(workshopId, operationId);
            dispatcher.Dispatch(new NoteAccepted(reportedAs, result.Version));
        }
        else
        {
            if (result.Error is not (WorkshopError.StorageUnavailable or WorkshopError.Busy))
            {
                // Refused for good: the draft stays for the user to fix, and its next sending is a new operation.
                await browser.UnstageDraft(workshopId);
            }

            dispatcher.Dispatch(new NoteRefused(reportedAs, new Notice(result.Error, result.Limit)));
        }
    }

    private static bool IsRoleFor(Audience audience, CredentialKind role) => audience switch
    {
        Audience.Facilitator => role == CredentialKind.Facilitator,
        Audience.Projector => role is CredentialKind.Projector or CredentialKind.Facilitator,
        _ => role == CredentialKind.Participant,
    };

    public void Dispose() => _subscription?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: the browser's draft could not be read")]
    private partial void LogDraftUnreadable(Exception exception, string workshopId);
}
