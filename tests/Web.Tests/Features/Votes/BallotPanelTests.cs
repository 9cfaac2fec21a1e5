using System.Collections.Immutable;
using AngleSharp.Dom;
using Bunit;
using CollectifLive.Testing;
using CollectifLive.Web.Features.Votes;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.Features.Votes;

/// <summary>The phone's ballot: the dots left, the buttons the rules close, and the ballot stored as it was last shown.</summary>
[Collection(ClusterCollection.Name)]
public class BallotPanelTests(TestClusterFixture fixture) : StoreComponentTests(fixture)
{
    private async Task<(IRenderedComponent<BallotPanel> Panel, Credential Amina, string RoundId, string[] Notes)> Ballot(VoteSetup setup)
    {
        var amina = await Workshop.Join("Amina");
        string[] notes = [await Workshop.Post(amina, "Un café associatif"), await Workshop.Post(amina, "Un local ouvert le soir")];
        await Workshop.Run(new SetPhase(Phase.Vote));
        var roundId = (await Workshop.Run(new OpenVoteRound(setup)))!;
        await Open(Audience.Participants, amina);
        return (Render<BallotPanel>(), amina, roundId, notes);
    }

    private static IElement Item(IRenderedComponent<BallotPanel> panel, string itemId, string action) =>
        panel.Find($"li[data-item='{itemId}'] button[data-action='{action}']");

    [Fact]
    public async Task Dots_left_are_counted_down_and_the_buttons_the_rules_refuse_say_they_are_unavailable()
    {
        var (panel, amina, roundId, notes) = await Ballot(VoteSetup.Dots(budget: 2, cap: 1));
        var (first, second) = (notes[0], notes[1]);

        Assert.Equal("Il vous reste 2 gommettes", panel.Find(".dots-left").TextContent);
        Assert.All(panel.FindAll("button[data-action='remove-dot']"), b => Assert.Equal("true", b.GetAttribute("aria-disabled")));
        Assert.Equal("Vous n'avez pas encore voté.", panel.Find(".ballot-state").TextContent.Trim());

        await Item(panel, first, "add-dot").ClickAsync(new());
        Assert.Equal("Il vous reste 1 gommette", panel.Find(".dots-left").TextContent);
        Assert.Equal("true", Item(panel, first, "add-dot").GetAttribute("aria-disabled"));
        Assert.Null(Item(panel, first, "remove-dot").GetAttribute("aria-disabled"));
        Assert.Null(Item(panel, second, "add-dot").GetAttribute("aria-disabled"));

        await Item(panel, second, "add-dot").ClickAsync(new());
        Assert.Equal("Il vous reste 0 gommette", panel.Find(".dots-left").TextContent);
        Assert.Equal("true", Item(panel, second, "add-dot").GetAttribute("aria-disabled"));

        panel.WaitForAssertion(() => Assert.Equal("yes", panel.Find(".ballot-state").GetAttribute("data-saved")), Patience);
        Assert.StartsWith("Votre vote est enregistré.", panel.Find(".ballot-state").TextContent.Trim());
        var stored = Assert.Single((await Workshop.Own(amina)).Ballots);
        Assert.Equal(roundId, stored.RoundId);
        Assert.True(VoteMarks.Same(ImmutableDictionary<string, int>.Empty.Add(first, 1).Add(second, 1), stored.Marks));
    }

    [Fact]
    public async Task A_single_choice_poll_keeps_the_last_option_ticked_and_the_ballot_can_be_withdrawn()
    {
        var (panel, amina, _, _) = await Ballot(VoteSetup.Poll("Quel jour ?", ["Samedi", "Mardi"]));
        var options = panel.FindAll("label.vote-choice").Select(l => l.GetAttribute("data-item")!).ToList();
        Assert.Empty(panel.FindAll("button[data-action='withdraw']"));

        await panel.Find($"label[data-item='{options[0]}'] input").ChangeAsync(new() { Value = true });
        await panel.Find($"label[data-item='{options[1]}'] input").ChangeAsync(new() { Value = true });

        Assert.Equal(["off", "on"], panel.FindAll("label.vote-choice").Select(l => l.GetAttribute("data-chosen")));
        await Eventually.Until(async () => (await Workshop.Own(amina)).Ballots, ballots => ballots.Length == 1 && ballots[0].Marks.Keys.SequenceEqual([options[1]]), "the last option to be stored");

        await panel.Find("button[data-action='withdraw']").ClickAsync(new());

        Assert.Equal(["off", "off"], panel.FindAll("label.vote-choice").Select(l => l.GetAttribute("data-chosen")));
        await Eventually.Until(async () => (await Workshop.Own(amina)).Ballots, ballots => ballots.All(b => b.Marks.IsEmpty), "the ballot to be withdrawn");
        panel.WaitForAssertion(() => Assert.Equal("Vous n'avez pas encore voté.", panel.Find(".ballot-state").TextContent.Trim()), Patience);
    }
}
