using System.Collections.Immutable;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

/// <summary>Vote rules found in review: closed results that stay put, merges that chain, the wall a dot vote needs, quiet deltas.</summary>
public class ReviewedVoteRulesTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote);

    private static ImmutableDictionary<string, int> Marks(params (string Item, int Count)[] marks) => marks.ToImmutableDictionary(m => m.Item, m => m.Count);

    private string Open(VoteSetup setup)
    {
        var id = _workshop.Decide(Actor.Facilitator, new OpenVoteRound(setup)).Value!;
        _workshop.Facilitate(new OpenVoteRound(setup));
        return id;
    }

    private VoteRoundView View(string roundId, Audience audience = Audience.Participants) =>
        WorkshopProjection.View(_workshop.State, audience).Rounds.Single(r => r.Id == roundId);

    [Fact]
    public void A_closed_dot_vote_keeps_its_results_when_a_note_it_counted_is_deleted_and_counts_live_again_once_reopened()
    {
        _workshop.WithNote(_workshop.ParticipantId("amina"), "Un tiers-lieu").WithNote(_workshop.ParticipantId("bruno"), "Une navette");
        var (lieu, navette) = (_workshop.NoteId("Un tiers-lieu"), _workshop.NoteId("Une navette"));
        var round = Open(VoteSetup.Dots(5, 3));
        _workshop.Do(_workshop.Participant("bruno"), new CastBallot(round, Marks((lieu, 3), (navette, 1))));
        _workshop.Facilitate(new SetPaperVotes(round, lieu, 7));
        _workshop.Facilitate(new CloseVoteRound(round));

        var deletion = _workshop.Change(_workshop.Participant("amina"), new DeleteNote(lieu));

        var closed = View(round);
        Assert.Equal(["Un tiers-lieu", "Une navette"], closed.Items.Select(i => i.Label));
        Assert.Equal(new VoteTally(lieu, "Un tiers-lieu", 0, 3, 7), closed.Results!.Tallies.Single(t => t.ItemId == lieu));
        Assert.Empty(deletion.Participants.Rounds.Upserts);

        _workshop.Facilitate(new ReopenVoteRound(round));
        Assert.Equal([navette], View(round).Items.Select(i => i.Id));
        Assert.Equal(1, View(round).Results!.Tallies.Sum(t => t.Total));
    }

    [Fact]
    public void A_word_merged_into_a_word_that_was_merged_away_counts_for_the_word_kept()
    {
        var cloud = Open(VoteSetup.WordCloud("Comment venir ?"));
        _workshop.Do(_workshop.Participant("amina"), new CastBallot(cloud, Marks(("velo", 1), ("bicyclette", 1))));
        _workshop.Do(_workshop.Participant("bruno"), new CastBallot(cloud, Marks(("vélo", 1))));
        _workshop.Facilitate(new MergeWords(cloud, ["velo"], "vélo"));

        _workshop.Facilitate(new MergeWords(cloud, ["bicyclette"], "velo"));

        var tally = Assert.Single(View(cloud).Results!.Tallies);
        Assert.Equal("vélo", tally.ItemId);
        Assert.Equal(2, tally.Total);
    }

    [Fact]
    public void Only_answers_on_the_cloud_can_be_merged()
    {
        var cloud = Open(VoteSetup.WordCloud("Comment venir ?"));
        _workshop.Do(_workshop.Participant("amina"), new CastBallot(cloud, Marks(("velo", 1))));

        AssertRefused(WorkshopError.UnknownVoteItem, _workshop.Decide(Actor.Facilitator, new MergeWords(cloud, ["trottinette"], "velo")));
    }

    [Fact]
    public void A_dot_vote_needs_the_wall_shown_to_participants_and_keeps_it_shown_while_it_is_open()
    {
        _workshop.WithSettings(s => s with { ParticipantsSeeWall = false });

        AssertRefused(WorkshopError.VoteNeedsWall, _workshop.Decide(Actor.Facilitator, new OpenVoteRound(VoteSetup.Dots(5, 3))));
        Assert.True(_workshop.Decide(Actor.Facilitator, new OpenVoteRound(VoteSetup.Poll("Un second atelier ?", ["Oui", "Non"]))).IsAccepted);

        _workshop.WithSettings(s => s with { ParticipantsSeeWall = true });
        var round = Open(VoteSetup.Dots(5, 3));
        AssertRefused(WorkshopError.VoteNeedsWall, _workshop.Decide(Actor.Facilitator, new SetWallSetting(WallSetting.ParticipantsSeeWall, false)));

        _workshop.Facilitate(new CloseVoteRound(round));
        _workshop.Facilitate(new SetWallSetting(WallSetting.ParticipantsSeeWall, false));
        AssertRefused(WorkshopError.VoteNeedsWall, _workshop.Decide(Actor.Facilitator, new ReopenVoteRound(round)));
    }

    [Fact]
    public void A_note_change_resends_the_open_dot_vote_only_when_what_one_may_vote_for_changed()
    {
        _workshop.WithSettings(s => s with { PreModeration = true });
        var round = Open(VoteSetup.Dots(5, 3));

        var pending = _workshop.Change(_workshop.Participant("amina"), new AddNote("c1", "En attente", NoteColour.Yellow));
        Assert.Empty(pending.Participants.Rounds.Upserts);

        var accepted = _workshop.ChangeByFacilitator(new ModerateNote(_workshop.NoteId("En attente"), ModerationAction.Approve));
        Assert.Equal(["En attente"], Assert.Single(accepted.Participants.Rounds.Upserts).Items.Select(i => i.Label));
        Assert.Equal(round, accepted.Participants.Rounds.Upserts[0].Id);
    }
}
