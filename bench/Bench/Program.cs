using CollectifLive.Bench;

// Issue 12's benchmark, in one run: fan-out of notes to N hub participants, joins, memory per hub participant (each
// beside a bare SignalR hub, interleaved), and the vote burst. The same program is also the listener processes and the
// bare hub's process it starts (--role); see BenchOptions.Usage and the README's benchmark section.
switch (BenchOptions.Role(args))
{
    case "listener":
        return await ListenerRole.Run();
    case "bare":
        return await BareServer.Run();
    default:
        try
        {
            return await Orchestrator.Run(BenchOptions.Parse(args));
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
}
