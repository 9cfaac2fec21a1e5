using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

/// <summary>Which round the projector shows: the open one by itself, a closed one's results through the spotlight.</summary>
public class VoteSpotlightTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private string Open(string question)
    {
        var opened = _workshop.Decide(Actor.Facilitator, new OpenVoteRound(VoteSetup.Poll(question, ["Oui", "Non"])));
        _workshop.Facilitate(new OpenVoteRound(VoteSetup.Poll(question, ["Oui", "Non"])));
        return opened.Value!;
    }

    private static SpotlightView Results(string roundId) => new(SpotlightKind.VoteRound, roundId);

    [Fact]
    public void Closing_a_round_puts_its_results_in_the_spotlight()
    {
        var round = Open("Un second atelier ?");

        var decision = _workshop.Decide(Actor.Facilitator, new CloseVoteRound(round));

        Assert.Equal<WorkshopEvent>([new VoteRoundClosed(round), new SpotlightChanged(Spotlight.Of(Results(round)))], decision.Events.AsEnumerable());
        _workshop.Facilitate(new CloseVoteRound(round));
        Assert.Equal(Results(round), WorkshopProjection.View(_workshop.State, Audience.Projector).Header.Spotlight);
    }

    [Fact]
    public void Opening_or_reopening_a_round_takes_closed_results_out_of_the_spotlight_but_leaves_a_note_there()
    {
        var first = Open("Un second atelier ?");
        _workshop.Facilitate(new CloseVoteRound(first));

        var second = Open("Quel créneau ?");
        Assert.Null(_workshop.State.Spotlight);

        _workshop.Facilitate(new CloseVoteRound(second));
        _workshop.Facilitate(new ReopenVoteRound(first));
        Assert.Null(_workshop.State.Spotlight);
        Assert.Equal(RoundStatus.Open, _workshop.State.Rounds[first].Status);

        _workshop.WithNote(_workshop.ParticipantId("amina"), "Une idée à montrer");
        var note = new SpotlightView(SpotlightKind.Note, _workshop.NoteId("Une idée à montrer"));
        _workshop.Facilitate(new SetSpotlight(note));
        Open("Encore une question ?");
        Assert.Equal(Spotlight.Of(note), _workshop.State.Spotlight);
    }

    [Fact]
    public void Discarding_a_round_in_the_spotlight_clears_the_spotlight()
    {
        var round = Open("Un second atelier ?");
        _workshop.Facilitate(new CloseVoteRound(round));

        _workshop.Facilitate(new DiscardVoteRound(round));

        Assert.Null(_workshop.State.Spotlight);
        Assert.Empty(_workshop.State.Rounds);
    }

    [Fact]
    public void Only_a_round_that_exists_goes_in_the_spotlight_and_only_by_the_facilitator()
    {
        var round = Open("Un second atelier ?");

        AssertRefused(WorkshopError.UnknownVoteRound, _workshop.Decide(Actor.Facilitator, new SetSpotlight(Results("v999"))));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), new SetSpotlight(Results(round))));
        Assert.True(_workshop.Decide(Actor.Facilitator, new SetSpotlight(Results(round))).IsAccepted);
    }
}
