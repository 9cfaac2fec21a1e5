using System.Collections.Immutable;
using CollectifLive.Testing;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Xunit.Abstractions;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>Votes through the public hub, as scripts and many phones at once would cast them.</summary>
[Collection(AppCollection.Name)]
public class VoteHubTests(AppFixture app, ITestOutputHelper output)
{
    private const int Voters = 200;
    private const int Budget = 5;
    private const int Cap = 3;

    [Fact]
    public async Task Two_hundred_participants_cast_full_budgets_at_once_and_the_tally_is_the_sum_of_acknowledged_ballots_even_after_a_restart()
    {
        var settings = AppSettings.CoHosted(app.Azurite.ConnectionString);
        var server = await AppInstance.Start(settings);
        var clients = new List<HubClient>();
        try
        {
            var workshop = await WorkshopApiClient.CreateFromTemplate(settings.BaseUrl);
            await using var author = await Joined(settings.BaseUrl, workshop, "Autrice");
            var notes = new List<string>();
            for (var i = 1; i <= 6; i++)
            {
                var added = await author.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", $"Idée {i}"));
                Assert.Null(added.Error);
                notes.Add(added.Value!);
            }

            var roundId = await WorkshopApiClient.OpenRound(settings.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Dots, DotBudget: Budget, DotCap: Cap));

            // Joined a few at a time, as a room fills; then every ballot is sent at the same moment.
            for (var i = 0; i < Voters; i += 20)
            {
                clients.AddRange(await Task.WhenAll(Enumerable.Range(i, 20).Select(n => Joined(settings.BaseUrl, workshop, $"P{n}", n % 3 == 0 ? Presence.Remote : Presence.Room))));
            }

            var random = new Random(20261125);
            var ballots = clients.Select(_ => DotBallots.FullBudget(random, notes, Budget, Cap)).ToList();
            var answers = await Task.WhenAll(clients.Select((client, i) => CastWithRetries(client, roundId, ballots[i])));

            Assert.All(answers, a => Assert.Null(a.Error));
            var expected = notes.ToDictionary(n => n, n => ballots.Sum(b => b.GetValueOrDefault(n)));
            Assert.Equal(Voters * Budget, expected.Values.Sum());
            // Each storage write is pushed as one change: the burst's changes count the writes it took.
            var (first, last) = (answers.Min(a => a.Version), answers.Max(a => a.Version));
            var witness = clients[0];
            await Eventually.Until(() => witness.Changes.Any(c => c.ToVersion >= last), "the burst's last write to be pushed");
            var writes = witness.Changes.Count(c => c.ToVersion >= first && c.FromVersion <= last);
            output.WriteLine($"{Voters} ballots ({Voters * Budget} dots) stored in {writes} writes");
            Assert.InRange(writes, 1, Voters / 10);

            var before = await RoundSeenByNewcomer(settings.BaseUrl, workshop, roundId);
            AssertTally(expected, before, clients.Count);

            await server.Stop();
            settings = settings with { SiloPort = FreePort.Next(), GatewayPort = FreePort.Next() };
            server = await AppInstance.Start(settings);

            var after = await RoundSeenByNewcomer(settings.BaseUrl, workshop, roundId);
            AssertTally(expected, after, clients.Count);
            Assert.Equal(before.Results!.Tallies.AsEnumerable(), after.Results!.Tallies.AsEnumerable());
            var remote = ballots.Where((_, i) => i % 3 == 0).Sum(b => b.Values.Sum());
            Assert.Equal(remote, after.Results.Tallies.Sum(t => t.Remote));
            Assert.Equal((Voters * Budget) - remote, after.Results.Tallies.Sum(t => t.Room));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hidden_results_are_not_sent_to_participants_until_the_round_closes()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var amina = await Joined(app.BaseUrl, workshop, "Amina");
        await using var bruno = await Joined(app.BaseUrl, workshop, "Bruno", Presence.Remote);
        var roundId = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Poll, "Quel créneau ?", Options: ["Samedi matin", "Mardi soir"], HideResultsUntilClosed: true));

        Assert.Null((await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks("o1")))).Error);
        Assert.Null((await bruno.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks("o2")))).Error);
        await Eventually.Until(() => Rounds(bruno).Any(r => r.Voters == 2), "both ballots to be counted in bruno's stream");
        var beforeClose = Rounds(bruno).Concat(Rounds(amina)).ToList();
        var snapshot = (await bruno.Resync())!.View.Rounds.Single();

        await WorkshopApiClient.CloseRound(app.BaseUrl, workshop, roundId);

        await Eventually.Until(() => Rounds(bruno).Any(r => r.Status == RoundStatus.Closed), "the close to reach bruno");
        Assert.NotEmpty(beforeClose);
        Assert.All(beforeClose, r => Assert.Null(r.Results));
        Assert.Null(snapshot.Results);
        Assert.Equal(2, snapshot.Voters);
        var closed = Rounds(bruno).Last(r => r.Status == RoundStatus.Closed);
        Assert.Equal([1, 1], closed.Results!.Tallies.Select(t => t.Total));
        Assert.All(Rounds(bruno), r => Assert.Empty(r.Ballots));
    }

    [Fact]
    public async Task Over_budget_unknown_items_closed_rounds_and_retries_are_refused_or_answered_once_and_change_nothing()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var amina = await Joined(app.BaseUrl, workshop, "Amina");
        var note = (await amina.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Une maison des associations"))).Value!;
        var other = (await amina.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Un budget participatif"))).Value!;
        var roundId = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Dots, DotBudget: 3, DotCap: 2));

        var overBudget = await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks((note, 2), (other, 2))));
        var overCap = await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks((note, 3))));
        var unknown = await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks(("n-inconnue", 1))));
        var unknownRound = await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), "v999", Marks((note, 1))));

        Assert.Equal(WorkshopError.OverBudget, overBudget.Error?.Code);
        Assert.Equal(3, overBudget.Error?.Limit);
        Assert.Equal("Votre budget est dépassé (3 au total) : retirez d'abord une gommette ailleurs.", overBudget.Error?.Message);
        Assert.Equal(WorkshopError.OverItemCap, overCap.Error?.Code);
        Assert.Equal(WorkshopError.UnknownVoteItem, unknown.Error?.Code);
        Assert.Equal(WorkshopError.UnknownVoteRound, unknownRound.Error?.Code);
        Assert.Equal(0, (await amina.Resync())!.View.Rounds.Single().Voters);

        var operation = Guid.NewGuid();
        var first = await amina.CastBallot(new HubCastBallotRequest(operation, roundId, Marks((note, 2), (other, 1))));
        var changed = await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks((other, 1))));
        var retried = await amina.CastBallot(new HubCastBallotRequest(operation, roundId, Marks((note, 2), (other, 1))));

        Assert.Null(first.Error);
        Assert.Equal(first, retried);
        Assert.True(changed.Version > first.Version);
        var own = (await amina.Resync())!.Own.Ballots.Single();
        Assert.Equal(Marks((other, 1)), own.Marks);

        await WorkshopApiClient.CloseRound(app.BaseUrl, workshop, roundId);
        var late = await amina.CastBallot(new HubCastBallotRequest(Guid.NewGuid(), roundId, Marks((note, 1))));

        Assert.Equal(WorkshopError.VoteRoundClosed, late.Error?.Code);
        var tallies = (await amina.Resync())!.View.Rounds.Single().Results!.Tallies;
        Assert.Equal(0, tallies.Single(t => t.ItemId == note).Total);
        Assert.Equal(1, tallies.Single(t => t.ItemId == other).Total);
    }

    private static async Task<HubClient> Joined(string baseUrl, CreateWorkshopResponse workshop, string name, Presence presence = Presence.Room)
    {
        var client = await HubClient.Connect(baseUrl);
        var joined = await client.Join(new HubJoinRequest(workshop.JoinCode, name, presence));
        Assert.Null(joined.Error);
        return client;
    }

    /// <summary>What a script does when the server is briefly busy: the same operation again, applied at most once, until a deadline.</summary>
    private static Task<HubCommandResponse> CastWithRetries(HubClient client, string roundId, ImmutableDictionary<string, int> marks)
    {
        var request = new HubCastBallotRequest(Guid.NewGuid(), roundId, marks);
        return Eventually.Until(
            () => client.CastBallot(request),
            answer => answer.Error?.Code is not (WorkshopError.Busy or WorkshopError.StorageUnavailable),
            "a ballot answered with something other than 'retry later'");
    }

    /// <summary>
    /// The round as someone joining now receives it. The hub's snapshot is the web server's copy, which follows the
    /// grain's pushes: ask until it has caught up with every acknowledged ballot (or the deadline passes).
    /// </summary>
    private static Task<VoteRoundView> RoundSeenByNewcomer(string baseUrl, CreateWorkshopResponse workshop, string roundId) =>
        Eventually.Until(
            async () =>
            {
                await using var newcomer = await HubClient.Connect(baseUrl);
                var joined = await newcomer.Join(new HubJoinRequest(workshop.JoinCode, "Nouvelle venue"));
                Assert.Null(joined.Error);
                return joined.Snapshot!.View.Rounds.Single(r => r.Id == roundId);
            },
            round => round.Voters == Voters,
            "a newcomer to receive every ballot");

    private static void AssertTally(Dictionary<string, int> expected, VoteRoundView round, int voters)
    {
        Assert.Equal(voters, round.Voters);
        Assert.Equal(expected, round.Results!.Tallies.ToDictionary(t => t.ItemId, t => t.Total));
    }

    private static IEnumerable<VoteRoundView> Rounds(HubClient client) => client.Changes.SelectMany(c => c.Delta.Rounds?.Upserts ?? []);

    private static ImmutableDictionary<string, int> Marks(string item) => ImmutableDictionary<string, int>.Empty.Add(item, 1);

    private static ImmutableDictionary<string, int> Marks(params (string Item, int Count)[] marks) => marks.ToImmutableDictionary(m => m.Item, m => m.Count);
}
