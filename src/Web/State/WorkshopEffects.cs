using System.Globalization;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>The I/O behind a circuit's workshop actions: the feed, the grains through the gateway, the browser's storage.</summary>
public sealed partial class WorkshopEffects(
    WorkshopGateway gateway,
    WorkshopFeeds feeds,
    BrowserStorage browser,
    CircuitClient client,
    ILogger<WorkshopEffects> logger) : IEffects<WorkshopSessionState>, IFeedListener, IDisposable
{
    /// <summary>
    /// A draft sent longer ago than this is not resent on its own: the grain may have forgotten its operation id,
    /// and a resend could then post it twice. The user sees it and sends it again if it is missing.
    /// </summary>
    internal static readonly TimeSpan AutomaticResendWindow = Limits.RememberedOperationsTtl / 2;

    private const int CommandRetries = 3;
    private const int BrowserAttempts = 5;

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private readonly Lock _gate = new();
    private IDispatcher? _dispatcher;
    private FeedSubscription? _subscription;
    private bool _disposed;
    private Guid _joinOperation = Guid.NewGuid();
    private BallotDraft? _nextBallot;
    private bool _castingBallot;
    private int _keyGeneration;

    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        return action switch
        {
            OpenWorkshop open => Open(open, dispatcher),
            JoinRequested join => Join(join, state, dispatcher),
            FeedUpdated { Update.IsDeleted: true } => Deleted(dispatcher),
            FeedUpdated updated when state.Audience != Audience.Participants
                && updated.Update.For(state.Audience).Header.KeyGeneration != _keyGeneration => CheckKeyAgain(state, dispatcher),
            FeedUpdated { Update.IsResync: true } => ReloadOwn(state, dispatcher),
            NoteSubmitted submitted => SubmitNote(submitted, state, dispatcher),
            WorkshopOpened or ConnectionRestored => ResendStagedDraft(state, dispatcher),
            CommandRequested requested => Execute(requested.Command, state, dispatcher),
            LeaveRequested leave => Leave(leave, state, dispatcher),
            BallotChanged or DotTapped or ChoiceToggled => CastLatestBallot(state, dispatcher),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>
    /// Called on the feed's thread, whose culture is not this circuit's: the dispatch (and the renders it queues,
    /// which capture the caller's culture) runs in the culture the circuit was opened with.
    /// </summary>
    public void OnFeedUpdate(FeedUpdate update)
    {
        if (_dispatcher is not { } dispatcher)
        {
            return;
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        try
        {
            dispatcher.Dispatch(new FeedUpdated(update));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
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
            _keyGeneration = header.KeyGeneration;
        }
        else if (access.Error is WorkshopError.AccessDenied or WorkshopError.WorkshopNotFound)
        {
            Follow(null);
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(access.Error)));
        }
    }

    /// <summary>The workshop was deleted while open: the page says so, and follows it no more.</summary>
    private Task Deleted(IDispatcher dispatcher)
    {
        Follow(null);
        dispatcher.Dispatch(new WorkshopUnavailable(new Notice(WorkshopError.WorkshopDeleted)));
        return Task.CompletedTask;
    }

    private async Task Open(OpenWorkshop open, IDispatcher dispatcher)
    {
        Follow(null);
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

            if (await Subscribe(open.WorkshopId, dispatcher) is { } followed)
            {
                _keyGeneration = followed.For(open.Audience).Header.KeyGeneration;
                dispatcher.Dispatch(new WorkshopOpened(open.Credential!, followed.For(open.Audience), null));
            }

            return;
        }

        // A participant's own slice is read after subscribing, so it is at least as new as the feed's first state.
        if (await Subscribe(open.WorkshopId, dispatcher) is not { } initial)
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

    private async Task<FeedUpdate?> Subscribe(string workshopId, IDispatcher dispatcher)
    {
        var (error, subscription) = await feeds.Subscribe(workshopId, this);
        if (subscription is null)
        {
            dispatcher.Dispatch(new WorkshopUnavailable(new Notice(error)));
            return null;
        }

        return Follow(subscription) ? subscription.Initial : null;
    }

    /// <summary>Keeps one subscription at a time; one that arrives after the circuit ended is closed at once.</summary>
    private bool Follow(FeedSubscription? subscription)
    {
        FeedSubscription? previous;
        lock (_gate)
        {
            previous = _subscription;
            _subscription = _disposed ? null : subscription;
        }

        previous?.Dispose();
        if (_disposed)
        {
            subscription?.Dispose();
            return false;
        }

        return true;
    }

    private async Task Join(JoinRequested join, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state.WorkshopId is not { } workshopId)
        {
            return;
        }

        // The same operation id on a retry, so a join whose answer was lost does not make a second participant.
        var outcome = await gateway.Join(workshopId, join.JoinCode, join.DisplayName, join.Presence, _joinOperation, client.Current);
        if (!outcome.IsSuccess)
        {
            if (outcome.Error is not (WorkshopError.StorageUnavailable or WorkshopError.Busy))
            {
                _joinOperation = Guid.NewGuid();
            }

            dispatcher.Dispatch(new JoinRefused(new Notice(outcome.Error, outcome.Limit)));
            return;
        }

        try
        {
            await browser.Set(BrowserStorage.ParticipantKey(workshopId), outcome.Value!.Credential.ToParticipantToken());
        }
        catch (Exception exception) when (BrowserStorage.IsUnreachable(exception))
        {
            // The participant exists and this circuit knows it; only a later reload would not.
            LogBrowserUnreachable(exception, workshopId);
        }

        dispatcher.Dispatch(new OpenWorkshop(workshopId, Audience.Participants, outcome.Value!.Credential));
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

    private async Task SubmitNote(NoteSubmitted submitted, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential })
        {
            return;
        }

        var operationId = submitted.OperationId;
        DraftNote? draft;
        try
        {
            // A resend carries the draft as stored; a press of "send" reads it from the composer as it is now.
            draft = submitted.Staged ?? await browser.StageDraft(workshopId, operationId);
        }
        catch (Exception exception) when (BrowserStorage.IsUnreachable(exception))
        {
            LogBrowserUnreachable(exception, workshopId);
            dispatcher.Dispatch(new NoteRefused(operationId, new Notice(WorkshopError.StorageUnavailable)));
            return;
        }

        if (draft?.OperationId is not { } staged)
        {
            dispatcher.Dispatch(new NoteRefused(operationId, new Notice(WorkshopError.TextRequired)));
            return;
        }

        var result = await gateway.AddNote(workshopId, credential, staged, new AddNote(draft.ColumnId, draft.Text, (NoteColour)draft.Colour), client.Current);
        if (result.IsAccepted)
        {
            dispatcher.Dispatch(new NoteAccepted(operationId, result.Version));
            await Browser(workshopId, () => browser.ClearDraft(workshopId, staged));
            return;
        }

        if (result.Error is not (WorkshopError.StorageUnavailable or WorkshopError.Busy))
        {
            // Refused for good: the draft stays for the user to fix, and its next sending is a new operation.
            await Browser(workshopId, () => browser.UnstageDraft(workshopId));
        }

        dispatcher.Dispatch(new NoteRefused(operationId, new Notice(result.Error, result.Limit)));
    }

    /// <summary>
    /// Runs a command; when storage could not take it, tries again a few times with the same operation id, which
    /// the grain answers at most once.
    /// </summary>
    private async Task Execute(WorkshopCommand command, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential })
        {
            return;
        }

        var result = await ExecuteWithRetries(workshopId, credential, command);
        if (!result.IsAccepted)
        {
            dispatcher.Dispatch(new CommandRefused(command, new Notice(result.Error, result.Limit)));
        }
    }

    /// <summary>Leaves, then forgets the key and the draft this browser kept for the workshop, and says so.</summary>
    private async Task Leave(LeaveRequested leave, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential })
        {
            return;
        }

        var command = new LeaveWorkshop(leave.DeleteNotes);
        var result = await ExecuteWithRetries(workshopId, credential, command);
        if (!result.IsAccepted)
        {
            dispatcher.Dispatch(new CommandRefused(command, new Notice(result.Error, result.Limit)));
            return;
        }

        Follow(null);
        try
        {
            await browser.Remove(BrowserStorage.ParticipantKey(workshopId));
            await browser.Remove(BrowserStorage.DraftKey(workshopId));
        }
        catch (Exception exception) when (BrowserStorage.IsUnreachable(exception))
        {
            // The key kept in the browser opens nothing any more: the grain forgot it.
        }

        dispatcher.Dispatch(new WorkshopUnavailable(new Notice(WorkshopError.LeftWorkshop)));
    }

    /// <summary>One operation id for all attempts: a retry after a lost answer is applied once.</summary>
    private async Task<CommandResult> ExecuteWithRetries(string workshopId, Credential credential, WorkshopCommand command)
    {
        var operationId = Guid.NewGuid();
        var result = await gateway.Execute(workshopId, credential, operationId, command);
        for (var attempt = 1; attempt <= CommandRetries && result.Error is WorkshopError.StorageUnavailable or WorkshopError.Busy; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            result = await gateway.Execute(workshopId, credential, operationId, command);
        }

        return result;
    }

    /// <summary>
    /// Ballots are sent one at a time, the latest winning: taps made while one is on its way are folded into the next
    /// send, so five quick taps on "+" make at most two writes, and the last ballot stored is the last one shown.
    /// Taking the next ballot and ending the loop happen under one lock, so a tap landing as the loop ends is not lost.
    /// </summary>
    private async Task CastLatestBallot(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential, Ballot: { Saved: false } changed })
        {
            return;
        }

        lock (_gate)
        {
            _nextBallot = changed;
            if (_castingBallot)
            {
                return;
            }

            _castingBallot = true;
        }

        while (true)
        {
            BallotDraft next;
            lock (_gate)
            {
                if (_nextBallot is null || _disposed)
                {
                    _castingBallot = false;
                    return;
                }

                next = _nextBallot;
                _nextBallot = null;
            }

            var command = new CastBallot(next.RoundId, next.Marks);
            var result = await CastOnce(workshopId, credential, command);
            if (result.IsAccepted)
            {
                dispatcher.Dispatch(new BallotSaved(next.RoundId, next.Marks));
            }
            else if (Volatile.Read(ref _nextBallot) is null)
            {
                dispatcher.Dispatch(new CommandRefused(command, new Notice(result.Error, result.Limit)));
            }
        }
    }

    /// <summary>A ballot that could not be sent for a reason the gateway does not know is a refusal the phone shows, not a silent "sending…".</summary>
    private async Task<CommandResult> CastOnce(string workshopId, Credential credential, CastBallot command)
    {
        try
        {
            return await ExecuteWithRetries(workshopId, credential, command);
        }
        catch (Exception exception)
        {
            LogBallotFailed(exception, workshopId);
            return CommandResult.Refused(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>A draft sent just before the connection dropped is sent again (same operation id, so at most once).</summary>
    private async Task ResendStagedDraft(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { Audience: Audience.Participants, WorkshopId: { } workshopId, Credential: not null } || state.Submission is { Sending: true })
        {
            return;
        }

        // Right as a connection comes back, the browser may not answer yet: ask again a few times.
        DraftNote? draft = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                draft = await browser.PeekDraft(workshopId);
                break;
            }
            catch (Exception exception) when (BrowserStorage.IsUnreachable(exception))
            {
                if (attempt == BrowserAttempts)
                {
                    LogBrowserUnreachable(exception, workshopId);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt));
            }
        }

        if (draft is { OperationId: { } operationId } && TimeSpan.FromMilliseconds(draft.AgeMs) < AutomaticResendWindow)
        {
            dispatcher.Dispatch(new NoteSubmitted(operationId, draft));
        }
        else if (draft is { OperationId: not null })
        {
            await Browser(workshopId, () => browser.UnstageDraft(workshopId));
        }
    }

    /// <summary>A browser call whose failure (a dropped connection) must not stop what the server already did.</summary>
    private async Task Browser(string workshopId, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (BrowserStorage.IsUnreachable(exception))
        {
            LogBrowserUnreachable(exception, workshopId);
        }
    }

    private static bool IsRoleFor(Audience audience, CredentialKind role) => audience switch
    {
        Audience.Facilitator => role == CredentialKind.Facilitator,
        Audience.Projector => role is CredentialKind.Projector or CredentialKind.Facilitator,
        _ => role == CredentialKind.Participant,
    };

    public void Dispose()
    {
        FeedSubscription? subscription;
        lock (_gate)
        {
            _disposed = true;
            subscription = _subscription;
            _subscription = null;
        }

        subscription?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a ballot could not be sent")]
    private partial void LogBallotFailed(Exception exception, string workshopId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: the browser could not be reached")]
    private partial void LogBrowserUnreachable(Exception exception, string workshopId);
}
