using System.Diagnostics;
using System.Globalization;

namespace CollectifLive.Bench;

/// <summary>
/// The listener processes, driven together: every command goes to each of them with its share of the connections,
/// and their answers are added up.
/// </summary>
internal sealed class ListenerPool : IAsyncDisposable
{
    private readonly List<ChildProcess> _processes;

    private ListenerPool(List<ChildProcess> processes) => _processes = processes;

    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    /// <summary>
    /// Starts <paramref name="count"/> listener processes and checks that each reads the same clock as this one: the
    /// timestamp it prints at start must fall between this process's readings before and after.
    /// </summary>
    public static async Task<ListenerPool> Start(int count)
    {
        var processes = new List<ChildProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var before = Stopwatch.GetTimestamp();
                var process = ChildProcess.Start("listener", $"listener {i + 1}");
                processes.Add(process);
                var ready = await process.ReadLine(TimeSpan.FromSeconds(60));
                var after = Stopwatch.GetTimestamp();
                var stamp = long.Parse(ready.Split(' ')[1], CultureInfo.InvariantCulture);
                if (stamp < before || stamp > after)
                {
                    throw new InvalidOperationException($"listener {i + 1}'s clock ({stamp}) is not this process's ({before}..{after}): latencies across processes would be wrong");
                }
            }

            return new ListenerPool(processes);
        }
        catch
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Opens <paramref name="total"/> more connections to <paramref name="hub"/>, shared out among the processes.</summary>
    public Task Connect(string target, Uri hub, int total) =>
        Ask(i => Invariant($"connect {target} {hub} {Share(total, i)}"));

    /// <summary>Every connection of <paramref name="target"/> not yet joined joins at once.</summary>
    public async Task<JoinAnswers> Join(string target, string kind, string value)
    {
        var answers = (await Ask(_ => $"join {target} {kind} {value}", TimeSpan.FromMinutes(4))).Select(Numbers).ToList();
        return new JoinAnswers(
            (int)answers.Sum(a => a[0]),
            (int)answers.Sum(a => a[1]),
            answers.Min(a => a[2]),
            answers.Max(a => a[3]));
    }

    /// <summary>Messages pushed to the target's connections so far, their bytes, and the "Resync" pushes among them.</summary>
    public async Task<(long Messages, long Bytes, long Resyncs)> Counts(string target)
    {
        var answers = (await Ask(_ => $"counts {target}")).Select(Numbers).ToList();
        return (answers.Sum(a => a[0]), answers.Sum(a => a[1]), answers.Sum(a => a[2]));
    }

    /// <summary>Waits until no message has come to the target for a second (at most a minute): answers the counts then.</summary>
    public async Task<(long Messages, long Bytes, long Resyncs)> Quiet(string target)
    {
        var counts = await Counts(target);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await Counts(target);
            if (now == counts)
            {
                break;
            }

            counts = now;
        }

        return counts;
    }

    /// <summary>Note pushes of <paramref name="trial"/> received so far by the target's connections.</summary>
    public async Task<long> Progress(string target, int trial) =>
        (await Ask(_ => Invariant($"progress {target} {trial}"))).Sum(a => long.Parse(a, CultureInfo.InvariantCulture));

    /// <summary>The latencies of <paramref name="trial"/>'s note pushes at every listener of the target, merged.</summary>
    public async Task<TrialReceipts> Report(string target, int trial)
    {
        var receipts = new TrialReceipts();
        foreach (var answer in await Ask(_ => Invariant($"report {target} {trial}")))
        {
            var words = answer.Split(' ');
            receipts.NoteBytes = Math.Max(receipts.NoteBytes, int.Parse(words[0], CultureInfo.InvariantCulture));
            receipts.LastAt = Math.Max(receipts.LastAt, long.Parse(words[1], CultureInfo.InvariantCulture));
            receipts.Pushes += long.Parse(words[2], CultureInfo.InvariantCulture);
            receipts.All.Merge(Histogram.Parse(words[3]));
            receipts.Early.Merge(Histogram.Parse(words[4]));
            receipts.Late.Merge(Histogram.Parse(words[5]));
        }

        return receipts;
    }

    public Task Close(string target) => Ask(_ => $"close {target}");

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static long[] Numbers(string answer) => [.. answer.Split(' ').Select(w => long.Parse(w, CultureInfo.InvariantCulture))];

    private int Share(int total, int index) => (total / _processes.Count) + (index < total % _processes.Count ? 1 : 0);

    private Task<string[]> Ask(Func<int, string> command, TimeSpan? timeout = null) =>
        Task.WhenAll(_processes.Select((process, i) => process.Ask(command(i), timeout)));
}

/// <summary>Joins answered (accepted, refused), the first join sent and the last answer received (timestamps).</summary>
internal sealed record JoinAnswers(int Accepted, int Refused, long FirstSentAt, long LastAnsweredAt)
{
    public double Seconds => (LastAnsweredAt - FirstSentAt) / (double)Stopwatch.Frequency;
}

/// <summary>One trial's note pushes as the listeners received them.</summary>
internal sealed class TrialReceipts
{
    public int NoteBytes { get; set; }

    public long LastAt { get; set; }

    /// <summary>Pushes that carried the trial's notes, every listener counted.</summary>
    public long Pushes { get; set; }

    public Histogram All { get; } = new();

    /// <summary>The first half of the trial's notes, and the second: a backlog that grows shows as a later half slower.</summary>
    public Histogram Early { get; } = new();

    public Histogram Late { get; } = new();
}
