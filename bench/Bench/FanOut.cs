using System.Diagnostics;

namespace CollectifLive.Bench;

/// <summary>
/// Fan-out: N listeners joined to one room of each target, senders posting notes at a fixed rate; the latency of a note
/// is from its sending to its receipt by each listener, on one clock. For each size, each rate and each run, the real
/// app then the bare hub (interleaved, so that both meet the same machine). The real app's room is a workshop that
/// keeps its listeners through every rate and run of a size, so its wall grows as a real one does.
/// </summary>
internal static class FanOut
{
    /// <summary>How long deliveries may go on after the last note was sent before the missing ones count as lost.</summary>
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(20);

    public static async Task Run(BenchOptions options, RealTarget real, BareTarget bare, ListenerPool listeners)
    {
        ITarget[] targets = [real, bare];
        var results = new List<TrialResult>();
        var trial = 0;
        Console.WriteLine();
        Console.WriteLine("#### Fan-out, every trial");
        Console.WriteLine();
        Console.WriteLine("| N | rate | run | target | wall | sent | send rate | sender lag p99 | delivered | notes per push | p50 | p95 | p99 | max | 2nd half p50 / 1st | server CPU | generator CPU |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        trial = await WarmUp(targets, bare, listeners);
        foreach (var size in options.Sizes)
        {
            var rooms = new List<(ITarget Target, IRoom Room, string Name)>();
            try
            {
                foreach (var target in targets)
                {
                    var room = await target.OpenRoom(options.FanOutSenders);
                    var name = Format.Invariant($"{room.JoinKind}-fanout-{size}");
                    rooms.Add((target, room, name));
                    await listeners.Connect(name, target.Hub, size);
                    var joined = await listeners.Join(name, room.JoinKind, room.JoinValue);
                    if (joined.Accepted != size)
                    {
                        throw new InvalidOperationException($"{target.Name}: {joined.Accepted} of {size} listeners joined");
                    }

                    await listeners.Quiet(name);
                    Console.Error.WriteLine($"fan-out {size}: {target.Name} listeners joined in {joined.Seconds:0.0} s");
                }

                var wall = 0;
                foreach (var rate in options.Rates)
                {
                    for (var run = 1; run <= options.Runs; run++)
                    {
                        foreach (var (target, room, name) in rooms)
                        {
                            var result = await Trial(++trial, target, room, name, size, rate, run, options.Seconds, wall, listeners);
                            if (target is RealTarget)
                            {
                                bare.NotePushBytes = result.Receipts.NoteBytes;
                            }

                            results.Add(result);
                            Console.WriteLine(result.Row());
                            await Task.Delay(TimeSpan.FromSeconds(1));
                        }

                        wall += rate * options.Seconds;
                    }
                }
            }
            finally
            {
                foreach (var (_, room, name) in rooms)
                {
                    await listeners.Close(name);
                    await room.DisposeAsync();
                }
            }
        }

        Summary(options, results);
    }

    /// <summary>
    /// A few seconds of notes to a small room of each target, not counted: the first notes of a process pay for its
    /// compilation and its pools' growth, which no size should be charged with. Answers the last trial number used.
    /// </summary>
    private static async Task<int> WarmUp(ITarget[] targets, BareTarget bare, ListenerPool listeners)
    {
        const int Size = 50;
        var trial = 0;
        foreach (var target in targets)
        {
            await using var room = await target.OpenRoom(4);
            var name = room.JoinKind + "-warm-up";
            await listeners.Connect(name, target.Hub, Size);
            await listeners.Join(name, room.JoinKind, room.JoinValue);
            await listeners.Quiet(name);
            foreach (var rate in new[] { 10, 50 })
            {
                var result = await Trial(++trial, target, room, name, Size, rate, 0, 2, 0, listeners);
                if (target is RealTarget)
                {
                    bare.NotePushBytes = result.Receipts.NoteBytes;
                }
            }

            await listeners.Close(name);
        }

        Console.Error.WriteLine("fan-out: warmed up");
        return trial;
    }

    private static async Task<TrialResult> Trial(int trial, ITarget target, IRoom room, string name, int size, int rate, int run, int seconds, int wall, ListenerPool listeners)
    {
        var resyncs = (await listeners.Counts(name)).Resyncs;
        var cpu = new CpuMeter(target.ProcessId, listeners.ProcessIds);
        var sent = await Send(room, trial, rate, seconds);
        var refused = await room.Settle();
        var expected = (long)sent.Count * size;
        while (await listeners.Progress(name, trial) < expected && Stopwatch.GetElapsedTime(sent.LastAt) < DeliveryPatience)
        {
            await Task.Delay(200);
        }

        var receipts = await listeners.Report(name, trial);
        var (server, generator) = cpu.Stop();
        resyncs = (await listeners.Counts(name)).Resyncs - resyncs;
        return new TrialResult(target.Name, target is BareTarget, size, rate, run, wall, sent, refused, expected, receipts, resyncs, server, generator);
    }

    /// <summary>
    /// Posts rate × seconds notes on a fixed schedule, without waiting for answers (open loop), each stamped with the
    /// moment it is really sent. How late each send was on its schedule, and the rate really kept, say whether this
    /// sender could post at the asked rate.
    /// </summary>
    private static async Task<Sending> Send(IRoom room, int trial, int rate, int seconds)
    {
        var count = rate * seconds;
        var period = Stopwatch.Frequency / (double)rate;
        var lag = new Histogram();
        var start = Stopwatch.GetTimestamp();
        long first = 0, last = 0;
        for (var rank = 0; rank < count; rank++)
        {
            var due = start + (long)(rank * period);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var now = Stopwatch.GetTimestamp();
            lag.Add((long)Stopwatch.GetElapsedTime(due, now).TotalNanoseconds);
            room.Send(rank, BenchNote.Text(trial, rank, count, now));
            first = rank == 0 ? now : first;
            last = now;
        }

        var rateKept = count < 2 ? rate : (count - 1) / Stopwatch.GetElapsedTime(first, last).TotalSeconds;
        return new Sending(count, rate, rateKept, lag, last);
    }

    private static void Summary(BenchOptions options, List<TrialResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"#### Fan-out, {options.Runs} runs pooled: CollectifLive beside bare SignalR");
        Console.WriteLine();
        Console.WriteLine("| N | rate | note push | p50 | p95 | p99 | max | p99 / bare | target | saturated |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var group in results.GroupBy(r => (r.Size, r.Rate)))
        {
            var real = Pooled(group.Where(r => !r.Baseline).ToList());
            var bare = Pooled(group.Where(r => r.Baseline).ToList());
            var limit = group.Key.Rate <= 10 ? 1.2 : 1.5;
            var ratio = real.Latency.Percentile(0.99) / bare.Latency.Percentile(0.99);
            string Beside(Func<Histogram, double> figure) => $"{Format.Ms(figure(real.Latency))} ({Format.Ms(figure(bare.Latency))})";
            Console.WriteLine(
                $"| {Format.Count(group.Key.Size)} | {group.Key.Rate}/s | {real.NoteBytes} B ({bare.NoteBytes} B) " +
                $"| {Beside(h => h.Percentile(0.50))} | {Beside(h => h.Percentile(0.95))} | {Beside(h => h.Percentile(0.99))} | {Beside(h => h.MaxMs)} " +
                $"| {Format.Ratio(ratio)} | ≤ {Format.Invariant($"{limit:0.0}")}× {(ratio <= limit ? "met" : "**missed**")} " +
                $"| {(real.Saturated ? "**yes**" : "no")} ({(bare.Saturated ? "yes" : "no")}) |");
        }

        Console.WriteLine();
        Console.WriteLine("Each cell: CollectifLive (bare SignalR). Saturated: some trial lost pushes, its sender fell behind, or the second half of its notes waited more than twice as long as the first (a growing backlog).");
    }

    private static (Histogram Latency, int NoteBytes, bool Saturated) Pooled(List<TrialResult> trials)
    {
        var latency = new Histogram();
        foreach (var trial in trials)
        {
            latency.Merge(trial.Receipts.All);
        }

        return (latency, trials.Max(t => t.Receipts.NoteBytes), trials.Any(t => t.Saturated));
    }
}

/// <summary>What the sender did: notes sent, the rate asked and kept, how late the sends were on their schedule.</summary>
internal sealed record Sending(int Count, int RateAsked, double RateKept, Histogram Lag, long LastAt)
{
    /// <summary>Kept: within 3 % of the asked rate, and 99 % of the sends less than a period late.</summary>
    public bool KeptRate => RateKept >= 0.97 * RateAsked && Lag.Percentile(0.99) <= 1000.0 / RateAsked;
}

internal sealed record TrialResult(
    string Target,
    bool Baseline,
    int Size,
    int Rate,
    int Run,
    int Wall,
    Sending Sent,
    int Refused,
    long Expected,
    TrialReceipts Receipts,
    long Resyncs,
    double ServerCores,
    double GeneratorCores)
{
    /// <summary>Later notes waiting more than twice as long as the first half's (and 20 ms more): the server falls behind.</summary>
    public bool Backlog => Receipts.Late.Percentile(0.5) > Math.Max(2 * Receipts.Early.Percentile(0.5), Receipts.Early.Percentile(0.5) + 20);

    public bool Saturated => Receipts.All.Count < Expected || Refused > 0 || !Sent.KeptRate || Backlog;

    public string Row()
    {
        var all = Receipts.All;
        var delivered = (Receipts.All.Count == Expected ? "all" : $"**{Format.Count(all.Count)} of {Format.Count(Expected)}**") +
            (Resyncs > 0 ? $" ({Format.Count(Resyncs)} Resync pushes)" : string.Empty);
        var rate = Format.Invariant($"{Sent.RateKept:0.0}/s") + (Sent.KeptRate ? string.Empty : " **behind**");
        var refused = Refused > 0 ? $" ({Refused} refused)" : string.Empty;
        return $"| {Format.Count(Size)} | {Rate}/s | {Run} | {Target} | {Format.Count(Wall)} | {Sent.Count}{refused} | {rate} | {Format.Ms(Sent.Lag.Percentile(0.99))} " +
            $"| {delivered} | {Format.Invariant($"{all.Count / (double)Math.Max(1, Receipts.Pushes):0.00}")} | {Format.Ms(all.Percentile(0.50))} | {Format.Ms(all.Percentile(0.95))} | {Format.Ms(all.Percentile(0.99))} | {Format.Ms(all.MaxMs)} " +
            $"| {Format.Ratio(Receipts.Late.Percentile(0.5) / Receipts.Early.Percentile(0.5))} | {Format.Cores(ServerCores)} | {Format.Cores(GeneratorCores)} |";
    }
}
