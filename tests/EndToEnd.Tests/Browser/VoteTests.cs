using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>Vote rounds as a room runs them: the console opens and closes, phones vote, the projector shows the bars.</summary>
[Collection(AppCollection.Name)]
public class VoteTests(AppFixture app)
{
    [Fact]
    public async Task A_participant_votes_on_a_phone_with_a_budget_and_a_cap_while_the_projector_bars_move_then_checks_what_was_counted()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno", remote: true);
        await Screens.PostNote(amina, "Une maison des initiatives");
        await Screens.PostNote(bruno, "Un fonds de soutien local");
        await Expect(Screens.Note(room.Projector, "Un fonds de soutien local")).ToBeVisibleAsync();

        await room.Console.OpenRound(VoteKind.Dots, "Que retenir en priorité ?", budget: 3, cap: 2);

        var board = room.Projector.Locator(".vote-board");
        await Expect(board.Locator("h2")).ToHaveTextAsync("Que retenir en priorité ?");
        var ballot = amina.Locator(".ballot");
        await Expect(ballot.Locator(".dots-left")).ToHaveTextAsync("Il vous reste 3 gommettes");
        var maison = ballot.Locator(".ballot-items li", new() { HasTextString = "Une maison des initiatives" });
        var projectedMaison = board.Locator(".vote-bars li", new() { HasTextString = "Une maison des initiatives" });
        await Expect(projectedMaison).ToHaveAttributeAsync("data-total", "0");

        await maison.GetByRole(AriaRole.Button, new() { Name = "Ajouter une gommette", Exact = true }).ClickAsync();
        await Expect(projectedMaison).ToHaveAttributeAsync("data-total", "1");
        await maison.Locator("[data-action=add-dot]").ClickAsync();

        await Expect(projectedMaison).ToHaveAttributeAsync("data-total", "2");
        await Expect(maison).ToHaveAttributeAsync("data-dots", "2");
        await Expect(maison.Locator("[data-action=add-dot]")).ToBeDisabledAsync();
        await Expect(ballot.Locator(".dots-left")).ToHaveTextAsync("Il vous reste 1 gommette");
        await Expect(ballot.Locator(".ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        await Expect(board.Locator("[data-voters]")).ToHaveTextAsync("1 votant");

        // The remote laptop votes too: its dots show in the remote segment; the most voted item comes first.
        var fonds = bruno.Locator(".ballot-items li", new() { HasTextString = "Un fonds de soutien local" });
        await fonds.Locator("[data-action=add-dot]").ClickAsync();
        await Expect(board.Locator("[data-voters]")).ToHaveTextAsync("2 votants");
        await Expect(board.Locator(".vote-bars li").First).ToContainTextAsync("Une maison des initiatives");
        await Expect(board.Locator(".vote-bars li", new() { HasTextString = "Un fonds de soutien local" }).Locator(".bar-split")).ToHaveTextAsync("salle 0 · distance 1");

        // A change of mind before the close: one dot moved.
        await maison.Locator("[data-action=remove-dot]").ClickAsync();
        await ballot.Locator(".ballot-items li", new() { HasTextString = "Un fonds de soutien local" }).Locator("[data-action=add-dot]").ClickAsync();
        await Expect(projectedMaison).ToHaveAttributeAsync("data-total", "1");
        await Expect(board.Locator(".vote-bars li").First).ToContainTextAsync("Un fonds de soutien local");
        await Expect(board.Locator(".vote-bars li").First).ToHaveAttributeAsync("data-total", "2");

        await room.Console.Page.Locator(".vote-round.current [data-action=close-round]").ClickAsync();

        await Expect(ballot).ToHaveAttributeAsync("data-status", "Closed");
        await Expect(ballot.Locator("[data-action=add-dot]")).ToHaveCountAsync(0);
        var counted = ballot.Locator("[data-own-ballot]");
        await Expect(counted.Locator("h3")).ToHaveTextAsync("Votre vote a été compté :");
        await Expect(counted.Locator("li")).ToHaveTextAsync(["Une maison des initiatives : 1 gommette", "Un fonds de soutien local : 1 gommette"]);
        await Expect(board).ToHaveAttributeAsync("data-status", "Closed");
        await Expect(room.Console.Page.Locator(".vote-round.current .vote-bars li").First).ToHaveAttributeAsync("data-total", "2");
    }

    [Fact]
    public async Task Hidden_results_stay_off_the_projector_and_the_phones_wire_until_the_round_closes()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var projectorWire = room.ProjectorWire;
        var amina = await room.Join("Amina");
        var chloeContext = await room.Device(Devices.Phone(app.BaseUrl));
        var chloe = await chloeContext.NewPageAsync();
        var chloeWire = WireRecorder.On(chloe);
        await chloe.GotoAsync(workshop.JoinUrl);
        await Screens.Introduce(chloe, "Chloé", remote: false);

        await room.Console.OpenRound(VoteKind.Poll, "Quel créneau pour le prochain atelier ?", options: ["Samedi matin", "Mardi soir"], hideResults: true);

        await amina.Locator(".ballot .vote-choice", new() { HasTextString = "Mardi soir" }).ClickAsync();
        await Expect(amina.Locator(".ballot .ballot-state")).ToHaveTextAsync("Votre vote est enregistré. Vous pouvez le changer jusqu'à la clôture.");
        await Expect(room.Projector.Locator(".vote-board .board-voters")).ToHaveTextAsync("1");
        await Expect(chloe.Locator(".ballot")).ToContainTextAsync("1 votant");
        await Expect(room.Projector.Locator(".vote-board [data-results=bars]")).ToHaveCountAsync(0);
        await Expect(room.Console.Page.Locator(".vote-round.current [data-results=hidden]")).ToBeVisibleAsync();

        // Results are drawn with data-total attributes: while hidden, not one has crossed the wire. (The recorder
        // hears frames a little after the page applies them: wait for the frame that brought the vote first.)
        await Eventually.Until(() => chloeWire.Received("1 votant"), "the voters count to be recorded on chloe's wire");
        await Eventually.Until(() => projectorWire.Received("1 votant"), "the voters count to be recorded on the projector's wire");
        Assert.False(projectorWire.Received("data-total"));
        Assert.False(chloeWire.Received("data-total"));

        await room.Console.Page.Locator(".vote-round.current [data-action=close-round]").ClickAsync();

        // Closing puts the results on the projector (and the console says so), until the facilitator takes them off.
        await Expect(room.Console.Page.Locator(".vote-round.current [data-projected]")).ToBeVisibleAsync();
        var mardi = room.Projector.Locator(".vote-board .vote-bars li", new() { HasTextString = "Mardi soir" });
        await Expect(mardi).ToHaveAttributeAsync("data-total", "1");
        await Expect(chloe.Locator(".ballot .vote-bars li", new() { HasTextString = "Mardi soir" })).ToHaveAttributeAsync("data-total", "1");
        await Eventually.Until(() => projectorWire.Received("data-total"), "the results to reach the projector's wire");
        await Expect(chloe.Locator(".ballot [data-own-ballot]")).ToHaveTextAsync("Vous n'avez pas participé à ce vote.");

        await room.Console.Page.Locator(".vote-round.current [data-action=unproject-round]").ClickAsync();
        await Expect(room.Projector.Locator(".vote-board")).ToHaveCountAsync(0);
        await room.Console.Page.Locator(".vote-round.current [data-action=project-round]").ClickAsync();
        await Expect(mardi).ToHaveAttributeAsync("data-total", "1");
    }

