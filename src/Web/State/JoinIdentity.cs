using CollectifLive.Workshops;
using CollectifLive.Web.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// Who this browser is in a workshop: joining makes a participant and keeps their key in the browser; leaving
/// forgets the key and the draft it kept.
/// </summary>
public sealed class JoinIdentity(
    WorkshopGateway gateway,
    IBrowserStorage browser,
    CircuitClient client,
    FeedFollowing feed,
    CommandRetries commands,
    ILogger logger) : IEffects<WorkshopSessionState>
{
    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher) => action switch
    {
        JoinRequested join => Join(join, state, dispatcher),
        LeaveRequested leave => Leave(leave, state, dispatcher),
        _ => Task.CompletedTask,
    };

    private async Task Join(JoinRequested join, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state.WorkshopId is not { } workshopId)
        {
            return;
        }

        // The same operation id on a retry, so a join whose answer was lost does not make a second participant.
        var operation = state.JoinOperation;
        var outcome = await gateway.Join(workshopId, join.JoinCode, join.DisplayName, join.Presence, operation, client.Current);
        if (!outcome.IsSuccess)
        {
            var next = outcome.Error is WorkshopError.StorageUnavailable or WorkshopError.Busy ? operation : Guid.NewGuid();
            dispatcher.Dispatch(new JoinRefused(new Notice(outcome.Error, outcome.Limit), next));
            return;
        }

        // The participant exists and this circuit knows it; only a later reload would not.
        await BrowserCalls.Tolerate(logger, workshopId, () => browser.Set(BrowserStorage.ParticipantKey(workshopId), outcome.Value!.Credential.ToParticipantToken()));
        dispatcher.Dispatch(new OpenWorkshop(workshopId, Audience.Participants, outcome.Value!.Credential));
    }

    /// <summary>Leaves, then forgets the key and the draft this browser kept for the workshop, and says so.</summary>
    private async Task Leave(LeaveRequested leave, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential })
        {
            return;
        }

        var command = new LeaveWorkshop(leave.DeleteNotes);
        var result = await commands.Execute(workshopId, credential, command);
        if (!result.IsAccepted)
        {
            dispatcher.Dispatch(new CommandRefused(command, new Notice(result.Error, result.Limit)));
            return;
        }

        feed.Stop();
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
}
