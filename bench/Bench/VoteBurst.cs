using System.Diagnostics;
using System.Net.Http.Json;
using CollectifLive.Testing;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollectifLive.Bench;

/// <summary>
/// The vote burst: N participants on the public hub each cast a full dot budget at the same moment, against the real
/// app (co-hosted silo) on each storage, started here on loopback: SQLite (the one-machine default) and Azurite (the
/// Azure Storage emulator), runs interleaved so that both meet the same machine. Measures how long until every ballot
/// is acknowledged (acknowledged = stored), how many storage writes the burst took, and checks the tally is exact.
/// </summary>
internal static class VoteBurst
{
    public static async Task Run(BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"#### Vote burst: {Format.Count(options.Participants)} participants × {options.Budget} dots (cap {options.Cap}) on {options.Notes} notes");
        await using var azurite = await AzuriteProcess.Start();
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-bench-" + Guid.NewGuid().ToString("N"));

        // Every simulated phone comes from 127.0.0.1: the per-client rates are raised, as for the end-to-end suite's shared app.
        (string Name, AppSettings Settings)[] storages =
        [
            ("SQLite", AppSettings.OnSqlite(Path.Combine(folder, "bench.db")).Shared()),
            ("Azurite", AppSettings.CoHosted(azurite.ConnectionString).Shared()),
        ];
        var apps = new List<ServerProcess>();
        try
        {
            foreach (var (_, settings) in storages)
            {
                apps.Add(await AppInstance.Start(settings));
            }

            Console.WriteLine();
            Console.WriteLine("| run | storage | ballots | acked | writes | writes/ballot | ack p50 | ack p95 | ack p99 | all acked | tally exact |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var (name, settings) in storages)
                {
                    var result = await Burst(settings.BaseUrl, options, run);
                    Console.WriteLine(result.Row(run, name));
                }
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<BurstResult> Burst(string baseUrl, BenchOptions options, int run)
    {
        using var facilitator = await Facilitator.CreateWorkshop(baseUrl);
        var created = facilitator.Workshop;
        var clients = new List<HubParticipant>();
        try
        {
            var author = await HubParticipant.Join(baseUrl, created.JoinCode, "Autrice");
            clients.Add(author);
            var notes = new List<string>();
            for (var i = 1; i <= options.Notes; i++)
            {
                var added = await author.Connection.InvokeAsync<HubCommandResponse>("AddNote", new HubAddNoteRequest(Guid.NewGuid(), "c1", $"Idée {i}"));
                notes.Add(added.Value ?? throw new InvalidOperationException(added.Error?.Message));
            }

            var opened = await facilitator.Http.PostAsJsonAsync($"/api/workshops/{created.WorkshopId}/rounds", new OpenRoundRequest(VoteKind.Dots, DotBudget: options.Budget, DotCap: options.Cap), Facilitator.Json);
            var roundId = (await opened.Content.ReadFromJsonAsync<OpenRoundResponse>(Facilitator.Json))!.RoundId;

            var joining = Stopwatch.StartNew();
            for (var i = 0; i < options.Participants; i += 50)
            {
                var batch = Enumerable.Range(i, Math.Min(50, options.Participants - i)).Select(n => HubParticipant.Join(baseUrl, created.JoinCode, $"P{n}", n % 4 == 0 ? Presence.Remote : Presence.Room));
                clients.AddRange(await Task.WhenAll(batch));
            }

            Console.Error.WriteLine($"vote burst, run {run}: {options.Participants} participants joined in {joining.Elapsed.TotalSeconds:0.0} s");
            var voters = clients.Skip(1).ToList();
            var random = new Random(run);
            var ballots = voters.Select(_ => DotBallots.FullBudget(random, notes, options.Budget, options.Cap)).ToList();

            // Everyone at once: the clock starts before the first send; each latency is until that ballot's "ok".
            var clock = Stopwatch.StartNew();
            var acks = await Task.WhenAll(voters.Select(async (client, i) =>
            {
                var answer = await client.Connection.InvokeAsync<HubCommandResponse>("CastBallot", new HubCastBallotRequest(Guid.NewGuid(), roundId, ballots[i]));
                return (Answer: answer, Ms: clock.Elapsed.TotalMilliseconds);
            }));

            var accepted = acks.Where(a => a.Answer.Error is null).ToList();
            var (first, last) = (accepted.Min(a => a.Answer.Version), accepted.Max(a => a.Answer.Version));
            var deadline = Stopwatch.StartNew();
            while (!author.Changes.Any(c => c.ToVersion >= last) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            // Each storage write is pushed as one change: the changes covering the burst's versions are its writes.
            var writes = author.Changes.Count(c => c.ToVersion >= first && c.FromVersion <= last);
            var expected = notes.ToDictionary(n => n, n => ballots.Where((_, i) => acks[i].Answer.Error is null).Sum(b => b.GetValueOrDefault(n)));
            var tally = await TallySeenByNewcomer(baseUrl, created.JoinCode, roundId, accepted.Count);
            var exact = tally is not null && expected.All(e => tally.GetValueOrDefault(e.Key) == e.Value);
            return new BurstResult(voters.Count, accepted.Count, writes, [.. accepted.Select(a => a.Ms)], exact);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
        }
    }

    /// <summary>The tally as someone joining receives it, once the web server's copy holds every acknowledged ballot.</summary>
    private static async Task<Dictionary<string, int>?> TallySeenByNewcomer(string baseUrl, string code, string roundId, int voters)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var newcomer = await HubParticipant.Join(baseUrl, code, "Nouvelle venue");
            await newcomer.Connection.DisposeAsync();
            var round = newcomer.Snapshot.View.Rounds.Single(r => r.Id == roundId);
            if (round.Voters == voters)
            {
                return round.Results!.Tallies.ToDictionary(t => t.ItemId, t => t.Total);
            }

            await Task.Delay(100);
        }

        return null;
    }

    private sealed record BurstResult(int Ballots, int Acked, int Writes, double[] AckMs, bool TallyExact)
    {
        public string Row(int run, string storage)
        {
            var sorted = AckMs.Order().ToArray();
            string Ms(double q) => sorted.Length == 0 ? "-" : $"{sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)]:0} ms";
            var all = sorted.Length == 0 ? "-" : $"{sorted[^1]:0} ms";
            return $"| {run} | {storage} | {Ballots} | {Acked} | {Writes} | {(double)Writes / Ballots:0.000} | {Ms(0.50)} | {Ms(0.95)} | {Ms(0.99)} | {all} | {(TallyExact ? "yes" : "NO")} |";
        }
    }
}
