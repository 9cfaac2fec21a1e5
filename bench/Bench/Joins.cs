namespace CollectifLive.Bench;

/// <summary>
/// Joins: N listeners, already connected (WebSocket and SignalR handshake done), all send their join at the same
/// moment. Measured: the time from the first join sent to the last answer, and every message pushed to the room's
/// connections because of the joins (counted until no more come).
/// </summary>
internal static class Joins
{
    public static async Task Run(BenchOptions options, RealTarget real, BareTarget bare, ListenerPool listeners)
    {
        var results = new List<(int Run, ITarget Target, JoinAnswers Answers, long Messages, long Bytes, double ServerCores, double GeneratorCores)>();
        Console.WriteLine();
        Console.WriteLine($"#### Joins: {Format.Count(options.Participants)} participants join at once");
        Console.WriteLine();
        Console.WriteLine("| run | target | joined | refused | all joined | messages pushed | per participant | bytes pushed | server CPU | generator CPU |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var run = 1; run <= options.Runs; run++)
        {
            foreach (var target in new ITarget[] { real, bare })
            {
                await using var room = await target.OpenRoom(0);
                var name = Format.Invariant($"{room.JoinKind}-joins-{run}");
                try
                {
                    await listeners.Connect(name, target.Hub, options.Participants);
                    var cpu = new CpuMeter(target.ProcessId, listeners.ProcessIds);
                    var answers = await listeners.Join(name, room.JoinKind, room.JoinValue);
                    var (messages, bytes, _) = await listeners.Quiet(name);
                    var (server, generator) = cpu.Stop();
                    results.Add((run, target, answers, messages, bytes, server, generator));
                    Console.WriteLine(
                        $"| {run} | {target.Name} | {Format.Count(answers.Accepted)} | {answers.Refused} | {Format.Seconds(answers.Seconds)} | {Format.Count(messages)} " +
                        $"| {Format.Invariant($"{messages / (double)options.Participants:0.0}")} | {Format.Megabytes(bytes)} | {Format.Cores(server)} | {Format.Cores(generator)} |");
                }
                finally
                {
                    await listeners.Close(name);
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| | all joined, median | messages pushed, median | target |");
        Console.WriteLine("| --- | --- | --- | --- |");
        double Median(IEnumerable<double> values) => values.Order().ElementAt(options.Runs / 2);
        var realTime = Median(results.Where(r => r.Target == real).Select(r => r.Answers.Seconds));
        var bareTime = Median(results.Where(r => r.Target == bare).Select(r => r.Answers.Seconds));
        var realMessages = Median(results.Where(r => r.Target == real).Select(r => (double)r.Messages));
        var bareMessages = Median(results.Where(r => r.Target == bare).Select(r => (double)r.Messages));
        Console.WriteLine($"| CollectifLive | {Format.Seconds(realTime)} | {Format.Count((long)realMessages)} | ≤ 1.5 s: {(realTime <= 1.5 ? "met" : "**missed**")}; ≤ 2 × bare's messages: {(realMessages <= 2 * bareMessages ? "met" : "**missed**")} |");
        Console.WriteLine($"| bare SignalR | {Format.Seconds(bareTime)} | {Format.Count((long)bareMessages)} | |");
    }
}
