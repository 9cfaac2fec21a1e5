namespace CollectifLive.Bench;

/// <summary>
/// Memory per hub participant: the server process's resident memory (VmRSS) with a few participants joined, then with
/// all of them, on each target; the slope between the two is what one more participant costs. Participants join a
/// batch at a time (not all at once: the bare hub's join pushes, N² / 2 of them at once, would fill its buffers and be
/// counted as memory per participant). Before each reading the server is made to collect its garbage and is left alone
/// for a few seconds, so that the reading is what it holds.
/// </summary>
internal static class Memory
{
    private const int Batch = 250;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task Run(BenchOptions options, RealTarget real, BareTarget bare, ListenerPool listeners)
    {
        var few = options.Participants / 8;
        var results = new List<(ITarget Target, double PerParticipant)>();
        Console.WriteLine();
        Console.WriteLine($"#### Memory per hub participant: server RSS at {Format.Count(few)} and {Format.Count(options.Participants)} participants");
        Console.WriteLine();
        Console.WriteLine($"| run | target | RSS at {Format.Count(few)} | RSS at {Format.Count(options.Participants)} | per participant |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        for (var run = 1; run <= options.Runs; run++)
        {
            foreach (var target in new ITarget[] { real, bare })
            {
                await using var room = await target.OpenRoom(0);
                var name = Format.Invariant($"{room.JoinKind}-memory-{run}");
                try
                {
                    var before = await Joined(listeners, target, room, name, few);
                    var after = await Joined(listeners, target, room, name, options.Participants - few);
                    var perParticipant = (after - before) / (double)(options.Participants - few);
                    results.Add((target, perParticipant));
                    Console.WriteLine($"| {run} | {target.Name} | {Format.Megabytes(before)} | {Format.Megabytes(after)} | {Format.Kilobytes(perParticipant)} |");
                }
                finally
                {
                    await listeners.Close(name);
                }
            }
        }

        Console.WriteLine();
        var realMedian = results.Where(r => r.Target == real).Select(r => r.PerParticipant).Order().ElementAt(options.Runs / 2);
        var bareMedian = results.Where(r => r.Target == bare).Select(r => r.PerParticipant).Order().ElementAt(options.Runs / 2);
        Console.WriteLine($"Median per hub participant: CollectifLive {Format.Kilobytes(realMedian)} (bare SignalR {Format.Kilobytes(bareMedian)}); target ≤ 35 KB: {(realMedian <= 35 * 1024 ? "met" : "**missed**")}.");
    }

    private static async Task<long> Joined(ListenerPool listeners, ITarget target, IRoom room, string name, int more)
    {
        for (var joined = 0; joined < more; joined += Batch)
        {
            await listeners.Connect(name, target.Hub, Math.Min(Batch, more - joined));
            var answers = await listeners.Join(name, room.JoinKind, room.JoinValue);
            if (answers.Refused > 0)
            {
                throw new InvalidOperationException($"{target.Name}: {answers.Refused} joins refused");
            }

            await listeners.Quiet(name);
        }

        await ForcedCollection.Collect(target.ProcessId);
        await Task.Delay(Settle);
        return ProcessStats.ResidentBytes(target.ProcessId);
    }
}
