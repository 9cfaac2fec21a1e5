using System.Collections.Immutable;
using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.State;

public class BallotStateTests
{
    private const string WorkshopId = "w1";
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly WorkshopHeader Header = new(WorkshopId, "Atelier", null, [new ColumnView("c1", "Idées")], "ABC234", ParticipationCounts.Zero, At, Phase.Vote, WallSettings.Default, WorkshopLocks.Open, TimerView.Idle, null, 0);
    private static readonly ParticipantView Me = new("p1", "Amina", Presence.Room, At, false);

    private static ImmutableDictionary<string, int> Marks(params (string Item, int Count)[] marks) =>
        marks.ToImmutableDictionary(m => m.Item, m => m.Count);

    private static VoteRoundView Round(string id, long seq, RoundStatus status = RoundStatus.Open, int voters = 0) => new(
        id,
        seq,
        VoteSetup.Poll("Quel créneau ?", ["Samedi", "Dimanche"]),
        status,
        [new VoteItem("o1", "Samedi"), new VoteItem("o2", "Dimanche")],
        voters,
        new VoteResults([new VoteTally("o1", "Samedi", voters, 0, 0), new VoteTally("o2", "Dimanche", 0, 0, 0)]),
        [],
        At);

    private static AudienceModel Model(params VoteRoundView[] rounds) =>
        AudienceModel.From(Deltas.View(Audience.Participants, Header, rounds: [.. rounds]), 1);

    private static AudienceDelta RoundsDelta(ImmutableArray<VoteRoundView> rounds, ImmutableArray<string> removed) => Deltas.Rounds(rounds, removed);

    private static OwnDelta Ballots(params OwnBallot[] ballots) => Deltas.OwnBallots("p1", ballots);

    private static WorkshopSessionState Reduce(WorkshopSessionState state, params IAction[] actions) =>
        actions.Aggregate(state, WorkshopReducers.Reduce);

    private static readonly WorkshopSessionState Voting = Reduce(
        WorkshopSessionState.Initial,
        new OpenWorkshop(WorkshopId, Audience.Participants, Credential.Participant("p1", "participant-key-0001-0123456789abcdef")));

    [Fact]
    public void A_changed_ballot_is_shown_at_once_as_not_yet_saved_and_clears_the_notice()
    {
        var refused = Voting with { Notice = new Notice(WorkshopError.OverBudget, 5) };

        var state = Reduce(refused, new BallotChanged("v1", Marks(("n1", 2), ("n2", 1))));

        Assert.Equal("v1", state.Ballot!.RoundId);
        Assert.Equal(Marks(("n1", 2), ("n2", 1)), state.Ballot.Marks);
        Assert.False(state.Ballot.Saved);
        Assert.Null(state.Notice);
    }

    [Fact]
    public void A_new_change_after_a_save_makes_the_draft_unsaved_again()
    {
        var saved = Reduce(Voting, new BallotChanged("v1", Marks(("o1", 1))), new BallotSaved("v1", Marks(("o1", 1))));
        Assert.True(saved.Ballot!.Saved);

        var state = Reduce(saved, new BallotChanged("v1", Marks(("o2", 1))));

        Assert.False(state.Ballot!.Saved);
        Assert.Equal(Marks(("o2", 1)), state.Ballot.Marks);
    }

    [Fact]
    public void A_saved_ballot_marks_the_draft_saved_when_round_and_marks_are_the_same()
    {
        var changed = Reduce(Voting, new BallotChanged("v1", Marks(("n1", 2), ("n2", 1))));

        var state = Reduce(changed, new BallotSaved("v1", Marks(("n2", 1), ("n1", 2))));

        Assert.True(state.Ballot!.Saved);
        Assert.Equal(Marks(("n1", 2), ("n2", 1)), state.Ballot.Marks);
    }

    [Fact]
    public void A_stale_saved_ballot_for_older_marks_leaves_the_newer_draft_unsaved()
    {
        var older = Marks(("n1", 1));
        var newer = Marks(("n1", 2));
        var sent = Reduce(Voting, new BallotChanged("v1", older), new BallotChanged("v1", newer));

        var stale = Reduce(sent, new BallotSaved("v1", older));

        Assert.False(stale.Ballot!.Saved);
        Assert.Equal(newer, stale.Ballot.Marks);
        Assert.True(Reduce(stale, new BallotSaved("v1", newer)).Ballot!.Saved);
    }

