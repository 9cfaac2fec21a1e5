using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CollectifLive.Bench;

/// <summary>
/// A listener process (the benchmark started again with <c>--role listener</c>): it holds hub connections for the
/// benchmark, which spreads its listeners over several such processes so that receiving is not the bottleneck. It reads
/// one command a line on its standard input and answers each with one line, "ok …" or "error …", on its output.
/// </summary>
internal static class ListenerRole
{
    public static async Task<int> Run()
    {
        // The benchmark checks that this timestamp falls between its own before and after starting this process: the
        // proof that every process reads the same clock, on which the latencies rest.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready {Stopwatch.GetTimestamp()}"));
        var targets = new Dictionary<string, ListenedTarget>();
        while (await Console.In.ReadLineAsync() is { } line && line != "exit")
        {
            string answer;
            try
            {
                answer = "ok " + await Handle(targets, line.Split(' '));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                answer = "error " + exception.Message.ReplaceLineEndings(" ");
            }

            Console.WriteLine(answer);
        }

        foreach (var target in targets.Values)
        {
            await target.DisposeAsync();
        }

        return 0;
    }

    private static async Task<string> Handle(Dictionary<string, ListenedTarget> targets, string[] words)
    {
        var name = words[1];
        switch (words[0])
        {
            case "connect":
                if (!targets.TryGetValue(name, out var target))
                {
                    target = new ListenedTarget();
                    targets[name] = target;
                }

                return await target.Connect(new Uri(words[2]), Number(words[3]));
            case "join":
                return await targets[name].Join(words[2], words[3]);
            case "counts":
                return targets[name].Counts();
            case "progress":
                return targets[name].Progress(Number(words[2]));
            case "report":
                return targets[name].Report(Number(words[2]));
            case "close":
                await targets[name].DisposeAsync();
                targets.Remove(name);
                return name;
            default:
                throw new InvalidOperationException($"unknown command {words[0]}");
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>This process's connections to one target (a workshop of the real app, or a group of the bare hub).</summary>
internal sealed class ListenedTarget : IAsyncDisposable
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private readonly List<RawHubConnection> _connections = [];
    private readonly ConcurrentDictionary<int, TrialReceipts> _trials = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _pinging = Task.CompletedTask;
    private long _pushes;
    private long _pushedBytes;
    private long _resyncs;
    private int _noteBytes;
    private int _named;

    /// <summary>Opens <paramref name="count"/> more connections (a few at a time); answers how many this target holds.</summary>
    public async Task<string> Connect(Uri hub, int count)
    {
        using var gate = new SemaphoreSlim(16);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var opened = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync(timeout.Token);
            try
            {
                return await RawHubConnection.Open(hub, OnRecord, timeout.Token);
            }
            finally
            {
                gate.Release();
            }
        }));
        lock (_connections)
        {
            _connections.AddRange(opened);
        }

        if (_pinging.IsCompleted)
        {
            _pinging = Ping();
        }

        return Invariant($"{Connections().Length}");
    }

    /// <summary>
    /// Every connection not yet joined sends its join at once. Answers how many were accepted and refused, when the
    /// first was sent and when the last answer arrived (timestamps).
    /// </summary>
    public async Task<string> Join(string kind, string value)
    {
        var waiting = Connections().Where(c => !c.Joined).ToList();
        var arguments = waiting.Select(_ => kind == "real"
            ? Invariant($$"""{"code":"{{value}}","displayName":"L{{Environment.ProcessId}}-{{++_named}}"}""")
            : $"\"{value}\"").ToList();
        var firstSent = Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(waiting.Select((connection, i) => connection.Join(arguments[i]))).WaitAsync(TimeSpan.FromMinutes(3));
        var lastAnswered = waiting.Where(c => c.Joined).Select(c => c.JoinAnsweredAt).DefaultIfEmpty(firstSent).Max();
        return Invariant($"{answers.Count(a => a)} {answers.Count(a => !a)} {firstSent} {lastAnswered}");
    }

    /// <summary>
    /// Messages pushed to these connections so far (answers to their own calls left out), their bytes, and how many were
    /// the real hub's "Resync" (the server lost track of its changes and sends that instead: a client then pulls a
    /// snapshot, which these listeners do not, so the notes it replaced never reach them).
    /// </summary>
    public string Counts() => Invariant($"{Interlocked.Read(ref _pushes)} {Interlocked.Read(ref _pushedBytes)} {Interlocked.Read(ref _resyncs)}");

    public string Progress(int trial) => Invariant($"{(_trials.TryGetValue(trial, out var receipts) ? receipts.Count : 0)}");

    /// <summary>
    /// A note push's size, the last receipt's timestamp, the pushes that carried notes, and the latencies: all, first
    /// half of the notes, second half.
    /// </summary>
    public string Report(int trial)
    {
        if (!_trials.TryRemove(trial, out var receipts))
        {
            receipts = new TrialReceipts();
        }

        lock (receipts)
        {
            return Invariant($"{_noteBytes} {receipts.LastAt} {receipts.Pushes} {receipts.All.Serialize()} {receipts.Early.Serialize()} {receipts.Late.Serialize()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pinging;
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(Connections().Select(async connection =>
        {
            await gate.WaitAsync();
            try
            {
                await connection.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        _stop.Dispose();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private RawHubConnection[] Connections()
    {
        lock (_connections)
        {
            return [.. _connections];
        }
    }

    /// <summary>SignalR drops a client it has not heard from for 30 s: every connection pings every 10 s.</summary>
    private async Task Ping()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var connection in Connections())
                {
                    await connection.Ping();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
    }

    private void OnRecord(RawHubConnection connection, ReadOnlySpan<byte> record, long receivedAt)
    {
        if (!record.StartsWith("{\"type\":1,"u8))
        {
            return;
        }

        Interlocked.Increment(ref _pushes);
        Interlocked.Add(ref _pushedBytes, record.Length + 1);
        if (record.IndexOf("\"target\":\"Resync\""u8) >= 0)
        {
            Interlocked.Increment(ref _resyncs);
        }
        var notes = 0;
        var rest = record;
        while (BenchNote.TryRead(ref rest, out var trial, out var rank, out var count, out var sentAt))
        {
            var receipts = _trials.GetOrAdd(trial, _ => new TrialReceipts());
            var latency = (long)((receivedAt - sentAt) * NanosecondsPerTick);
            lock (receipts)
            {
                receipts.All.Add(latency);
                (rank < count / 2 ? receipts.Early : receipts.Late).Add(latency);
                receipts.LastAt = Math.Max(receipts.LastAt, receivedAt);
                receipts.Count++;
                notes++;
                if (notes == 1)
                {
                    receipts.Pushes++;
                }
            }
        }

        // A note's push alone: its size is the bandwidth one note costs each listener.
        if (notes == 1)
        {
            Interlocked.CompareExchange(ref _noteBytes, record.Length + 1, 0);
        }
    }

    private sealed class TrialReceipts
    {
        public Histogram All { get; } = new();

        public Histogram Early { get; } = new();

        public Histogram Late { get; } = new();

        public long LastAt { get; set; }

        public long Count { get; set; }

        /// <summary>Records that carried the trial's notes: fewer than the notes when pushes carry several.</summary>
        public long Pushes { get; set; }
    }
}
