using System.Collections.Immutable;
using CollectifLive.Testing;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectifLive.Web.Tests.State;

/// <summary>Ballots go one at a time, the latest winning: what is stored last is what the phone showed last.</summary>
[Collection(ClusterCollection.Name)]
public class BallotCastingTests(TestClusterFixture fixture)
{
    private sealed record Voter(StoreRecorder Recorder, Credential Participant, string RoundId, string[] Notes);

    private static async Task<Voter> Voting(TestWorkshop workshop)
    {
        var amina = await workshop.Join("Amina");
        string[] notes = [await workshop.Post(amina, "Un café associatif"), await workshop.Post(amina, "Un local ouvert le soir")];
        await workshop.Run(new SetPhase(Phase.Vote));
        var roundId = (await workshop.Run(new OpenVoteRound(VoteSetup.Dots(4, 2))))!;
        var casting = new BallotCasting(new CommandRetries(workshop.Gateway, TimeProvider.System), NullLogger.Instance);
        var recorder = new StoreRecorder(casting, WorkshopSessionState.Initial with
        {
            Status = SessionStatus.Ready,
            Audience = Audience.Participants,
            WorkshopId = workshop.Id,
            Credential = amina,
            Shared = await workshop.Console(),
        });
        return new Voter(recorder, amina, roundId, notes);
    }

    [Fact]
    public async Task Quick_taps_are_sent_in_order_and_the_last_ballot_shown_is_the_one_stored()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var voter = await Voting(workshop);
        var (first, second) = (voter.Notes[0], voter.Notes[1]);
        var shown = new List<ImmutableDictionary<string, int>>();

        foreach (var (item, step) in new[] { (first, 1), (first, 1), (second, 1), (second, 1), (first, -1) })
        {
            voter.Recorder.Dispatch(new DotTapped(voter.RoundId, item, step));
            shown.Add(voter.Recorder.State.Ballot!.Marks);
        }

        var last = shown[^1];
        await voter.Recorder.Until(s => s.Ballot is { Saved: true } saved && VoteMarks.Same(saved.Marks, last), "the last ballot to be saved");
        var stored = Assert.Single((await workshop.Own(voter.Participant)).Ballots);
        Assert.True(VoteMarks.Same(last, stored.Marks));

        // Each ballot sent is one the phone showed, never one older than a ballot sent before it.
        var sent = voter.Recorder.Reduced<BallotSaved>().Select(saved => shown.FindLastIndex(marks => VoteMarks.Same(marks, saved.Marks))).ToList();
        Assert.DoesNotContain(-1, sent);
        Assert.Equal(sent.Order(), sent);
        Assert.Equal(shown.Count - 1, sent[^1]);
        Assert.Empty(voter.Recorder.Reduced<CommandRefused>());
    }

    [Fact]
    public async Task A_refused_ballot_is_shown_and_the_stored_one_shows_again()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var voter = await Voting(workshop);

        voter.Recorder.Dispatch(new BallotChanged("no-such-round", ImmutableDictionary<string, int>.Empty.Add(voter.Notes[0], 1)));

        var refused = await voter.Recorder.UntilReduced<CommandRefused>("the refusal");
        Assert.Equal(new Notice(WorkshopError.UnknownVoteRound), refused.Notice);
        Assert.Null(voter.Recorder.State.Ballot);
        Assert.Equal(refused.Notice, voter.Recorder.State.Notice);
    }
}