    [Fact]
    public void A_saved_ballot_with_other_counts_more_or_fewer_items_or_another_round_does_not_mark_the_draft_saved()
    {
        var changed = Reduce(Voting, new BallotChanged("v1", Marks(("n1", 2), ("n2", 1))));

        Assert.False(Reduce(changed, new BallotSaved("v1", Marks(("n1", 1), ("n2", 1)))).Ballot!.Saved);
        Assert.False(Reduce(changed, new BallotSaved("v1", Marks(("n1", 2)))).Ballot!.Saved);
        Assert.False(Reduce(changed, new BallotSaved("v1", Marks(("n1", 2), ("n2", 1), ("n3", 1)))).Ballot!.Saved);
        Assert.False(Reduce(changed, new BallotSaved("v1", Marks(("n1", 2), ("n3", 1)))).Ballot!.Saved);
        Assert.False(Reduce(changed, new BallotSaved("v2", Marks(("n1", 2), ("n2", 1)))).Ballot!.Saved);
    }

    [Fact]
    public void A_saved_ballot_without_a_draft_changes_nothing()
    {
        Assert.Same(Voting, Reduce(Voting, new BallotSaved("v1", Marks(("o1", 1)))));
    }

    [Fact]
    public void A_withdrawn_ballot_is_saved_once_the_grain_stored_no_marks()
    {
        var withdrawn = Reduce(Voting, new BallotChanged("v1", Marks(("o1", 1))), new BallotChanged("v1", Marks()));

        Assert.False(withdrawn.Ballot!.Saved);
        Assert.False(Reduce(withdrawn, new BallotSaved("v1", Marks(("o1", 1)))).Ballot!.Saved);
        Assert.True(Reduce(withdrawn, new BallotSaved("v1", Marks())).Ballot!.Saved);
    }

    [Fact]
    public void A_refused_ballot_drops_the_draft_and_says_why()
    {
        var changed = Reduce(Voting, new BallotChanged("v1", Marks(("n1", 4))));

        var state = Reduce(changed, new CommandRefused(new CastBallot("v1", Marks(("n1", 4))), new Notice(WorkshopError.OverItemCap, 3)));

        Assert.Null(state.Ballot);
        Assert.Equal(new Notice(WorkshopError.OverItemCap, 3), state.Notice);
        Assert.IsType<CastBallot>(state.LastRefusal!.Command);
    }

    [Fact]
    public void A_refusal_of_an_older_ballot_keeps_the_newer_draft_on_its_way()
    {
        var newer = Reduce(Voting, new BallotChanged("v1", Marks(("n1", 4))), new BallotChanged("v1", Marks(("n1", 2))));

        var state = Reduce(newer, new CommandRefused(new CastBallot("v1", Marks(("n1", 4))), new Notice(WorkshopError.OverItemCap, 3)));

        Assert.Same(newer.Ballot, state.Ballot);
        Assert.Equal(new Notice(WorkshopError.OverItemCap, 3), state.Notice);
    }

    [Fact]
    public void A_refusal_of_another_command_keeps_the_ballot_draft()
    {
        var saved = Reduce(Voting, new BallotChanged("v1", Marks(("o2", 1))), new BallotSaved("v1", Marks(("o2", 1))));

        var state = Reduce(saved, new CommandRefused(new DeleteNote("n1"), new Notice(WorkshopError.NotesLocked)));

        Assert.Same(saved.Ballot, state.Ballot);
        Assert.True(state.Ballot!.Saved);
        Assert.Equal(new Notice(WorkshopError.NotesLocked), state.Notice);
    }

    [Fact]
    public void Rounds_in_a_delta_are_added_or_replaced_by_id_and_the_others_keep_their_reference()
    {
        var model = Model(Round("v1", 1, RoundStatus.Closed), Round("v2", 2));
        var counted = Round("v2", 2, voters: 3);

        var next = model.Apply(RoundsDelta([counted, Round("v3", 3)], []), 2);

        Assert.Equal(2, next.Version);
        Assert.Equal(["v1", "v2", "v3"], next.Rounds.Keys.Order());
        Assert.Same(counted, next.Rounds["v2"]);
        Assert.Equal(3, next.Rounds["v2"].Voters);
        Assert.Same(model.Rounds["v1"], next.Rounds["v1"]);
        Assert.Equal(0, model.Rounds["v2"].Voters);
    }

    [Fact]
    public void Removed_rounds_leave_the_model_and_the_view()
    {
        var model = Model(Round("v1", 1, RoundStatus.Closed), Round("v2", 2));

        var next = model.Apply(RoundsDelta([], ["v2"]), 2);

        Assert.Equal(["v1"], next.Rounds.Keys);
        Assert.Null(next.OpenRound);
        Assert.Equal(["v1"], next.ToView().Rounds.Select(r => r.Id));
    }

