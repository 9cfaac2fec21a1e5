using CollectifLive.Web.Realtime;
using CollectifLive.Web.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// The I/O behind a circuit's workshop actions, one job per type: following the feed, opening, who the browser is,
/// sending drafts, retrying commands, casting ballots. Each job answers its own actions and ignores the others.
/// </summary>
public sealed class WorkshopEffects : IEffects<WorkshopSessionState>, IDisposable
{
    private readonly FeedFollowing _feed;
    private readonly BallotCasting _ballots;
    private readonly IEffects<WorkshopSessionState>[] _jobs;

    public WorkshopEffects(
        WorkshopGateway gateway,
        WorkshopFeeds feeds,
        BrowserStorage browser,
        CircuitClient client,
        TimeProvider clock,
        ILogger<WorkshopEffects> logger)
    {
        _feed = new FeedFollowing(feeds);
        var commands = new CommandRetries(gateway, clock);
        _ballots = new BallotCasting(commands, logger);
        _jobs =
        [
            new WorkshopOpening(gateway, _feed),
            new JoinIdentity(gateway, browser, client, _feed, commands, logger),
            new DraftSending(gateway, browser, client, clock, logger),
            commands,
            _ballots,
        ];
    }

    /// <summary>
    /// Every job sees the action; most actions (a feed update on every phone) concern none of them, and then cost no
    /// allocation here.
    /// </summary>
    public Task Handle(IAction action, WorkshopSessionState state, IDispatcher dispatcher)
    {
        List<Task>? running = null;
        foreach (var job in _jobs)
        {
            var task = job.Handle(action, state, dispatcher);
            if (!task.IsCompletedSuccessfully)
            {
                (running ??= []).Add(task);
            }
        }

        return running switch
        {
            null => Task.CompletedTask,
            [var only] => only,
            _ => Task.WhenAll(running),
        };
    }

    public void Dispose()
    {
        _ballots.Dispose();
        _feed.Dispose();
    }
}