    [Fact]
    public async Task Paper_votes_typed_by_the_facilitator_show_apart_and_count_in_the_total()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var amina = await room.Join("Amina");
        var round = await room.Console.OpenRound(VoteKind.Poll, "Faut-il un second atelier ?", options: ["Oui", "Non"]);
        await amina.Locator(".ballot .vote-choice", new() { HasTextString = "Oui" }).ClickAsync();

        var paper = round.Locator("input[data-paper=o1]");
        await paper.FillAsync("4");
        await paper.BlurAsync();

        var oui = room.Projector.Locator(".vote-board .vote-bars li", new() { HasTextString = "Oui" });
        await Expect(oui).ToHaveAttributeAsync("data-total", "5");
        await Expect(oui.Locator(".bar-split")).ToHaveTextAsync("salle 1 · distance 0 · papier 4");

        await paper.FillAsync("5000");
        await paper.BlurAsync();

        await Expect(room.Console.Page.Locator(".command-notice")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Le nombre de votes papier va de 0 à 1000\\."));
        await Expect(oui).ToHaveAttributeAsync("data-total", "5");
    }

    [Fact]
    public async Task Word_cloud_answers_are_counted_together_once_merged_by_the_facilitator()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno", remote: true);
        var round = await room.Console.OpenRound(VoteKind.WordCloud, "Un mot pour ce quartier ?");

        await amina.Locator("#answer-0").FillAsync("Vivre ensemble");
        await amina.Locator("[data-action=send-words]").ClickAsync();
        await bruno.Locator("#answer-0").FillAsync("le vivre-ensemble");
        await bruno.Locator("#answer-1").FillAsync("Solidarité");
        await bruno.Locator("[data-action=send-words]").ClickAsync();
        await Expect(room.Projector.Locator(".word-cloud li")).ToHaveCountAsync(3);

        await round.Locator(".word-merge summary").ClickAsync();
        await round.Locator("input[data-merge='vivre ensemble']").CheckAsync();
        await round.Locator("input[data-merge='le vivre-ensemble']").CheckAsync();
        await round.Locator("[data-action=merge-words]").ClickAsync();

        await Expect(room.Projector.Locator(".word-cloud li")).ToHaveCountAsync(2);
        await Expect(room.Projector.Locator(".word-cloud li").First).ToHaveAttributeAsync("data-item", "vivre ensemble");
        await Expect(room.Projector.Locator(".word-cloud li").First).ToHaveAttributeAsync("data-total", "2");
    }
}