    [Fact]
    public void A_round_removed_and_sent_again_in_one_delta_is_kept()
    {
        var model = Model(Round("v1", 1));
        var closed = Round("v1", 1, RoundStatus.Closed);

        var next = model.Apply(RoundsDelta([closed], ["v1"]), 2);

        Assert.Same(closed, next.Rounds["v1"]);
    }

    [Fact]
    public void A_delta_without_rounds_keeps_the_rounds_by_reference()
    {
        var model = Model(Round("v1", 1));

        var next = model.Apply(AudienceDelta.Empty, 2);

        Assert.Same(model.Rounds, next.Rounds);
    }

    [Fact]
    public void The_open_round_is_the_current_one_even_when_a_later_round_is_closed()
    {
        var model = Model(Round("v9", 9, RoundStatus.Closed), Round("v4", 4), Round("v12", 12, RoundStatus.Closed));

        Assert.Equal("v4", model.OpenRound!.Id);
        Assert.Equal("v4", model.CurrentRound!.Id);
    }

    [Fact]
    public void Without_an_open_round_the_current_one_is_the_latest_by_seq()
    {
        var model = Model(Round("v9", 9, RoundStatus.Closed), Round("v4", 4, RoundStatus.Closed), Round("v12", 12, RoundStatus.Closed), Round("v7", 7, RoundStatus.Closed));

        Assert.Null(model.OpenRound);
        Assert.Equal("v12", model.CurrentRound!.Id);
    }

    [Fact]
    public void Closing_the_open_round_through_a_delta_keeps_it_current_when_it_is_the_latest()
    {
        var model = Model(Round("v1", 1, RoundStatus.Closed), Round("v5", 5));

        var next = model.Apply(RoundsDelta([Round("v5", 5, RoundStatus.Closed)], []), 2);

        Assert.Null(next.OpenRound);
        Assert.Equal("v5", next.CurrentRound!.Id);
        Assert.Equal(RoundStatus.Closed, next.CurrentRound.Status);
    }

    [Fact]
    public void Without_rounds_there_is_no_open_nor_current_round()
    {
        var model = Model();

        Assert.Null(model.OpenRound);
        Assert.Null(model.CurrentRound);
    }

    [Fact]
    public void Own_ballots_are_read_by_round()
    {
        var own = OwnModel.From(new OwnView(4, Me, [], [new OwnBallot("v1", Marks(("o1", 1))), new OwnBallot("v2", Marks(("n1", 2)))]));

        Assert.Equal(4, own.Version);
        Assert.Equal(Marks(("o1", 1)), own.Ballots["v1"].Marks);
        Assert.Equal(Marks(("n1", 2)), own.Ballots["v2"].Marks);
    }

    [Fact]
    public void An_own_ballot_is_set_then_replaced_by_the_next_one_for_its_round()
    {
        var own = new OwnModel(3, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.NoBallots);

        var cast = own.Apply(Ballots(new OwnBallot("v1", Marks(("n1", 2), ("n2", 1)))), 4);
        var recast = cast.Apply(Ballots(new OwnBallot("v1", Marks(("n3", 1)))), 5);

        Assert.Equal(4, cast.Version);
        Assert.Equal(Marks(("n1", 2), ("n2", 1)), cast.Ballots["v1"].Marks);
        Assert.Equal(5, recast.Version);
        Assert.Equal(["v1"], recast.Ballots.Keys);
        Assert.Equal(Marks(("n3", 1)), recast.Ballots["v1"].Marks);
    }

    [Fact]
    public void A_withdrawn_own_ballot_is_removed_and_the_other_rounds_stay()
    {
        var own = new OwnModel(3, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.NoBallots)
            .Apply(Ballots(new OwnBallot("v1", Marks(("o1", 1))), new OwnBallot("v2", Marks(("o2", 1)))), 4);

        var withdrawn = own.Apply(Deltas.Withdrawn("p1", "v1"), 5);

        Assert.Equal(["v2"], withdrawn.Ballots.Keys);
        Assert.Equal(Marks(("o2", 1)), withdrawn.Ballots["v2"].Marks);
        Assert.Equal(["v2"], withdrawn.Apply(Deltas.Withdrawn("p1", "v9"), 6).Ballots.Keys);
    }

    [Fact]
    public void An_own_ballot_older_than_the_slice_is_ignored()
    {
        var own = new OwnModel(7, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.Stored(new OwnBallot("v1", Marks(("o1", 1)))));

        Assert.Same(own, own.Apply(Ballots(new OwnBallot("v1", Marks(("o2", 1)))), 7));
        Assert.Same(own, own.Apply(Deltas.Withdrawn("p1", "v1"), 6));
        Assert.Equal(Marks(("o2", 1)), own.Apply(Ballots(new OwnBallot("v1", Marks(("o2", 1)))), 8).Ballots["v1"].Marks);
    }
}
