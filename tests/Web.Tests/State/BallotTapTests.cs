using System.Collections.Immutable;
using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.State;

/// <summary>Taps on a phone's ballot, applied to the ballot as it is when they arrive (not as it was drawn).</summary>
public class BallotTapTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly WorkshopHeader Header = new("w1", "Atelier", null, [new ColumnView("c1", "Idées")], "ABC234", ParticipationCounts.Zero, At, Phase.Vote, WallSettings.Default, WorkshopLocks.Open, TimerView.Idle, null, 0);
    private static readonly ParticipantView Me = new("p1", "Amina", Presence.Room, At, false);

    private static ImmutableDictionary<string, int> Marks(params (string Item, int Count)[] marks) => marks.ToImmutableDictionary(m => m.Item, m => m.Count);

    private static VoteRoundView Round(VoteSetup setup, params string[] items) =>
        new("v1", 1, setup, RoundStatus.Open, [.. items.Select(i => new VoteItem(i, i))], 0, null, [], At);

    private static WorkshopSessionState Showing(VoteRoundView round, ImmutableDictionary<string, int>? stored = null) =>
        WorkshopSessionState.Initial with
        {
            Status = SessionStatus.Ready,
            WorkshopId = "w1",
            Shared = AudienceModel.From(Deltas.View(Audience.Participants, Header, rounds: [round]), 1),
            Own = new OwnModel(1, Me, ImmutableDictionary<string, NoteView>.Empty, stored is null
                ? Deltas.NoBallots
                : Deltas.Stored(new OwnBallot("v1", stored))),
        };

    private static WorkshopSessionState Reduce(WorkshopSessionState state, params IAction[] actions) => actions.Aggregate(state, WorkshopReducers.Reduce);

    [Fact]
    public void Quick_taps_all_count_on_top_of_the_stored_ballot_within_the_cap_and_the_budget()
    {
        var state = Showing(Round(VoteSetup.Dots(4, 2), "n1", "n2"), stored: Marks(("n2", 1)));

        var tapped = Reduce(state, new DotTapped("v1", "n1", 1), new DotTapped("v1", "n1", 1), new DotTapped("v1", "n1", 1), new DotTapped("v1", "n2", 1), new DotTapped("v1", "n2", 1));

        Assert.Equal(Marks(("n1", 2), ("n2", 2)), tapped.Ballot!.Marks);
        Assert.False(tapped.Ballot.Saved);
        Assert.Equal(Marks(("n1", 1), ("n2", 2)), Reduce(tapped, new DotTapped("v1", "n1", -1)).Ballot!.Marks);
    }

    [Fact]
    public void Taps_on_an_item_that_is_gone_or_a_round_that_is_closed_change_nothing()
    {
        var state = Showing(Round(VoteSetup.Dots(4, 2), "n1"));

        Assert.Same(state, Reduce(state, new DotTapped("v1", "n9", 1)));
        Assert.Same(state, Reduce(state, new DotTapped("v2", "n1", 1)));
        var closed = Showing(Round(VoteSetup.Dots(4, 2), "n1") with { Status = RoundStatus.Closed });
        Assert.Same(closed, Reduce(closed, new DotTapped("v1", "n1", 1)));
    }

    [Fact]
    public void Marks_on_items_that_are_gone_are_dropped_from_the_next_ballot()
    {
        var state = Showing(Round(VoteSetup.Dots(4, 2), "n1"), stored: Marks(("n1", 1), ("hidden", 2)));

        Assert.Equal(Marks(("n1", 2)), Reduce(state, new DotTapped("v1", "n1", 1)).Ballot!.Marks);
    }

    [Fact]
    public void Ticking_options_keeps_one_in_a_single_choice_poll_and_several_in_a_multiple_choice_one()
    {
        var single = Showing(Round(VoteSetup.Poll("Quand ?", ["Samedi", "Mardi"]), "o1", "o2"));
        var multiple = Showing(Round(VoteSetup.Poll("Quoi ?", ["Café", "Thé"], multipleChoice: true), "o1", "o2"));

        Assert.Equal(Marks(("o2", 1)), Reduce(single, new ChoiceToggled("v1", "o1"), new ChoiceToggled("v1", "o2")).Ballot!.Marks);
        Assert.Equal(Marks(("o1", 1), ("o2", 1)), Reduce(multiple, new ChoiceToggled("v1", "o1"), new ChoiceToggled("v1", "o2")).Ballot!.Marks);
        Assert.Empty(Reduce(multiple, new ChoiceToggled("v1", "o1"), new ChoiceToggled("v1", "o1")).Ballot!.Marks);
    }

    [Fact]
    public void A_saved_draft_gives_way_to_the_stored_ballot_once_it_arrives_or_when_another_device_changes_it()
    {
        var round = Round(VoteSetup.Dots(4, 2), "n1", "n2");
        var saved = Reduce(Showing(round), new DotTapped("v1", "n1", 1), new BallotSaved("v1", Marks(("n1", 1))));
        Assert.True(saved.Ballot!.Saved);

        var before = saved.Own;
        var stored = before!.Apply(Deltas.OwnBallots("p1", new OwnBallot("v1", Marks(("n1", 1)))), 2);
        var elsewhere = before.Apply(Deltas.OwnBallots("p1", new OwnBallot("v1", Marks(("n2", 2)))), 2);

        Assert.Null(Ballots.AfterOwnChange(saved.Ballot, before, stored));
        Assert.Null(Ballots.AfterOwnChange(saved.Ballot, before, elsewhere));
        Assert.Same(saved.Ballot, Ballots.AfterOwnChange(saved.Ballot, before, before));
        var sending = saved.Ballot with { Saved = false };
        Assert.Same(sending, Ballots.AfterOwnChange(sending, before, elsewhere));
    }

    [Fact]
    public void A_ballot_saved_after_the_own_slice_already_holds_it_is_dropped_at_once()
    {
        var round = Round(VoteSetup.Dots(4, 2), "n1");
        var sending = Reduce(Showing(round, stored: Marks(("n1", 1))) with { Ballot = new BallotDraft("v1", Marks(("n1", 1)), false) });

        Assert.Null(Reduce(sending, new BallotSaved("v1", Marks(("n1", 1)))).Ballot);
    }
}
