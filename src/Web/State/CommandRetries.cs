using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// Runs the commands of buttons (facilitator controls, a participant editing a note); when storage could not take
/// one, tries again a few times with the same operation id, which the grain answers at most once. A refusal is
/// dispatched for the page to show.
/// </summary>
public sealed class CommandRetries(WorkshopGateway gateway, TimeProvider clock) : IEffects<WorkshopSessionState>
{
    /// <summary>Attempts after the first, each waiting longer (<see cref="Backoff"/> times the attempt's number).</summary>
    internal const int Retries = 3;

    internal static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(500);

    public async Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (action is not CommandRequested { Command: var command } || state is not { WorkshopId: { } workshopId, Credential: { } credential })
        {
            return;
        }

        var result = await Execute(workshopId, credential, command);
        if (!result.IsAccepted)
        {
            dispatcher.Dispatch(new CommandRefused(command, new Notice(result.Error, result.Limit)));
        }
    }

    /// <summary>One operation id for all attempts: a retry after a lost answer is applied once.</summary>
    public async Task<CommandResult> Execute(string workshopId, Credential credential, WorkshopCommand command)
    {
        var operationId = Guid.NewGuid();
        var result = await gateway.Execute(workshopId, credential, operationId, command);
        for (var attempt = 1; attempt <= Retries && result.Error is WorkshopError.StorageUnavailable or WorkshopError.Busy; attempt++)
        {
            await Task.Delay(Backoff * attempt, clock);
            result = await gateway.Execute(workshopId, credential, operationId, command);
        }

        return result;
    }
}
