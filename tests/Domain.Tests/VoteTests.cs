using System.Collections.Immutable;
using System.Text.Json;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class VoteTests
{
    private static readonly Audience[] Audiences = [Audience.Facilitator, Audience.Projector, Audience.Participants];

    private readonly WorkshopBuilder _workshop;
    private readonly string _lieu;
    private readonly string _jardins;
    private readonly string _navette;

    public VoteTests()
    {
        _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote).WithParticipant("chloe");
        _workshop
            .WithNote(_workshop.ParticipantId("amina"), "Un tiers-lieu")
            .WithNote(_workshop.ParticipantId("bruno"), "Des jardins partagés", "c2")
            .WithNote(_workshop.ParticipantId("chloe"), "Une navette");
        (_lieu, _jardins, _navette) = (_workshop.NoteId("Un tiers-lieu"), _workshop.NoteId("Des jardins partagés"), _workshop.NoteId("Une navette"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static ImmutableDictionary<string, int> Marks(params (string Item, int Count)[] marks) =>
        marks.ToImmutableDictionary(m => m.Item, m => m.Count);

    private static ImmutableDictionary<string, int> Words(params string[] answers) => answers.ToImmutableDictionary(a => a, _ => 1);

    private Decision Facilitate(WorkshopCommand command) => _workshop.Decide(Actor.Facilitator, command);

    /// <summary>Opens a round through the domain and returns its id.</summary>
    private string Open(VoteSetup setup)
    {
        var decision = Facilitate(new OpenVoteRound(setup));
        Assert.True(decision.IsAccepted, $"opening {setup} was refused: {decision.Error}");
        _workshop.Facilitate(new OpenVoteRound(setup));
        Assert.Equal(decision.Value, _workshop.State.Rounds.Values.MaxBy(r => r.Seq)!.Id);
        return decision.Value!;
    }

    private string OpenDots(int budget = 5, int cap = 3, bool anonymous = true, bool hideResults = false) =>
        Open(VoteSetup.Dots(budget, cap, anonymous: anonymous, hideResults: hideResults));

    private Decision Cast(string name, string roundId, ImmutableDictionary<string, int> marks) =>
        _workshop.Decide(_workshop.Participant(name), new CastBallot(roundId, marks));

    private Decision Cast(string name, string roundId, params (string Item, int Count)[] marks) => Cast(name, roundId, Marks(marks));

    private void Vote(string name, string roundId, ImmutableDictionary<string, int> marks) =>
        _workshop.Do(_workshop.Participant(name), new CastBallot(roundId, marks));

    private void Vote(string name, string roundId, params (string Item, int Count)[] marks) => Vote(name, roundId, Marks(marks));

    private VoteRound Round(string roundId) => _workshop.State.Rounds[roundId];

    private VoteRoundView View(string roundId, Audience audience = Audience.Facilitator) =>
        WorkshopProjection.View(_workshop.State, audience).Rounds.Single(r => r.Id == roundId);

    private VoteTally Tally(string roundId, string itemId, Audience audience = Audience.Facilitator) =>
        View(roundId, audience).Results!.Tallies.Single(t => t.ItemId == itemId);

    private static string Repeat(char c, int count) => new(c, count);

    // ---- opening each kind --------------------------------------------------------------------------------------

    [Fact]
    public void A_dot_vote_on_notes_offers_the_notes_on_the_wall()
    {
        var setup = VoteSetup.Dots(5, 3, title: "  Vos priorités ");
        var decision = Facilitate(new OpenVoteRound(setup));

        var opened = Assert.IsType<VoteRoundOpened>(Assert.Single(decision.Events)).Round;
        Assert.Equal(opened.Id, decision.Value);
        Assert.Equal(RoundStatus.Open, opened.Status);
        Assert.Equal("Vos priorités", opened.Setup.Question);
        Assert.Equal((5, 3), (opened.Setup.DotBudget, opened.Setup.DotCap));
        Assert.Empty(opened.Ballots);
        Assert.Equal(WorkshopBuilder.Now, opened.OpenedAt);

        _workshop.Facilitate(new OpenVoteRound(setup));
        var view = View(decision.Value!);
        Assert.Equal([_lieu, _jardins, _navette], view.Items.Select(i => i.Id));
        Assert.Equal(["Un tiers-lieu", "Des jardins partagés", "Une navette"], view.Items.Select(i => i.Label));
        Assert.Equal(0, view.Voters);
        Assert.All(view.Results!.Tallies, t => Assert.Equal(0, t.Total));
    }

    [Fact]
    public void A_dot_vote_on_themes_offers_the_themes()
    {
        _workshop.Facilitate(new CreateCluster("Lieux", [_lieu, _jardins])).Facilitate(new CreateCluster("Mobilité", [_navette]));

        var round = Open(VoteSetup.Dots(3, 2, VoteTarget.Themes));

        Assert.Equal([_workshop.ClusterId("Lieux"), _workshop.ClusterId("Mobilité")], View(round).Items.Select(i => i.Id));
        Assert.Equal(["Lieux", "Mobilité"], View(round).Items.Select(i => i.Label));
        Vote("amina", round, (_workshop.ClusterId("Lieux"), 2), (_workshop.ClusterId("Mobilité"), 1));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, (_lieu, 1)));
        Assert.Equal(2, Tally(round, _workshop.ClusterId("Lieux")).Room);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_poll_numbers_its_cleaned_options_and_keeps_whether_it_is_multiple_choice(bool multiple)
    {
        var decision = Facilitate(new OpenVoteRound(VoteSetup.Poll(" Quel soir ?\n", [" Lundi ", "Mardi", "", "Jeudi"], multiple)));

        var opened = Assert.IsType<VoteRoundOpened>(Assert.Single(decision.Events)).Round;
        Assert.Equal("Quel soir ?", opened.Setup.Question);
        Assert.Equal(multiple, opened.Setup.MultipleChoice);
        Assert.Equal([new RoundItem("o1", "Lundi"), new RoundItem("o2", "Mardi"), new RoundItem("o3", "Jeudi")], opened.Options.AsEnumerable());
        Assert.Equal(["Lundi", "Mardi", "Jeudi"], opened.Setup.Options.AsEnumerable());
        Assert.Equal((0, 0), (opened.Setup.DotBudget, opened.Setup.DotCap));
    }

    [Theory]
    [InlineData(ScaleRange.OneToFive, new[] { "1", "2", "3", "4", "5" })]
    [InlineData(ScaleRange.ZeroToTen, new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" })]
    public void A_scale_offers_each_of_its_values(ScaleRange scale, string[] values)
    {
        var round = Open(VoteSetup.ScaleOf("Le quartier manque de lieux", scale));

        Assert.Equal(values, View(round).Items.Select(i => i.Id));
        Assert.Equal(values, View(round).Items.Select(i => i.Label));
        Assert.Equal(scale, Round(round).Setup.Scale);
    }

    [Fact]
    public void A_word_cloud_starts_with_no_items_and_grows_with_the_answers()
    {
        var round = Open(VoteSetup.WordCloud("Un mot pour ce quartier ?"));
        Assert.Empty(View(round).Items);

        Vote("amina", round, Words("Vivant", "calme"));

        Assert.Equal(["calme", "vivant"], View(round).Items.Select(i => i.Id));
    }

    // ---- invalid setups -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 0)]
    [InlineData(-1, 1)]
    [InlineData(21, 1)]
    [InlineData(5, 0)]
    [InlineData(5, -1)]
    [InlineData(3, 4)]
    public void A_dot_budget_or_cap_out_of_bounds_is_refused(int budget, int cap) =>
        AssertRefused(WorkshopError.DotBudgetInvalid, Facilitate(new OpenVoteRound(VoteSetup.Dots(budget, cap))), Limits.DotBudgetMax);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(20, 20)]
    [InlineData(20, 1)]
    public void A_dot_budget_and_cap_at_the_bounds_are_accepted(int budget, int cap) =>
        Assert.True(Facilitate(new OpenVoteRound(VoteSetup.Dots(budget, cap))).IsAccepted);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(11)]
    public void A_poll_with_too_few_or_too_many_options_is_refused(int count) =>
        AssertRefused(WorkshopError.PollOptionsInvalid, Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", [.. Enumerable.Range(1, count).Select(i => $"choix {i}")]))), Limits.PollOptionsMax);

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void A_poll_with_two_to_ten_options_is_accepted(int count) =>
        Assert.True(Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", [.. Enumerable.Range(1, count).Select(i => $"choix {i}")]))).IsAccepted);

    [Fact]
    public void A_poll_whose_options_are_missing_or_blank_is_refused()
    {
        AssertRefused(WorkshopError.PollOptionsInvalid, Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", default))), Limits.PollOptionsMax);
        AssertRefused(WorkshopError.PollOptionsInvalid, Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", ["Lundi", "  ", "\t"]))), Limits.PollOptionsMax);
    }

    [Theory]
    [InlineData("Lundi", "Lundi")]
    [InlineData("Lundi", "  Lundi ")]
    public void A_poll_with_the_same_option_twice_is_refused(string one, string two) =>
        AssertRefused(WorkshopError.PollOptionsInvalid, Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", [one, "Mardi", two]))), Limits.PollOptionsMax);

    [Fact]
    public void A_poll_option_over_eighty_characters_is_refused_and_one_of_eighty_is_accepted()
    {
        Assert.True(Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", [Repeat('a', Limits.PollOptionMaxLength), "Mardi"]))).IsAccepted);
        AssertRefused(
            WorkshopError.PollOptionTooLong,
            Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", [Repeat('a', Limits.PollOptionMaxLength + 1), "Mardi"]))),
            Limits.PollOptionMaxLength);
    }

    public static TheoryData<VoteKind> Kinds => [VoteKind.Dots, VoteKind.Poll, VoteKind.Scale, VoteKind.WordCloud];

    private static VoteSetup SetupOf(VoteKind kind, string? question) => kind switch
    {
        VoteKind.Dots => VoteSetup.Dots(5, 3, title: question),
        VoteKind.Poll => VoteSetup.Poll(question!, ["Lundi", "Mardi"]),
        VoteKind.Scale => VoteSetup.ScaleOf(question!),
        _ => VoteSetup.WordCloud(question!),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_question_over_two_hundred_characters_is_refused_for_every_kind(VoteKind kind)
    {
        Assert.True(Facilitate(new OpenVoteRound(SetupOf(kind, Repeat('q', Limits.VoteQuestionMaxLength)))).IsAccepted);
        AssertRefused(WorkshopError.VoteQuestionTooLong, Facilitate(new OpenVoteRound(SetupOf(kind, Repeat('q', Limits.VoteQuestionMaxLength + 1)))), Limits.VoteQuestionMaxLength);
    }

    [Theory]
    [InlineData(VoteKind.Poll, null)]
    [InlineData(VoteKind.Poll, "")]
    [InlineData(VoteKind.Scale, null)]
    [InlineData(VoteKind.Scale, "   ")]
    [InlineData(VoteKind.WordCloud, null)]
    [InlineData(VoteKind.WordCloud, "\n\t")]
    public void A_poll_a_scale_or_a_word_cloud_without_a_question_is_refused(VoteKind kind, string? question) =>
        AssertRefused(WorkshopError.VoteQuestionRequired, Facilitate(new OpenVoteRound(SetupOf(kind, question))));

    [Fact]
    public void A_dot_vote_needs_no_title()
    {
        var round = Open(VoteSetup.Dots(5, 3, title: "  "));
        Assert.Null(Round(round).Setup.Question);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(Limits.TimerMaxSeconds + 1)]
    public void A_round_timer_out_of_range_is_refused(int seconds) =>
        AssertRefused(WorkshopError.TimerDurationInvalid, Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3) with { TimerSeconds = seconds })), Limits.TimerMaxSeconds);

    [Fact]
    public void A_setup_with_undefined_values_or_none_at_all_is_refused()
    {
        AssertRefused(WorkshopError.InvalidRequest, Facilitate(new OpenVoteRound(null!)));
        AssertRefused(WorkshopError.InvalidRequest, Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3) with { Kind = (VoteKind)42 })));
        AssertRefused(WorkshopError.InvalidRequest, Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3) with { Target = (VoteTarget)42 })));
        AssertRefused(WorkshopError.InvalidRequest, Facilitate(new OpenVoteRound(VoteSetup.ScaleOf("Énoncé") with { Scale = (ScaleRange)42 })));
    }

    [Fact]
    public void A_workshop_holds_at_most_fifty_rounds_and_discarding_one_makes_room()
    {
        var first = Open(VoteSetup.Dots(5, 3));
        for (var i = 1; i < Limits.VoteRoundsPerWorkshopMax; i++)
        {
            Open(VoteSetup.Dots(5, 3));
        }

        Assert.Equal(Limits.VoteRoundsPerWorkshopMax, _workshop.State.Rounds.Count);
        AssertRefused(WorkshopError.TooManyVoteRounds, Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3))), Limits.VoteRoundsPerWorkshopMax);

        _workshop.Facilitate(new DiscardVoteRound(first));
        Assert.True(Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3))).IsAccepted);
    }

    [Fact]
    public void Only_the_facilitator_opens_closes_reopens_discards_counts_paper_and_merges_words()
    {
        var round = OpenDots();
        var cloud = Open(VoteSetup.WordCloud("Un mot ?"));
        WorkshopCommand[] commands =
        [
            new OpenVoteRound(VoteSetup.Dots(5, 3)),
            new CloseVoteRound(cloud),
            new ReopenVoteRound(round),
            new DiscardVoteRound(cloud),
            new SetPaperVotes(round, _lieu, 4),
            new MergeWords(cloud, ["lien"], "liens"),
        ];

        foreach (var command in commands)
        {
            AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), command));
            AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, command));
        }
    }

    // ---- opening, closing, reopening ----------------------------------------------------------------------------

    [Fact]
    public void Opening_a_round_while_another_is_open_closes_the_other()
    {
        var first = OpenDots();

        var decision = Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"])));

        Assert.Equal(new VoteRoundClosed(first), decision.Events[0]);
        var second = Assert.IsType<VoteRoundOpened>(decision.Events[1]).Round.Id;
        Assert.Equal(2, decision.Events.Length);
        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.Equal(RoundStatus.Closed, after.Rounds[first].Status);
        Assert.Equal(RoundStatus.Open, after.Rounds[second].Status);
        Assert.Equal(second, after.OpenRound!.Id);
    }

    [Fact]
    public void A_round_with_a_timer_starts_the_workshop_timer_and_one_without_leaves_it_alone()
    {
        var withTimer = Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3) with { TimerSeconds = 120 }));

        var timer = new WorkshopTimer(TimerStatus.Running, 120, WorkshopBuilder.Now.AddSeconds(120), 0);
        Assert.Equal(new TimerChanged(timer), withTimer.Events.Last());
        Assert.Equal(timer, Workshop.Apply(_workshop.State, withTimer.Events).Timer);

        var change = _workshop.ChangeByFacilitator(new OpenVoteRound(VoteSetup.Dots(5, 3) with { TimerSeconds = 120 }));
        Assert.All(Audiences, a => Assert.Equal(timer.ToView(), change.For(a).Header!.Timer));

        var withoutTimer = Facilitate(new OpenVoteRound(VoteSetup.Dots(5, 3)));
        Assert.DoesNotContain(withoutTimer.Events, e => e is TimerChanged);
    }

    [Fact]
    public void Closing_a_closed_round_or_reopening_an_open_one_changes_nothing()
    {
        var round = OpenDots();
        AssertUnchanged(_workshop.State, Facilitate(new ReopenVoteRound(round)));

        _workshop.Facilitate(new CloseVoteRound(round));
        Assert.Equal(RoundStatus.Closed, Round(round).Status);
        AssertUnchanged(_workshop.State, Facilitate(new CloseVoteRound(round)));
    }

    [Fact]
    public void A_closed_round_refuses_ballots()
    {
        var round = OpenDots();
        _workshop.Facilitate(new CloseVoteRound(round));

        AssertRefused(WorkshopError.VoteRoundClosed, Cast("amina", round, (_lieu, 1)));
        AssertRefused(WorkshopError.VoteRoundClosed, Cast("amina", round, Marks()));
    }

    [Fact]
    public void Reopening_lets_ballots_in_again_keeps_the_ones_cast_before_and_closes_the_open_round()
    {
        var round = OpenDots();
        Vote("amina", round, (_lieu, 2));
        var other = Open(VoteSetup.ScaleOf("Énoncé"));
        Assert.Equal(RoundStatus.Closed, Round(round).Status);

        var reopen = Facilitate(new ReopenVoteRound(round));
        Assert.Equal([new VoteRoundClosed(other), new VoteRoundReopened(round)], reopen.Events.AsEnumerable());
        _workshop.Facilitate(new ReopenVoteRound(round));

        Assert.Equal(RoundStatus.Open, Round(round).Status);
        Assert.Equal(RoundStatus.Closed, Round(other).Status);
        Assert.Equal(2, Tally(round, _lieu).Total);
        Vote("bruno", round, (_lieu, 1));
        Assert.Equal((2, 1), (Tally(round, _lieu).Room, Tally(round, _lieu).Remote));
        Assert.Equal(2, View(round).Voters);
    }

    [Fact]
    public void Discarding_a_round_removes_it_and_its_ballots_for_every_audience_and_every_voter()
    {
        var round = OpenDots();
        Vote("amina", round, (_lieu, 2));
        Vote("bruno", round, (_navette, 1));
        var amina = _workshop.ParticipantId("amina");

        var change = _workshop.ChangeByFacilitator(new DiscardVoteRound(round));

        Assert.False(_workshop.State.Rounds.ContainsKey(round));
        Assert.Null(_workshop.State.OpenRound);
        Assert.All(Audiences, a => Assert.Empty(WorkshopProjection.View(_workshop.State, a).Rounds));
        Assert.All(Audiences, a => Assert.Equal([round], change.For(a).Rounds.Removed.AsEnumerable()));
        Assert.All(Audiences, a => Assert.Empty(change.For(a).Rounds.Upserts));
        Assert.Empty(WorkshopProjection.Own(_workshop.State, amina).Ballots);
        Assert.Equal(2, change.Private.Length);
        Assert.All(change.Private, own => Assert.Equal([round], own.Ballots.Removed.AsEnumerable()));
        Assert.All(change.Private, own => Assert.Empty(own.Ballots.Upserts));
        AssertRefused(WorkshopError.UnknownVoteRound, Cast("amina", round, (_lieu, 1)));
    }

    [Theory]
    [InlineData("v999")]
    [InlineData(null)]
    public void Every_round_command_on_a_round_that_does_not_exist_is_refused(string? roundId)
    {
        OpenDots();
        AssertRefused(WorkshopError.UnknownVoteRound, Facilitate(new CloseVoteRound(roundId!)));
        AssertRefused(WorkshopError.UnknownVoteRound, Facilitate(new ReopenVoteRound(roundId!)));
        AssertRefused(WorkshopError.UnknownVoteRound, Facilitate(new DiscardVoteRound(roundId!)));
        AssertRefused(WorkshopError.UnknownVoteRound, Facilitate(new SetPaperVotes(roundId!, _lieu, 1)));
        AssertRefused(WorkshopError.UnknownVoteRound, Facilitate(new MergeWords(roundId!, ["lien"], "liens")));
        AssertRefused(WorkshopError.UnknownVoteRound, Cast("amina", roundId!, (_lieu, 1)));
    }

    // ---- dots ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Dots_within_the_budget_and_the_cap_are_accepted_with_the_voters_presence()
    {
        var round = OpenDots(budget: 5, cap: 3);

        var decision = Cast("bruno", round, (_lieu, 3), (_jardins, 2));

        var cast = Assert.IsType<BallotCast>(Assert.Single(decision.Events));
        Assert.Equal(round, decision.Value);
        Assert.Equal(round, cast.RoundId);
        Assert.Equal(_workshop.ParticipantId("bruno"), cast.Ballot.ParticipantId);
        Assert.Equal(Presence.Remote, cast.Ballot.Presence);
        Assert.Equal(Marks((_lieu, 3), (_jardins, 2)), cast.Ballot.Marks);
        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.Equal(_workshop.State.Version + 1, after.Version);
    }

    [Fact]
    public void Dots_over_the_budget_are_refused_with_the_budget_as_limit()
    {
        var round = OpenDots(budget: 4, cap: 3);
        AssertRefused(WorkshopError.OverBudget, Cast("amina", round, (_lieu, 3), (_jardins, 2)), 4);
        AssertRefused(WorkshopError.OverBudget, Cast("amina", round, (_lieu, 2), (_jardins, 2), (_navette, 1)), 4);
    }

    [Fact]
    public void Dots_over_the_cap_on_one_item_are_refused_with_the_cap_as_limit()
    {
        var round = OpenDots(budget: 5, cap: 2);
        AssertRefused(WorkshopError.OverItemCap, Cast("amina", round, (_lieu, 3)), 2);
    }

    [Fact]
    public void Dots_on_something_that_is_not_on_the_wall_are_refused()
    {
        var amina = _workshop.ParticipantId("amina");
        _workshop.Facilitate(new CreateCluster("Lieux", [_lieu]));
        _workshop.Facilitate(new ModerateNote(_navette, ModerationAction.Hide));
        _workshop.WithSettings(s => s with { PreModeration = true }).WithNote(amina, "en attente");
        _workshop.WithSettings(s => s with { PreModeration = false, SilentWriting = true }).WithNote(amina, "pas encore révélée");
        var unrevealed = _workshop.NoteId("pas encore révélée");
        var pending = _workshop.Note("en attente");
        Assert.False(_workshop.Note("pas encore révélée").Revealed);
        Assert.Equal(NoteStatus.Pending, pending.Status);
        var round = OpenDots();

        Assert.Equal([_lieu, _jardins], View(round).Items.Select(i => i.Id));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, ("n999", 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, (_navette, 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, (unrevealed, 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, (pending.Id, 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, (_workshop.ClusterId("Lieux"), 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("bruno", round, (_lieu, 1), (_navette, 1)));
    }

    [Fact]
    public void Negative_dots_are_refused()
    {
        var round = OpenDots();
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", round, (_lieu, -1)));
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", round, (_lieu, 3), (_jardins, -1)));
    }

    [Fact]
    public void Items_given_no_dots_are_left_out_of_the_ballot()
    {
        var round = OpenDots();

        var decision = Cast("amina", round, (_lieu, 2), (_jardins, 0), (_navette, 0));

        Assert.Equal(Marks((_lieu, 2)), Assert.IsType<BallotCast>(Assert.Single(decision.Events)).Ballot.Marks);
        AssertUnchanged(_workshop.State, Cast("chloe", round, (_jardins, 0)));
    }

    [Fact]
    public void A_new_ballot_replaces_the_previous_one_and_only_the_last_counts()
    {
        var round = OpenDots();
        Vote("amina", round, (_lieu, 3), (_jardins, 2));

        Vote("amina", round, (_navette, 1));

        Assert.Equal(Marks((_navette, 1)), Round(round).Ballots[_workshop.ParticipantId("amina")].Marks);
        Assert.Equal([0, 0, 1], View(round).Results!.Tallies.Select(t => t.Total));
        Assert.Equal(1, View(round).Voters);
    }

    [Fact]
    public void The_same_ballot_again_is_accepted_and_changes_nothing()
    {
        var round = OpenDots();
        Vote("amina", round, (_lieu, 3), (_jardins, 2));

        AssertUnchanged(_workshop.State, Cast("amina", round, (_jardins, 2), (_lieu, 3)));
        AssertUnchanged(_workshop.State, Cast("amina", round, (_jardins, 2), (_lieu, 3), (_navette, 0)));
    }

    [Fact]
    public void A_ballot_without_marks_withdraws_the_previous_one_and_otherwise_changes_nothing()
    {
        var round = OpenDots();
        var amina = _workshop.ParticipantId("amina");
        AssertUnchanged(_workshop.State, Cast("amina", round, Marks()));
        Vote("amina", round, (_lieu, 3));

        var withdraw = Cast("amina", round, (_lieu, 0));

        Assert.Empty(Assert.IsType<BallotCast>(Assert.Single(withdraw.Events)).Ballot.Marks);
        var change = _workshop.Change(_workshop.Participant("amina"), new CastBallot(round, Marks()));
        Assert.False(Round(round).Ballots.ContainsKey(amina));
        Assert.Equal(0, View(round).Voters);
        Assert.Equal(0, Tally(round, _lieu).Total);
        var own = Assert.Single(change.Private);
        Assert.Equal(amina, own.ParticipantId);
        Assert.Equal([round], own.Ballots.Removed.AsEnumerable());
        Assert.Empty(own.Ballots.Upserts);
        Assert.Empty(WorkshopProjection.Own(_workshop.State, amina).Ballots);
    }

    [Fact]
    public void A_ballot_without_a_marks_dictionary_is_refused() =>
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", OpenDots(), (ImmutableDictionary<string, int>)null!));

    // ---- polls and scales ---------------------------------------------------------------------------------------

    [Fact]
    public void A_single_choice_poll_takes_one_option_and_refuses_two()
    {
        var round = Open(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi", "Jeudi"]));

        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", round, ("o1", 1), ("o2", 1)));
        Vote("amina", round, ("o2", 1), ("o3", 0));

        Assert.Equal([0, 1, 0], View(round).Results!.Tallies.Select(t => t.Total));
    }

    [Fact]
    public void A_multiple_choice_poll_takes_several_options()
    {
        var round = Open(VoteSetup.Poll("Quels soirs ?", ["Lundi", "Mardi", "Jeudi"], multipleChoice: true));

        Vote("amina", round, ("o1", 1), ("o3", 1));
        Vote("bruno", round, ("o1", 1), ("o2", 1), ("o3", 1));

        Assert.Equal([(2, "Lundi"), (1, "Mardi"), (2, "Jeudi")], View(round).Results!.Tallies.Select(t => (t.Total, t.Label)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(5)]
    public void A_poll_mark_other_than_one_is_refused(int mark)
    {
        var single = Open(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"]));
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", single, ("o1", mark)));
        var multiple = Open(VoteSetup.Poll("Quels soirs ?", ["Lundi", "Mardi"], multipleChoice: true));
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", multiple, ("o1", 1), ("o2", mark)));
    }

    [Fact]
    public void A_poll_option_that_does_not_exist_is_refused()
    {
        var round = Open(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"]));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("amina", round, ("o3", 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("amina", round, ("Lundi", 1)));
    }

    [Fact]
    public void A_scale_takes_one_value_only()
    {
        var round = Open(VoteSetup.ScaleOf("Le quartier manque de lieux"));

        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", round, ("4", 1), ("5", 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("amina", round, ("0", 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("amina", round, ("6", 1)));
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", round, ("4", 2)));
        Vote("amina", round, ("4", 1));
        Vote("bruno", round, ("4", 1));
        Vote("chloe", round, ("2", 1));

        Assert.Equal([0, 1, 0, 2, 0], View(round).Results!.Tallies.Select(t => t.Total));
    }

    [Fact]
    public void A_zero_to_ten_scale_takes_zero_and_ten()
    {
        var round = Open(VoteSetup.ScaleOf("Recommanderiez-vous ?", ScaleRange.ZeroToTen));
        Vote("amina", round, ("0", 1));
        Vote("bruno", round, ("10", 1));
        AssertRefused(WorkshopError.UnknownVoteItem, Cast("chloe", round, ("11", 1)));

        Assert.Equal(1, Tally(round, "0").Room);
        Assert.Equal(1, Tally(round, "10").Remote);
    }

    // ---- word clouds --------------------------------------------------------------------------------------------

    [Fact]
    public void A_word_cloud_takes_up_to_three_answers_and_refuses_a_fourth()
    {
        var round = Open(VoteSetup.WordCloud("Trois mots ?"));

        Assert.True(Cast("amina", round, Words("vivant", "calme", "vert")).IsAccepted);
        AssertRefused(WorkshopError.TooManyAnswers, Cast("amina", round, Words("vivant", "calme", "vert", "bruyant")), Limits.WordAnswersMax);
    }

    [Fact]
    public void The_same_answer_typed_twice_in_one_ballot_counts_once()
    {
        var round = Open(VoteSetup.WordCloud("Trois mots ?"));

        var decision = Cast("amina", round, Words("Vivant", "vivant ", "VIVANT", "calme"));

        Assert.Equal(Words("vivant", "calme"), Assert.IsType<BallotCast>(Assert.Single(decision.Events)).Ballot.Marks);
    }

    [Theory]
    [InlineData("un deux trois quatre")]
    [InlineData("anticonstitutionnellement anticonstitutionnellement")]
    public void An_answer_over_three_words_or_forty_characters_is_refused(string answer)
    {
        var round = Open(VoteSetup.WordCloud("Un mot ?"));
        AssertRefused(WorkshopError.AnswerTooLong, Cast("amina", round, Words("calme", answer)), Limits.WordAnswerMaxLength);
    }

    [Fact]
    public void An_answer_of_three_words_and_forty_characters_is_accepted()
    {
        var round = Open(VoteSetup.WordCloud("Un mot ?"));
        var answer = $"{Repeat('a', 13)} {Repeat('b', 13)} {Repeat('c', 12)}";
        Assert.Equal(Limits.WordAnswerMaxLength, answer.Length);

        Assert.True(Cast("amina", round, Words(answer)).IsAccepted);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_word_cloud_mark_other_than_one_is_refused(int mark)
    {
        var round = Open(VoteSetup.WordCloud("Un mot ?"));
        AssertRefused(WorkshopError.InvalidBallot, Cast("amina", round, ("calme", mark)));
    }

    [Fact]
    public void Answers_that_differ_only_in_case_and_spacing_count_together()
    {
        var round = Open(VoteSetup.WordCloud("Un mot ?"));

        Vote("amina", round, Words("Lien Social"));
        Vote("bruno", round, Words("lien  social"));
        Vote("chloe", round, Words(" LIEN\tSOCIAL ", "Écoute"));

        Assert.Equal(["lien social", "écoute"], View(round).Items.Select(i => i.Id));
        Assert.Equal(new VoteTally("lien social", "lien social", 2, 1, 0), Tally(round, "lien social"));
        Assert.Equal(1, Tally(round, "écoute").Total);
    }

    [Fact]
    public void Merging_near_duplicate_answers_makes_one_item_whose_count_is_their_sum()
    {
        var round = Open(VoteSetup.WordCloud("Un mot ?"));
        Vote("amina", round, Words("tiers-lieu", "calme"));
        Vote("bruno", round, Words("Tiers lieu"));
        Vote("chloe", round, Words("tiers lieux"));
        Assert.Equal(["calme", "tiers lieu", "tiers lieux", "tiers-lieu"], View(round).Items.Select(i => i.Id));

        var merged = Assert.IsType<WordsMerged>(Assert.Single(Facilitate(new MergeWords(round, ["Tiers Lieu", "tiers lieux"], "Tiers-Lieu")).Events));
        Assert.Equal(["tiers lieu", "tiers lieux"], merged.Words.AsEnumerable());
        Assert.Equal("tiers-lieu", merged.Into);
        _workshop.Facilitate(new MergeWords(round, ["Tiers Lieu", "tiers lieux"], "Tiers-Lieu"));

        Assert.Equal(["calme", "tiers-lieu"], View(round).Items.Select(i => i.Id));
        Assert.Equal(new VoteTally("tiers-lieu", "tiers-lieu", 2, 1, 0), Tally(round, "tiers-lieu"));
        Assert.Equal(1, Tally(round, "calme").Total);
        Assert.Equal(3, View(round).Voters);

        // A later answer of a merged spelling counts for the merged item too.
        Vote("chloe", round, Words("tiers lieu", "vert"));
        Assert.Equal(new VoteTally("tiers-lieu", "tiers-lieu", 2, 1, 0), Tally(round, "tiers-lieu"));
        Assert.Equal(1, Tally(round, "vert").Total);
    }

    [Fact]
    public void Merging_a_word_into_itself_changes_nothing_and_merging_nothing_or_outside_a_word_cloud_is_refused()
    {
        var cloud = Open(VoteSetup.WordCloud("Un mot ?"));
        Vote("amina", cloud, Words("calme"));
        AssertUnchanged(_workshop.State, Facilitate(new MergeWords(cloud, ["Calme"], "calme")));
        AssertRefused(WorkshopError.NothingToMerge, Facilitate(new MergeWords(cloud, [], "calme")));
        AssertRefused(WorkshopError.NothingToMerge, Facilitate(new MergeWords(cloud, ["calme"], "  ")));
        AssertRefused(WorkshopError.AnswerTooLong, Facilitate(new MergeWords(cloud, ["calme"], "un deux trois quatre")), Limits.WordAnswerMaxLength);

        var dots = OpenDots();
        AssertRefused(WorkshopError.InvalidRequest, Facilitate(new MergeWords(dots, ["calme"], "tranquille")));
    }

    // ---- paper votes --------------------------------------------------------------------------------------------

    [Fact]
    public void Paper_votes_count_in_their_own_segment_and_in_the_total()
    {
        var round = OpenDots();
        Vote("amina", round, (_lieu, 2));
        Vote("bruno", round, (_lieu, 1));

        var decision = Facilitate(new SetPaperVotes(round, _lieu, 7));
        Assert.Equal(new PaperVotesSet(round, _lieu, 7), Assert.Single(decision.Events));
        _workshop.Facilitate(new SetPaperVotes(round, _lieu, 7));

        var tally = Tally(round, _lieu);
        Assert.Equal((2, 1, 7, 10), (tally.Room, tally.Remote, tally.Paper, tally.Total));
        Assert.Equal(2, View(round).Voters);
    }

    [Fact]
    public void Paper_votes_replace_the_previous_count()
    {
        var round = Open(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"]));
        _workshop.Facilitate(new SetPaperVotes(round, "o1", 5));

        _workshop.Facilitate(new SetPaperVotes(round, "o1", 3));
        Assert.Equal(3, Tally(round, "o1").Paper);
        AssertUnchanged(_workshop.State, Facilitate(new SetPaperVotes(round, "o1", 3)));

        _workshop.Facilitate(new SetPaperVotes(round, "o1", 0));
        Assert.Equal(0, Tally(round, "o1").Paper);
        Assert.Empty(Round(round).Paper);
    }

    [Fact]
    public void Paper_votes_may_be_counted_after_the_close()
    {
        var round = Open(VoteSetup.ScaleOf("Énoncé"));
        _workshop.Facilitate(new CloseVoteRound(round));
        _workshop.Facilitate(new SetPaperVotes(round, "3", 12));
        Assert.Equal(12, Tally(round, "3").Total);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Limits.PaperVotesMax + 1)]
    public void A_paper_count_out_of_bounds_is_refused(int count) =>
        AssertRefused(WorkshopError.PaperVotesInvalid, Facilitate(new SetPaperVotes(OpenDots(), _lieu, count)), Limits.PaperVotesMax);

    [Fact]
    public void A_paper_count_at_the_limit_is_accepted() =>
        Assert.True(Facilitate(new SetPaperVotes(OpenDots(), _lieu, Limits.PaperVotesMax)).IsAccepted);

    [Fact]
    public void Paper_votes_for_an_item_that_is_not_in_the_round_are_refused()
    {
        _workshop.Facilitate(new ModerateNote(_navette, ModerationAction.Hide));
        var dots = OpenDots();
        AssertRefused(WorkshopError.UnknownVoteItem, Facilitate(new SetPaperVotes(dots, "n999", 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Facilitate(new SetPaperVotes(dots, _navette, 1)));
        AssertRefused(WorkshopError.UnknownVoteItem, Facilitate(new SetPaperVotes(dots, null!, 1)));

        var poll = Open(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"]));
        AssertRefused(WorkshopError.UnknownVoteItem, Facilitate(new SetPaperVotes(poll, "o3", 1)));
    }

    [Fact]
    public void A_word_cloud_takes_no_paper_votes() =>
        AssertRefused(WorkshopError.InvalidRequest, Facilitate(new SetPaperVotes(Open(VoteSetup.WordCloud("Un mot ?")), "calme", 1)));

    // ---- tallies ------------------------------------------------------------------------------------------------

    [Fact]
    public void Votes_are_counted_apart_by_the_voters_presence_and_voters_are_counted_once()
    {
        _workshop.WithParticipant("dara", Presence.Remote);
        var round = OpenDots();

        Vote("amina", round, (_lieu, 3), (_jardins, 2));
        Vote("chloe", round, (_lieu, 1));
        Vote("bruno", round, (_lieu, 2), (_navette, 1));
        Vote("dara", round, (_lieu, 3));

        Assert.Equal(new VoteTally(_lieu, "Un tiers-lieu", 4, 5, 0), Tally(round, _lieu));
        Assert.Equal(new VoteTally(_jardins, "Des jardins partagés", 2, 0, 0), Tally(round, _jardins));
        Assert.Equal(new VoteTally(_navette, "Une navette", 0, 1, 0), Tally(round, _navette));
        Assert.Equal(4, View(round).Voters);
        Assert.All(Audiences, a => Assert.Equal(View(round).Results!.Tallies.AsEnumerable(), View(round, a).Results!.Tallies.AsEnumerable()));
    }

    [Fact]
    public void Results_are_always_the_sum_of_each_participants_last_ballot()
    {
        const int budget = 6, cap = 3;
        var names = Enumerable.Range(1, 12).Select(i => $"votant{i}").ToList();
        foreach (var name in names)
        {
            _workshop.WithParticipant(name, names.IndexOf(name) % 3 == 0 ? Presence.Remote : Presence.Room);
        }

        var round = OpenDots(budget, cap);
        string[] items = [_lieu, _jardins, _navette];
        var remote = names.Where(n => names.IndexOf(n) % 3 == 0).ToHashSet();
        var last = new Dictionary<string, ImmutableDictionary<string, int>>();
        var random = new Random(20261125);
        for (var step = 0; step < 400; step++)
        {
            var name = names[random.Next(names.Count)];
            var marks = items.Where(_ => random.Next(4) > 0).Select(i => (i, random.Next(cap + 1))).ToArray();
            var decision = Cast(name, round, marks);
            var kept = Marks([.. marks.Where(m => m.Item2 > 0)]);
            if (kept.Values.Sum() > budget)
            {
                AssertRefused(WorkshopError.OverBudget, decision, budget);
                continue;
            }

            Assert.True(decision.IsAccepted, decision.Error.ToString());
            var previous = last.GetValueOrDefault(name) ?? ImmutableDictionary<string, int>.Empty;
            if (previous.Count == kept.Count && previous.All(m => kept.GetValueOrDefault(m.Key) == m.Value))
            {
                AssertUnchanged(_workshop.State, decision);
                continue;
            }

            _workshop.Do(_workshop.Participant(name), new CastBallot(round, Marks(marks)), WorkshopBuilder.Now.AddSeconds(step));
            if (kept.IsEmpty)
            {
                last.Remove(name);
            }
            else
            {
                last[name] = kept;
            }

            foreach (var item in items)
            {
                var tally = Tally(round, item);
                Assert.Equal(last.Where(b => !remote.Contains(b.Key)).Sum(b => b.Value.GetValueOrDefault(item)), tally.Room);
                Assert.Equal(last.Where(b => remote.Contains(b.Key)).Sum(b => b.Value.GetValueOrDefault(item)), tally.Remote);
            }

            Assert.Equal(last.Count, View(round).Voters);
        }

        Assert.True(last.Count > 5, "the sequence should leave several ballots");
    }

    // ---- who may vote -------------------------------------------------------------------------------------------

    [Fact]
    public void A_blocked_participant_cannot_vote_and_unblocked_can_again()
    {
        var round = OpenDots();
        var amina = _workshop.ParticipantId("amina");
        _workshop.Facilitate(new SetParticipantBlocked(amina, true));

        AssertRefused(WorkshopError.ParticipantBlocked, Cast("amina", round, (_lieu, 1)));

        _workshop.Facilitate(new SetParticipantBlocked(amina, false));
        Assert.True(Cast("amina", round, (_lieu, 1)).IsAccepted);
    }

    [Fact]
    public void The_facilitator_and_the_projector_cannot_vote()
    {
        var round = OpenDots();
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Facilitator, new CastBallot(round, Marks((_lieu, 1)))));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new CastBallot(round, Marks((_lieu, 1)))));
    }

    // ---- what each audience sees --------------------------------------------------------------------------------

    private static string Json(VoteRoundView round) => JsonSerializer.Serialize(round);

    private IEnumerable<string> ParticipantIds => _workshop.State.Participants.Keys;

    [Fact]
    public void An_anonymous_round_tells_nobody_who_voted_for_what_not_even_the_facilitator()
    {
        var round = OpenDots();
        Assert.True(Round(round).Setup.Anonymous);

        var changes = new[]
        {
            _workshop.Change(_workshop.Participant("amina"), new CastBallot(round, Marks((_lieu, 2)))),
            _workshop.Change(
                (_workshop.Participant("bruno"), new CastBallot(round, Marks((_navette, 1)))),
                (_workshop.Participant("chloe"), new CastBallot(round, Marks((_lieu, 1))))),
            _workshop.ChangeByFacilitator(new CloseVoteRound(round)),
        };

        foreach (var audience in Audiences)
        {
            var view = View(round, audience);
            Assert.Empty(view.Ballots);
            Assert.All(ParticipantIds, id => Assert.DoesNotContain($"\"{id}\"", Json(view), StringComparison.Ordinal));
            foreach (var change in changes)
            {
                var delta = Assert.Single(change.For(audience).Rounds.Upserts);
                Assert.Empty(delta.Ballots);
                Assert.All(ParticipantIds, id => Assert.DoesNotContain($"\"{id}\"", Json(delta), StringComparison.Ordinal));
            }
        }

        Assert.Equal(3, View(round).Voters);
        Assert.Equal(3, Tally(round, _lieu, Audience.Projector).Total);
    }

    [Fact]
    public void A_round_that_is_not_anonymous_shows_who_voted_what_to_the_facilitator_only()
    {
        var round = OpenDots(anonymous: false);
        var amina = _workshop.ParticipantId("amina");
        var bruno = _workshop.ParticipantId("bruno");

        var change = _workshop.Change(
            (_workshop.Participant("amina"), new CastBallot(round, Marks((_lieu, 2)))),
            (_workshop.Participant("bruno"), new CastBallot(round, Marks((_navette, 1)))));

        foreach (var ballots in new[] { View(round, Audience.Facilitator).Ballots, Assert.Single(change.Facilitator.Rounds.Upserts).Ballots })
        {
            var byVoter = ballots.ToDictionary(b => b.ParticipantId);
            Assert.Equal([amina, bruno], byVoter.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("amina", byVoter[amina].DisplayName);
            Assert.Equal(Marks((_lieu, 2)), byVoter[amina].Marks);
            Assert.Equal("bruno", byVoter[bruno].DisplayName);
            Assert.Equal(Marks((_navette, 1)), byVoter[bruno].Marks);
        }

        foreach (var audience in new[] { Audience.Projector, Audience.Participants })
        {
            Assert.Empty(View(round, audience).Ballots);
            Assert.All(ParticipantIds, id => Assert.DoesNotContain($"\"{id}\"", Json(View(round, audience)), StringComparison.Ordinal));
            var delta = Assert.Single(change.For(audience).Rounds.Upserts);
            Assert.Empty(delta.Ballots);
            Assert.All(ParticipantIds, id => Assert.DoesNotContain($"\"{id}\"", Json(delta), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Hidden_results_are_kept_from_every_audience_until_the_close_but_the_number_of_voters_shows()
    {
        var round = OpenDots(hideResults: true);

        var cast = _workshop.Change(
            (_workshop.Participant("amina"), new CastBallot(round, Marks((_lieu, 2)))),
            (_workshop.Participant("bruno"), new CastBallot(round, Marks((_navette, 1)))));
        var paper = _workshop.ChangeByFacilitator(new SetPaperVotes(round, _lieu, 4));

        foreach (var audience in Audiences)
        {
            Assert.Null(View(round, audience).Results);
            Assert.Equal(2, View(round, audience).Voters);
            Assert.Null(Assert.Single(cast.For(audience).Rounds.Upserts).Results);
            Assert.Equal(2, cast.For(audience).Rounds.Upserts[0].Voters);

            // While results are hidden, a paper count changes nothing anyone sees: no screen is told of it.
            Assert.True(paper.For(audience).Rounds.IsEmpty);
        }

        var close = _workshop.ChangeByFacilitator(new CloseVoteRound(round));

        foreach (var audience in Audiences)
        {
            Assert.Equal(new VoteTally(_lieu, "Un tiers-lieu", 2, 0, 4), View(round, audience).Results!.Tallies.Single(t => t.ItemId == _lieu));
            var delta = Assert.Single(close.For(audience).Rounds.Upserts);
            Assert.Equal(RoundStatus.Closed, delta.Status);
            Assert.Equal(View(round, audience).Results!.Tallies.AsEnumerable(), delta.Results!.Tallies.AsEnumerable());
        }
    }

    [Fact]
    public void A_hidden_word_cloud_keeps_its_answers_from_every_audience_until_the_close()
    {
        var cloud = Open(VoteSetup.WordCloud("Un mot pour ce quartier ?", hideResults: true));

        var cast = _workshop.Change(_workshop.Participant("amina"), new CastBallot(cloud, Words("vivre ensemble")));

        foreach (var audience in Audiences)
        {
            Assert.Empty(View(cloud, audience).Items);
            Assert.DoesNotContain("vivre ensemble", Json(Assert.Single(cast.For(audience).Rounds.Upserts)), StringComparison.Ordinal);
        }

        _workshop.Facilitate(new CloseVoteRound(cloud));
        Assert.All(Audiences, a => Assert.Equal(["vivre ensemble"], View(cloud, a).Items.Select(i => i.Label)));
    }

    [Fact]
    public void Results_that_are_not_hidden_reach_every_audience_while_the_round_is_open()
    {
        var round = OpenDots();
        var change = _workshop.Change(_workshop.Participant("amina"), new CastBallot(round, Marks((_lieu, 2))));

        Assert.All(Audiences, a => Assert.Equal(2, Assert.Single(change.For(a).Rounds.Upserts).Results!.Tallies.Single(t => t.ItemId == _lieu).Total));
    }

    [Fact]
    public void A_voter_gets_their_own_ballot_in_their_own_slice_and_can_check_it_after_the_close()
    {
        var round = OpenDots(hideResults: true);
        var amina = _workshop.ParticipantId("amina");
        var bruno = _workshop.ParticipantId("bruno");
        Vote("bruno", round, (_navette, 1));

        var change = _workshop.Change(_workshop.Participant("amina"), new CastBallot(round, Marks((_lieu, 2), (_jardins, 1))));

        var own = Assert.Single(change.Private);
        Assert.Equal(amina, own.ParticipantId);
        var ballot = Assert.Single(own.Ballots.Upserts);
        Assert.Equal(round, ballot.RoundId);
        Assert.Equal(Marks((_lieu, 2), (_jardins, 1)), ballot.Marks);

        _workshop.Facilitate(new CloseVoteRound(round));

        var mine = Assert.Single(WorkshopProjection.Own(_workshop.State, amina).Ballots);
        Assert.Equal(round, mine.RoundId);
        Assert.Equal(Marks((_lieu, 2), (_jardins, 1)), mine.Marks);
        Assert.Equal(Marks((_navette, 1)), Assert.Single(WorkshopProjection.Own(_workshop.State, bruno).Ballots).Marks);
        Assert.Empty(WorkshopProjection.Own(_workshop.State, _workshop.ParticipantId("chloe")).Ballots);
    }

    [Fact]
    public void A_batch_of_ballots_gives_each_voter_their_own_ballot_and_nobody_elses()
    {
        var round = Open(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"]));
        var amina = _workshop.ParticipantId("amina");
        var bruno = _workshop.ParticipantId("bruno");

        var change = _workshop.Change(
            (_workshop.Participant("amina"), new CastBallot(round, Marks(("o1", 1)))),
            (_workshop.Participant("bruno"), new CastBallot(round, Marks(("o2", 1)))),
            (_workshop.Participant("amina"), new CastBallot(round, Marks(("o2", 1)))));

        Assert.Equal([amina, bruno], change.Private.Select(p => p.ParticipantId).Order(StringComparer.Ordinal));
        Assert.Equal(Marks(("o2", 1)), Assert.Single(change.Private.Single(p => p.ParticipantId == amina).Ballots.Upserts).Marks);
        Assert.Equal(Marks(("o2", 1)), Assert.Single(change.Private.Single(p => p.ParticipantId == bruno).Ballots.Upserts).Marks);
        Assert.All(Audiences, a => Assert.Equal(2, Assert.Single(change.For(a).Rounds.Upserts).Results!.Tallies.Single(t => t.ItemId == "o2").Total));
        Assert.All(Audiences, a => Assert.Equal(0, change.For(a).Rounds.Upserts[0].Results!.Tallies.Single(t => t.ItemId == "o1").Total));
    }

    [Fact]
    public void Hiding_a_note_that_is_voted_on_takes_it_out_of_the_round_for_every_audience()
    {
        var round = OpenDots();
        Vote("amina", round, (_navette, 2));

        var change = _workshop.ChangeByFacilitator(new ModerateNote(_navette, ModerationAction.Hide));

        Assert.All(Audiences, a => Assert.DoesNotContain(Assert.Single(change.For(a).Rounds.Upserts).Items, i => i.Id == _navette));
        Assert.All(Audiences, a => Assert.DoesNotContain(View(round, a).Results!.Tallies, t => t.ItemId == _navette));
    }
}
