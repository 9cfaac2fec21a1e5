using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// Sends a participant's note from the draft the browser keeps: the draft is staged with an operation id before it
/// goes, cleared once the note is durable, and sent again (same operation id, so at most once) when the connection
/// comes back before an answer did.
/// </summary>
public sealed class DraftSending(
    WorkshopGateway gateway,
    IBrowserStorage browser,
    CircuitClient client,
    TimeProvider clock,
    ILogger logger) : IEffects<WorkshopSessionState>
{
    /// <summary>
    /// A draft sent longer ago than this is not resent on its own: the grain may have forgotten its operation id,
    /// and a resend could then post it twice. The user sees it and sends it again if it is missing.
    /// </summary>
    internal static readonly TimeSpan AutomaticResendWindow = Limits.RememberedOperationsTtl / 2;

    /// <summary>How many times the browser is asked for the draft right as its connection comes back.</summary>
    internal const int BrowserAttempts = 5;

    internal static readonly TimeSpan BrowserBackoff = TimeSpan.FromMilliseconds(300);

    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher) => action switch
    {
        NoteSubmitted submitted => Submit(submitted, state, dispatcher),
        WorkshopOpened or ConnectionRestored => ResendStaged(state, dispatcher),
        _ => Task.CompletedTask,
    };

    private async Task Submit(NoteSubmitted submitted, WorkshopSessionState state, IDispatcher dispatcher)
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
            BrowserCalls.LogUnreachable(logger, exception, workshopId);
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
            await BrowserCalls.Tolerate(logger, workshopId, () => browser.ClearDraft(workshopId, staged));
            return;
        }

        if (result.Error is not (WorkshopError.StorageUnavailable or WorkshopError.Busy))
        {
            // Refused for good: the draft stays for the user to fix, and its next sending is a new operation.
            await BrowserCalls.Tolerate(logger, workshopId, () => browser.UnstageDraft(workshopId));
        }

        dispatcher.Dispatch(new NoteRefused(operationId, new Notice(result.Error, result.Limit)));
    }

    /// <summary>A draft sent just before the connection dropped is sent again (same operation id, so at most once).</summary>
    private async Task ResendStaged(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { Audience: Audience.Participants, WorkshopId: { } workshopId, Credential: not null } || state.Submission is { Sending: true })
        {
            return;
        }

        // Right as a connection comes back, the browser may not answer yet: ask again a few times.
        DraftNote? draft;
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
                    BrowserCalls.LogUnreachable(logger, exception, workshopId);
                    return;
                }

                await Task.Delay(BrowserBackoff * attempt, clock);
            }
        }

        if (draft is { OperationId: { } operationId } && TimeSpan.FromMilliseconds(draft.AgeMs) < AutomaticResendWindow)
        {
            dispatcher.Dispatch(new NoteSubmitted(operationId, draft));
        }
        else if (draft is { OperationId: not null })
        {
            await BrowserCalls.Tolerate(logger, workshopId, () => browser.UnstageDraft(workshopId));
        }
    }
}
