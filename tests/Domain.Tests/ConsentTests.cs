using System.Collections.Immutable;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class ConsentTests
{
    private readonly WorkshopBuilder _workshop;
    private readonly string _recommendation;

    public ConsentTests()
    {
        _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote).WithParticipant("chloe");
        _workshop.Facilitate(new AddRecommendation("Ouvrir un lieu le soir", "Avec des bénévoles du quartier.", []));
        _recommendation = _workshop.State.Recommendations.Values.Single().Id;
    }

    private static ImmutableDictionary<string, int> Answer(string answer) => ImmutableDictionary<string, int>.Empty.Add(answer, 1);

    private string OpenConsent()
    {
        _workshop.Facilitate(new OpenVoteRound(VoteSetup.Consent(_recommendation)));
        return _workshop.State.Rounds.Values.MaxBy(r => r.Seq)!.Id;
    }

    private Decision Give(string name, string roundId, string answer, string? reason = null) =>
        _workshop.Decide(_workshop.Participant(name), new CastBallot(roundId, Answer(answer), reason));

    private VoteRoundView View(string roundId, Audience audience) => WorkshopProjection.RoundFor(_workshop.State, _workshop.State.Rounds[roundId], audience);

    [Fact]
    public void A_consent_round_asks_about_its_recommendation_with_three_answers()
    {
        var round = OpenConsent();

        var setup = _workshop.State.Rounds[round].Setup;
        Assert.Equal(VoteKind.Consent, setup.Kind);
        Assert.Equal("Ouvrir un lieu le soir", setup.Question);
        Assert.Equal(_recommendation, setup.Subject);
        Assert.Equal(ConsentAnswers.All, View(round, Audience.Participants).Items.Select(i => i.Id));
        AssertRefused(WorkshopError.UnknownRecommendation, _workshop.Decide(Actor.Facilitator, new OpenVoteRound(VoteSetup.Consent("r999"))));
        AssertRefused(WorkshopError.UnknownRecommendation, _workshop.Decide(Actor.Facilitator, new OpenVoteRound(VoteSetup.Consent(null!))));
    }

    [Fact]
    public void Answers_are_counted_by_room_remote_and_paper_and_an_answer_given_twice_counts_once()
    {
        var round = OpenConsent();
        _workshop.Do(_workshop.Participant("amina"), new CastBallot(round, Answer(ConsentAnswers.Agree)));
        _workshop.Do(_workshop.Participant("bruno"), new CastBallot(round, Answer(ConsentAnswers.LiveWith)));
        _workshop.Do(_workshop.Participant("chloe"), new CastBallot(round, Answer(ConsentAnswers.Agree)));
        _workshop.Facilitate(new SetPaperVotes(round, ConsentAnswers.Objection, 2));

        AssertUnchanged(_workshop.State, Give("amina", round, ConsentAnswers.Agree));
        var tallies = View(round, Audience.Facilitator).Results!.Tallies.ToDictionary(t => t.ItemId);
        Assert.Equal((2, 0, 0), (tallies[ConsentAnswers.Agree].Room, tallies[ConsentAnswers.Agree].Remote, tallies[ConsentAnswers.Agree].Paper));
        Assert.Equal((0, 1, 0), (tallies[ConsentAnswers.LiveWith].Room, tallies[ConsentAnswers.LiveWith].Remote, tallies[ConsentAnswers.LiveWith].Paper));
        Assert.Equal(2, tallies[ConsentAnswers.Objection].Paper);
        Assert.Equal(3, View(round, Audience.Facilitator).Voters);
    }

    [Fact]
    public void An_objection_keeps_its_reason_until_the_answer_changes()
    {
        var round = OpenConsent();

        _workshop.Do(_workshop.Participant("amina"), new CastBallot(round, Answer(ConsentAnswers.Objection), "  Le soir, les familles ne viennent pas.\n"));
        AssertUnchanged(_workshop.State, Give("amina", round, ConsentAnswers.Objection));
        Assert.Equal("Le soir, les familles ne viennent pas.", _workshop.State.Rounds[round].Ballots[_workshop.ParticipantId("amina")].Reason);

        _workshop.Do(_workshop.Participant("amina"), new CastBallot(round, Answer(ConsentAnswers.Objection), "Personne pour tenir les clés."));
        Assert.Equal(["Personne pour tenir les clés."], View(round, Audience.Facilitator).Reasons.AsEnumerable());
        Assert.Equal("Personne pour tenir les clés.", WorkshopProjection.Own(_workshop.State, _workshop.ParticipantId("amina")).Ballots.Single().Reason);

        _workshop.Do(_workshop.Participant("amina"), new CastBallot(round, Answer(ConsentAnswers.LiveWith), "ignorée"));
        Assert.Null(_workshop.State.Rounds[round].Ballots[_workshop.ParticipantId("amina")].Reason);
        Assert.Empty(View(round, Audience.Facilitator).Reasons);
    }

    [Fact]
    public void Bad_consent_answers_are_refused_and_change_nothing()
    {
        var round = OpenConsent();
        _workshop.Facilitate(new SetParticipantBlocked(_workshop.ParticipantId("chloe"), true));

        AssertRefused(WorkshopError.ObjectionReasonTooLong, Give("amina", round, ConsentAnswers.Objection, new string('x', Limits.ObjectionReasonMaxLength + 1)), Limits.ObjectionReasonMaxLength);
        AssertRefused(WorkshopError.UnknownVoteItem, Give("amina", round, "peut-être"));
        AssertRefused(WorkshopError.InvalidBallot, _workshop.Decide(_workshop.Participant("amina"), new CastBallot(round, Answer(ConsentAnswers.Agree).Add(ConsentAnswers.Objection, 1))));
        AssertRefused(WorkshopError.ParticipantBlocked, Give("chloe", round, ConsentAnswers.Agree));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Facilitator, new CastBallot(round, Answer(ConsentAnswers.Agree))));
        Assert.True(Give("amina", round, ConsentAnswers.Objection, new string('x', Limits.ObjectionReasonMaxLength)).IsAccepted);

        _workshop.Facilitate(new CloseVoteRound(round));
        AssertRefused(WorkshopError.VoteRoundClosed, Give("amina", round, ConsentAnswers.Agree));
        Assert.Empty(_workshop.State.Rounds[round].Ballots);
    }

    [Fact]
    public void The_facilitator_follows_the_answers_live_and_the_room_sees_them_when_the_round_closes()
    {
        var round = OpenConsent();
        _workshop.Do(_workshop.Participant("amina"), new CastBallot(round, Answer(ConsentAnswers.Objection), "Trop cher."));

        Assert.NotNull(View(round, Audience.Facilitator).Results);
        Assert.Equal(["Trop cher."], View(round, Audience.Facilitator).Reasons.AsEnumerable());
        Assert.Null(View(round, Audience.Projector).Results);
        Assert.Empty(View(round, Audience.Projector).Reasons);
        Assert.Null(View(round, Audience.Participants).Results);

        _workshop.Facilitate(new CloseVoteRound(round));

        Assert.Equal(1, View(round, Audience.Projector).Results!.Tallies.Single(t => t.ItemId == ConsentAnswers.Objection).Room);
        Assert.Equal(["Trop cher."], View(round, Audience.Participants).Reasons.AsEnumerable());
    }
}
