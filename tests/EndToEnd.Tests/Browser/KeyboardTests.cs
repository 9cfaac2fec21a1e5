using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// Everything a participant and a facilitator do, done with the keyboard alone once the page has loaded: Tab and
/// Shift+Tab to get there, Enter, Space, arrows and Escape to act, the focus visible at every stop and never lost to
/// the top of the page when a control is replaced.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public class KeyboardTests(AppFixture app)
{
    private const string Idea = "Une salle ouverte le soir";
    private const string Edited = "Une salle ouverte le soir et le week-end";

    [Fact]
    public async Task A_participant_joins_posts_edits_and_votes_in_every_kind_of_round_with_the_keyboard_alone()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var other = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await other.Join(new HubJoinRequest(workshop.JoinCode, "Bruno"))).Error);
        Assert.Null((await other.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Un fonds de soutien local", NoteColour.Blue))).Error);
        await using var laptop = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var page = await laptop.NewPageAsync();
        await page.GotoAsync(workshop.JoinUrl);

        // Joining: a name, the room (already chosen), and in.
        await Keys.TabTo(page, page.Locator("#display-name"));
        await Keys.Type(page, "Amina");
        await Keys.TabTo(page, page.Locator("form.join-form button[type=submit]"));
        await Keys.Press(page, "Enter");
        await Expect(page.Locator("main.participant")).ToHaveAttributeAsync("data-status", "Ready");

        // A note in the second column, pink: arrows move within each group of choices.
        await Keys.TabTo(page, page.Locator("#note-text"));
        await Keys.Type(page, Idea);
        await Keys.Press(page, "Tab");
        await Keys.Press(page, "ArrowRight");
        await Expect(page.Locator("form.composer input[name=column]").Nth(1)).ToBeCheckedAsync();
        await Keys.Press(page, "Tab");
        await Keys.Press(page, "ArrowRight");
        await Expect(page.Locator("form.composer input[name=colour][value='1']")).ToBeCheckedAsync();
        await Keys.TabTo(page, page.Locator("form.composer button[type=submit]"));
        await Keys.Press(page, "Enter");
        var mine = page.Locator(".own-notes .note", new() { HasTextString = Idea });
        await Expect(mine).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("colour-pink"));
        await Expect(Screens.NoteIn(page, "c2", Idea)).ToBeVisibleAsync();
        mine = page.Locator($".own-notes .note[data-note-id='{await mine.GetAttributeAsync("data-note-id")}']");

        // Editing it: the field takes the focus, and once saved the focus is back on the note's edit button.
        await Keys.TabTo(page, mine.Locator("[data-action=edit]"));
        await Keys.Press(page, "Enter");
        await Keys.AssertFocusGoesTo(page, mine.Locator("textarea"));
        await Keys.Press(page, "End");
        await Keys.Type(page, " et le week-end");
        await Keys.TabTo(page, mine.Locator("[data-action=save]"));
        await Keys.Press(page, "Enter");
        await Expect(mine.Locator(".note-text")).ToHaveTextAsync(Edited);
        await Keys.AssertFocusGoesTo(page, mine.Locator("[data-action=edit]"));

        // Dots: Enter and Space add a dot; the ballot is above, Shift+Tab goes back up to it.
        var round = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Dots, "Que retenir ?", DotBudget: 3, DotCap: 2));
        var ballot = page.Locator(".ballot[data-status=Open]");
        var myItem = ballot.Locator(".ballot-items li", new() { HasTextString = Edited });
        await Keys.TabTo(page, myItem.Locator("[data-action=add-dot]"), backwards: true);
        await Keys.Press(page, "Enter");
        await Expect(myItem).ToHaveAttributeAsync("data-dots", "1");
        await Keys.Press(page, "Space");
        await Expect(myItem).ToHaveAttributeAsync("data-dots", "2");

        // At the cap, "add" says it can do no more, and keeps the focus: the keyboard goes on from there.
        await Expect(myItem.Locator("[data-action=add-dot]")).ToHaveAttributeAsync("aria-disabled", "true");
        await Keys.AssertFocusGoesTo(page, myItem.Locator("[data-action=add-dot]"));
        var otherItem = ballot.Locator(".ballot-items li", new() { HasTextString = "Un fonds de soutien local" });
        await Keys.TabTo(page, otherItem.Locator("[data-action=add-dot]"), backwards: true);
        await Keys.Press(page, "Enter");
        await Expect(otherItem).ToHaveAttributeAsync("data-dots", "1");
        await Expect(ballot.Locator(".dots-left")).ToHaveAttributeAsync("data-left", "0");
        await Expect(ballot.Locator(".ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        await WorkshopApiClient.CloseRound(app.BaseUrl, workshop, round);

        // A poll: Space chooses, an arrow changes the choice.
        round = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Poll, "Quel créneau ?", Options: ["Samedi matin", "Mardi soir", "Mercredi midi"]));
        await Expect(ballot.Locator(".vote-choice")).ToHaveCountAsync(3);
        await Keys.TabTo(page, ballot.Locator(".vote-choice input").First);
        await Keys.Press(page, "Space");
        await Keys.Press(page, "ArrowDown");
        await Expect(ballot.Locator(".vote-choice[data-chosen=on]")).ToHaveTextAsync("Mardi soir");
        await Expect(ballot.Locator(".ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        await WorkshopApiClient.CloseRound(app.BaseUrl, workshop, round);

        // A scale from 1 to 5: arrows walk along it.
        round = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Scale, "Ce lieu est-il utile ?"));
        await Expect(ballot.Locator(".vote-choice")).ToHaveCountAsync(5);
        await Keys.TabTo(page, ballot.Locator(".vote-choice input").First);
        await Keys.Press(page, "Space");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await Keys.Press(page, "ArrowRight");
        }

        await Expect(ballot.Locator(".vote-choice[data-chosen=on]")).ToHaveTextAsync("4");
        await Expect(ballot.Locator(".ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        await WorkshopApiClient.CloseRound(app.BaseUrl, workshop, round);

        // Words: typed, then Enter sends them.
        round = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.WordCloud, "En un mot ?"));
        await Keys.TabTo(page, ballot.Locator("#answer-0"));
        await Keys.Type(page, "Lien social");
        await Keys.Press(page, "Tab");
        await Keys.Type(page, "Horaires");
        await Keys.Press(page, "Enter");
        await Expect(ballot.Locator(".ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        await Expect(ballot.Locator(".ballot-state")).ToHaveTextAsync("Votre vote est enregistré. Vous pouvez le changer jusqu'à la clôture.");
        await WorkshopApiClient.CloseRound(app.BaseUrl, workshop, round);

        // The consent round: an objection, and why.
        var recommendation = await WorkshopApiClient.AddRecommendation(app.BaseUrl, workshop, new AddRecommendationRequest("Ouvrir une salle le soir", null, null));
        await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Consent, RecommendationId: recommendation));
        await Keys.TabTo(page, ballot.Locator(".vote-choice[data-item=agree] input"));
        await Keys.Press(page, "Space");
        await Keys.Press(page, "ArrowDown");
        await Keys.Press(page, "ArrowDown");
        await Expect(ballot.Locator(".vote-choice[data-chosen=on]")).ToHaveAttributeAsync("data-item", "object");
        await Keys.TabTo(page, ballot.Locator("form.objection-form textarea"));
        await Keys.Type(page, "Les familles ne viennent pas le soir");
        await Keys.TabTo(page, ballot.Locator("[data-action=send-reason]"));
        await Keys.Press(page, "Enter");
        await Expect(ballot.Locator("[data-reason-sent]")).ToContainTextAsync("Les familles ne viennent pas le soir");
    }

    [Fact]
    public async Task A_facilitator_changes_the_step_runs_the_timer_groups_moderates_and_opens_a_vote_with_the_keyboard_alone()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var participant = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await participant.Join(new HubJoinRequest(workshop.JoinCode, "Bruno"))).Error);
        string[] notes = ["Une maison des initiatives", "Un fonds de soutien local", "Une permanence le samedi"];
        foreach (var note in notes)
        {
            Assert.Null((await participant.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", note, NoteColour.Yellow))).Error);
        }

        await using var laptop = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var console = (await Console.Open(laptop, workshop.FacilitatorUrl)).Page;
        await Expect(console.Locator(".facilitator-wall .note")).ToHaveCountAsync(notes.Length);

        // Moderation, while notes come in: Space ticks pre-moderation; each approval hands the focus down the queue, then
        // to its title.
        var premoderation = console.Locator("input[name=premoderation]");
        await Keys.TabTo(console, premoderation);
        await Keys.Press(console, "Space");
        await Expect(premoderation).ToHaveAttributeAsync("data-on", "on");
        foreach (var note in new[] { "Un jardin partagé", "Des cours de français" })
        {
            Assert.Null((await participant.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c2", note, NoteColour.Green))).Error);
        }

        var queue = console.Locator(".moderation .queue li");
        await Expect(queue).ToHaveCountAsync(2);
        await Keys.TabTo(console, queue.First.Locator("[data-action=approve]"));
        await Keys.Press(console, "Enter");
        await Expect(queue).ToHaveCountAsync(1);
        await Keys.AssertFocusGoesTo(console, queue.First.Locator("[data-action=approve]"));
        await Keys.Press(console, "Enter");
        await Expect(queue).ToHaveCountAsync(0);
        await Keys.AssertFocusGoesTo(console, console.Locator("#moderation-title"));

        // The step: the button stays where it was, with the focus.
        var grouping = console.Locator(".phase-step[data-phase=Grouping]");
        await Keys.TabTo(console, grouping);
        await Keys.Press(console, "Enter");
        await Expect(grouping).ToHaveAttributeAsync("aria-current", "step");
        await Keys.AssertFocusGoesTo(console, grouping);

        // Grouping, one note at a time from its move list: a new theme, then that theme; the note keeps the focus in its
        // new place. Escape closes a list where it was opened.
        var themes = console.Locator(".themes");
        foreach (var (note, target) in new[] { (notes[0], "new"), (notes[1], "theme") })
        {
            var card = console.Locator(".facilitator-wall .note", new() { HasTextString = note });
            await Keys.TabTo(console, card.Locator("[data-action=move-note]"));
            await Keys.Press(console, "Enter");
            var choice = target == "new" ? card.Locator("[data-move-to=new]") : card.Locator(".move-menu button").First;
            await Keys.TabTo(console, choice);
            await Keys.Press(console, "Enter");
            await Keys.AssertFocusGoesTo(console, themes.Locator(".cluster[data-cluster-id] .note", new() { HasTextString = note }).Locator("[data-action=move-note]"));
        }

        await Expect(themes.Locator(".cluster[data-cluster-id]")).ToHaveCountAsync(1);
        await Expect(themes.Locator(".cluster[data-cluster-id] .note")).ToHaveCountAsync(2);
        var last = console.Locator(".facilitator-wall .note", new() { HasTextString = notes[2] });
        await Keys.TabTo(console, last.Locator("[data-action=move-note]"));
        await Keys.Press(console, "Enter");
        await Keys.AssertFocusGoesTo(console, last.Locator(".move-menu"));
        await Keys.Press(console, "Escape");
        await Expect(last.Locator(".move-menu")).ToHaveCountAsync(0);
        await Keys.AssertFocusGoesTo(console, last.Locator("[data-action=move-note]"));

        // The timer: pause and resume are one button, which keeps the focus; a reset hands it to the first preset.
        await Keys.TabTo(console, console.Locator("[data-timer-start='5']"));
        await Keys.Press(console, "Enter");
        var timer = console.Locator(".timer-control [data-timer-status]");
        await Expect(timer).ToHaveAttributeAsync("data-timer-status", "Running");
        await Keys.TabTo(console, console.Locator("[data-action=pause-timer]"));
        await Keys.Press(console, "Enter");
        await Expect(timer).ToHaveAttributeAsync("data-timer-status", "Paused");
        await Keys.AssertFocusGoesTo(console, console.Locator("[data-action=resume-timer]"));
        await Keys.Press(console, "Space");
        await Expect(timer).ToHaveAttributeAsync("data-timer-status", "Running");
        await Keys.TabTo(console, console.Locator("[data-action=reset-timer]"));
        await Keys.Press(console, "Enter");
        await Expect(console.Locator(".timer-control [data-timer-status]")).ToHaveCountAsync(0);
        await Keys.AssertFocusGoesTo(console, console.Locator("[data-timer-start='3']"));

        // The vote step puts the votes first, the new-round form open while no round exists; a new poll: the kind by
        // arrows, the options one a line.
        var voting = console.Locator(".phase-step[data-phase=Vote]");
        await Keys.TabTo(console, voting, backwards: true, most: 120);
        await Keys.Press(console, "Enter");
        await Expect(voting).ToHaveAttributeAsync("aria-current", "step");
        await Keys.TabTo(console, console.Locator("input[name=vote-kind][value=Dots]"));
        await Keys.Press(console, "ArrowRight");
        await Expect(console.Locator("input[name=vote-kind][value=Poll]")).ToBeCheckedAsync();
        await Keys.TabTo(console, console.Locator("#vote-question"));
        await Keys.Type(console, "Quel créneau ?");
        await Keys.TabTo(console, console.Locator("#vote-options"));
        await Keys.Type(console, "Samedi matin");
        await Keys.Press(console, "Enter");
        await Keys.Type(console, "Mardi soir");
        await Keys.TabTo(console, console.Locator("[data-action=open-round]"));
        await Keys.Press(console, "Enter");
        var round = console.Locator(".vote-round.current");
        await Expect(round).ToHaveAttributeAsync("data-status", "Open");
        await Expect(round.Locator("h3")).ToHaveTextAsync("Quel créneau ?");

        // Closing it: "reopen" takes the place of "close", and the focus.
        await Keys.TabTo(console, round.Locator("[data-action=close-round]"));
        await Keys.Press(console, "Enter");
        await Expect(round).ToHaveAttributeAsync("data-status", "Closed");
        await Keys.AssertFocusGoesTo(console, round.Locator("[data-action=reopen-round]"));
    }
}
