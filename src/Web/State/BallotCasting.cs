using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// Ballots are sent one at a time, the latest winning: taps made while one is on its way are folded into the next
/// send, so five quick taps on "+" make at most two writes, and the last ballot stored is the last one shown.
/// </summary>
public sealed partial class BallotCasting(CommandRetries commands, ILogger logger) : IEffects<WorkshopSessionState>, IDisposable
{
    private readonly Lock _gate = new();

    /// <summary>The store's newest unsaved ballot not yet taken by the sending loop (a hand-over, not a copy of the state).</summary>
    private BallotDraft? _next;
    private bool _casting;
    private bool _disposed;

    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher) =>
        action is BallotChanged or DotTapped or ChoiceToggled ? CastLatest(state, dispatcher) : Task.CompletedTask;

    /// <summary>Taking the next ballot and ending the loop happen under one lock, so a tap landing as the loop ends is not lost.</summary>
    private async Task CastLatest(WorkshopSessionState state, IDispatcher dispatcher)
    {
        if (state is not { WorkshopId: { } workshopId, Credential: { } credential, Ballot: { Saved: false } changed })
        {
            return;
        }

        lock (_gate)
        {
            _next = changed;
            if (_casting)
            {
                return;
            }

            _casting = true;
        }

        while (true)
        {
            BallotDraft next;
            lock (_gate)
            {
                if (_next is null || _disposed)
                {
                    _casting = false;
                    return;
                }

                next = _next;
                _next = null;
            }

            var command = new CastBallot(next.RoundId, next.Marks);
            var result = await CastOnce(workshopId, credential, command);
            if (result.IsAccepted)
            {
                dispatcher.Dispatch(new BallotSaved(next.RoundId, next.Marks));
            }
            else if (Volatile.Read(ref _next) is null)
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
            return await commands.Execute(workshopId, credential, command);
        }
        catch (Exception exception)
        {
            LogBallotFailed(logger, exception, workshopId);
            return CommandResult.Refused(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>The circuit ended: a ballot not yet on its way is not sent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workshop {WorkshopId}: a ballot could not be sent")]
    private static partial void LogBallotFailed(ILogger logger, Exception exception, string workshopId);
}
