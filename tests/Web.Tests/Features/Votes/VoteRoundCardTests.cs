using Bunit;
using CollectifLive.Testing;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.Features.Votes;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Bunit.Rendering;

namespace CollectifLive.Web.Tests.Features.Votes;

/// <summary>A round on the console: its controls send the right command, a discard asks first, a refusal is shown.</summary>
[Collection(ClusterCollection.Name)]
public class VoteRoundCardTests(TestClusterFixture fixture) : StoreComponentTests(fixture)
{
    private async Task<VoteRoundView> OpenRound()
    {
        var amina = await Workshop.Join("Amina");
        await Workshop.Post(amina, "Un café associatif");
        await Workshop.Run(new SetPhase(Phase.Vote));
        var roundId = (await Workshop.Run(new OpenVoteRound(VoteSetup.Dots(3, 2))))!;
        await Open(Audience.Facilitator, Workshop.Facilitator);
        return Store.State.Shared!.Rounds[roundId];
    }

    /// <summary>The card as the console shows it, with the console's notice of refused commands beside it.</summary>
    private IRenderedComponent<ContainerFragment> Card(VoteRoundView round) => Render(builder =>
    {
        builder.OpenComponent<VoteRoundCard>(0);
        builder.AddComponentParameter(1, nameof(VoteRoundCard.Round), round);
        builder.AddComponentParameter(2, nameof(VoteRoundCard.Current), true);
        builder.CloseComponent();
        builder.OpenComponent<CommandNotice>(3);
        builder.CloseComponent();
    });

    private async Task<RoundStatus?> StatusOf(string roundId) => (await Workshop.Console()).Rounds.GetValueOrDefault(roundId)?.Status;

    [Fact]
    public async Task Closing_an_open_round_closes_it()
    {
        var round = await OpenRound();
        var card = Card(round);
        Assert.Empty(card.FindAll("button[data-action='reopen-round']"));

        await card.Find("button[data-action='close-round']").ClickAsync(new());

        await Eventually.Until(() => StatusOf(round.Id), status => status == RoundStatus.Closed, "the round to close");
        Assert.Empty(card.FindAll(".command-notice"));
    }

    [Fact]
    public async Task Discarding_asks_first_and_only_the_confirmation_discards()
    {
        var round = await OpenRound();
        var card = Card(round);

        await card.Find("button[data-action='discard-round']").ClickAsync(new());

        var confirm = card.Find("button[data-action='confirm-discard']");
        Assert.Equal("Supprimer ce vote et ses bulletins", confirm.TextContent);
        Assert.Equal(RoundStatus.Open, await StatusOf(round.Id));

        await confirm.ClickAsync(new());

        await Eventually.Until(() => StatusOf(round.Id), status => status is null, "the round to be discarded");
        Assert.NotEmpty(card.FindAll("button[data-action='discard-round']"));
    }

    [Fact]
    public async Task A_command_on_a_round_discarded_meanwhile_is_refused_in_French()
    {
        var round = await OpenRound();
        var card = Card(round);
        await Workshop.Run(new DiscardVoteRound(round.Id));

        await card.Find("button[data-action='close-round']").ClickAsync(new());

        card.WaitForAssertion(() => Assert.StartsWith("Ce vote n'existe pas ou plus.", card.Find("[role=alert]").TextContent.Trim()), Patience);
    }
}
