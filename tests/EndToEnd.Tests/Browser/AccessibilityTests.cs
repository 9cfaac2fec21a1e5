using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// axe-core on every page and every step a workshop goes through, on the device each screen is meant for: no serious or
/// critical violation anywhere. One workshop walks through its steps (setting one up costs seconds); a day of ateliers
/// does the same for the organiser's screens.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public class AccessibilityTests(AppFixture app)
{
    [Fact]
    public async Task Pages_outside_a_workshop_have_no_serious_or_critical_accessibility_violation()
    {
        var audit = AxeAudit.For();
        await using var phone = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("form.create-form")).ToBeVisibleAsync();
        await audit.Check(page, "home");
        await page.GotoAsync("/j");
        await Expect(page.Locator("#join-code")).ToBeVisibleAsync();
        await audit.Check(page, "join by code");
        await page.GotoAsync("/j/ZZZZZZ");
        await Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
        await audit.Check(page, "join by code, unknown code");
        await page.GotoAsync("/confidentialite");
        await audit.Check(page, "privacy");

        // The statement, from the footer: partially conformant, and whom to tell, as the operator set it.
        await page.Locator("footer a[data-link=accessibility]").ClickAsync();
        await Expect(page).ToHaveTitleAsync("Accessibilité · CollectifLive");
        await Expect(page.Locator("main.accessibility h1")).ToHaveTextAsync("Déclaration d'accessibilité");
        await Expect(page.Locator("[data-conformance]")).ToContainTextAsync("partiellement conforme");
        await Expect(page.Locator("main.accessibility h2")).ToHaveTextAsync(
            ["État de conformité", "Ce qui a été vérifié, et comment", "Ce qui n'est pas conforme ou pas vérifié", "Signaler un problème", "Voies de recours", "Date"]);
        await Expect(page.Locator("a[data-contact=mail]")).ToHaveAttributeAsync("href", "mailto:" + AppSettings.OperatorContact);
        await audit.Check(page, "accessibility statement");
        await page.GotoAsync("/no-such-page");
        await audit.Check(page, "not found");
        await page.GotoAsync("/atelier/nosuchworkshop");
        await Expect(page.Locator("main.participant")).ToHaveAttributeAsync("data-status", "Failed");
        await audit.Check(page, "participant, unknown workshop");
        await page.GotoAsync("/projection/nosuchworkshop#cle=Forged-key-that-looks-right-0123456789abcd");
        await Expect(page.Locator("main.projector")).ToHaveAttributeAsync("data-status", "Failed");
        await audit.Check(page, "projector, refused key");
        await page.GotoAsync("/journee/nouvelle");
        await Expect(page.Locator("form.create-event-form")).ToBeVisibleAsync();
        await audit.Check(page, "new event");

        await using var english = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl, "en-US"));
        var laptop = await english.NewPageAsync();
        await laptop.GotoAsync("/");
        await Expect(laptop.Locator("form.create-form")).ToBeVisibleAsync();
        await audit.Check(laptop, "home, English, laptop");
        await laptop.GotoAsync("/accessibility");
        await Expect(laptop.Locator("main.accessibility h1")).ToHaveTextAsync("Accessibility statement");
        await audit.Check(laptop, "accessibility statement, English, laptop");

        audit.AssertClean();
    }

    [Fact]
    public async Task Live_pages_have_a_title_in_their_first_html_before_their_circuit_names_them()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var firstTitles = new Dictionary<string, string>
        {
            ["/atelier/w0"] = "Atelier · CollectifLive",
            ["/animer/w0"] = "Animation · CollectifLive",
            ["/projection/w0"] = "Vue projetée · CollectifLive",
            ["/animer/w0/synthese"] = "Synthèse · CollectifLive",
            ["/journee/e0"] = "Journée · CollectifLive",
            ["/journee/e0/pleniere"] = "Plénière · CollectifLive",
            ["/journee/e0/synthese"] = "Synthèse de la journée · CollectifLive",
        };
        foreach (var (path, title) in firstTitles)
        {
            var html = await http.GetStringAsync(path);
            Assert.Equal(title, System.Net.WebUtility.HtmlDecode(Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value));
            Assert.Single(Regex.Matches(html, "<title>"));
        }
    }

    [Fact]
    public async Task A_workshop_has_no_serious_or_critical_accessibility_violation_on_any_screen_at_any_step()
    {
        var audit = AxeAudit.For();
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl, phase: Phase.Welcome);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        await Expect(projector.Locator("main.projector")).ToHaveAttributeAsync("data-status", "Ready");

        var aminaPhone = await room.Device(Devices.Phone(app.BaseUrl));
        var amina = await Screens.Open(aminaPhone, workshop.JoinUrl);
        await Expect(amina.Locator("form.join-form")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, join form");
        await Screens.Introduce(amina, "Amina", remote: false);
        var bruno = await room.Join("Bruno", remote: true);

        await audit.Check(amina, "phone, welcome");
        await audit.Check(console.Page, "console, welcome");
        await audit.Check(projector, "projector, welcome");

        // Writing: the composer, own notes, an edit, a deletion to confirm; the wall on every screen.
        await console.SetPhase(Phase.Contribution);
        await Expect(amina.Locator("form.composer")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, writing");
        await Screens.PostNote(amina, "Une salle ouverte le soir");
        await Screens.PostNote(bruno, "Des horaires adaptés aux familles");
        await Screens.PostNote(amina, "Un accompagnement au numérique", columnIndex: 1);
        await amina.Locator(".own-notes [data-action=edit]").First.ClickAsync();
        await audit.Check(amina, "phone, writing, editing a note");
        await amina.Keyboard.PressAsync("Escape");
        await amina.Locator(".own-notes [data-action=delete]").First.ClickAsync();
        await Expect(amina.Locator(".own-notes [data-action=confirm-delete]")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, writing, deleting a note");
        await console.Setting("see-wall", on: true);
        await Expect(Screens.Note(amina, "Des horaires adaptés aux familles")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, writing, the wall shown");
        await console.Setting("silent", on: true);
        await Screens.PostNote(bruno, "Une idée écrite en silence");
        await Expect(console.Page.Locator("[data-action=reveal-all]")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-wall=silent]")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, silent writing");
        await audit.Check(projector, "projector, silent writing");
        await audit.Check(console.Page, "console, silent writing");
        await console.Setting("silent", on: false);
        await console.Setting("premoderation", on: true);
        await Screens.PostNote(bruno, "Une idée à modérer");
        await Expect(console.Page.Locator(".moderation [data-note-id]")).ToHaveCountAsync(1);
        await console.Page.Locator("[data-timer-start='5']").ClickAsync();
        await Expect(console.Page.Locator("cl-timer")).ToBeVisibleAsync();
        await audit.Check(console.Page, "console, writing, a note to moderate, timer running");
        await audit.Check(projector, "projector, wall by columns");
        await audit.Check(bruno, "laptop, writing");
        await console.Setting("premoderation", on: false);

        // Grouping: a theme made from selected notes, the projector by themes, then spotlights.
        await console.SetPhase(Phase.Grouping);
        foreach (var note in new[] { "Une salle ouverte le soir", "Des horaires adaptés aux familles" })
        {
            await console.Note(note).Locator("input[type=checkbox]").CheckAsync();
        }

        await audit.Check(console.Page, "console, grouping, notes selected");
        await console.Page.Locator("#new-theme-name").FillAsync("Des lieux ouverts");
        await console.Page.Locator("#new-theme-name").PressAsync("Enter");
        var theme = console.Page.Locator(".cluster[data-cluster-id]", new() { HasTextString = "Des lieux ouverts" });
        await Expect(theme.Locator(".note")).ToHaveCountAsync(2);
        await audit.Check(console.Page, "console, grouping, a theme");
        await audit.Check(amina, "phone, grouping");
        await console.Page.Locator("input[name=projector-layout][value=Themes]").CheckAsync();
        await Expect(projector.Locator(".themes.projected")).ToBeVisibleAsync();
        await audit.Check(projector, "projector, wall by themes");
        await console.NoteAction("Un accompagnement au numérique", "spotlight");
        await Expect(projector.Locator("[data-spotlight=note]")).ToBeVisibleAsync();
        await audit.Check(projector, "projector, a note in the spotlight");
        await theme.Locator(".cluster-heading [data-action=spotlight]").ClickAsync();
        await Expect(projector.Locator("[data-spotlight=cluster]")).ToBeVisibleAsync();
        await audit.Check(projector, "projector, a theme in the spotlight");
        await audit.Check(console.Page, "console, grouping, a spotlight");
        await console.Page.Locator("[data-action=clear-spotlight]").ClickAsync();

        // Votes of every kind: the phone's ballot, the console's round, the projector's board, open then closed.
        await console.SetPhase(Phase.Vote);
        await console.OpenRound(VoteKind.Dots, "Que retenir en priorité ?", budget: 3, cap: 2);
        var ballot = amina.Locator(".ballot");
        await Expect(ballot.Locator(".ballot-items li")).Not.ToHaveCountAsync(0);
        await audit.Check(amina, "phone, dot vote");
        await ballot.Locator("[data-action=add-dot]").First.ClickAsync();
        await Expect(ballot.Locator(".ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        await audit.Check(amina, "phone, dot vote, a dot given");
        await audit.Check(console.Page, "console, dot vote open");
        await audit.Check(projector, "projector, dot vote open");
        await console.Page.Locator(".vote-round.current [data-action=close-round]").ClickAsync();
        await Expect(ballot).ToHaveAttributeAsync("data-status", "Closed");
        await audit.Check(amina, "phone, dot vote closed");
        await audit.Check(projector, "projector, dot vote results");
        await audit.Check(console.Page, "console, dot vote closed");

        var poll = await console.OpenRound(VoteKind.Poll, "Quel créneau ?", options: ["Samedi matin", "Mardi soir"]);
        await audit.Check(amina, "phone, poll");
        await amina.Locator(".ballot .vote-choice", new() { HasTextString = "Mardi soir" }).ClickAsync();
        await Expect(amina.Locator(".ballot .ballot-state")).ToHaveAttributeAsync("data-saved", "yes");
        var paper = poll.Locator("input[data-paper=o1]");
        await paper.FillAsync("5000");
        await paper.BlurAsync();
        await Expect(console.Page.Locator(".command-notice")).ToBeVisibleAsync();
        await audit.Check(console.Page, "console, poll, a refusal");
        await audit.Check(projector, "projector, poll open");
        await console.Page.Locator(".vote-round.current [data-action=close-round]").ClickAsync();
        await Expect(amina.Locator(".ballot")).ToHaveAttributeAsync("data-status", "Closed");
        await audit.Check(projector, "projector, poll results");

        await console.OpenRound(VoteKind.Scale, "Ce lieu est utile");
        await Expect(amina.Locator(".ballot .vote-choices.scale")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, scale");
        await amina.Locator(".ballot .vote-choice").Nth(3).ClickAsync();
        await audit.Check(projector, "projector, scale open");
        await console.Page.Locator(".vote-round.current [data-action=close-round]").ClickAsync();
        await Expect(amina.Locator(".ballot")).ToHaveAttributeAsync("data-status", "Closed");
        await audit.Check(amina, "phone, scale closed");
        await audit.Check(projector, "projector, scale results");

        await console.OpenRound(VoteKind.WordCloud, "Un mot pour ce quartier ?");
        await Expect(amina.Locator("#answer-0")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, word cloud");
        await amina.Locator("#answer-0").FillAsync("Solidarité");
        await amina.Locator("[data-action=send-words]").ClickAsync();
        await Expect(projector.Locator(".word-cloud li")).ToHaveCountAsync(1);
        await audit.Check(amina, "phone, word cloud, answered");
        await audit.Check(projector, "projector, word cloud");
        await audit.Check(console.Page, "console, word cloud");
        await console.Page.Locator(".vote-round.current [data-action=close-round]").ClickAsync();

        // Synthesis: recommendations, a consent round with an objection, the restitution, the printable synthesis.
        await console.SetPhase(Phase.Synthesis);
        await audit.Check(console.Page, "console, synthesis, empty");
        var editor = console.Page.Locator("form[data-editor=new]");
        await editor.Locator(".rec-title").FillAsync("Ouvrir une maison des initiatives le soir");
        await editor.Locator("input[data-source]").First.CheckAsync();
        await editor.Locator("[data-action=save-recommendation]").ClickAsync();
        var recommendation = console.Page.Locator(".recommendation").First;
        await Expect(recommendation).ToBeVisibleAsync();
        await recommendation.Locator("[data-action=open-consent]").ClickAsync();
        await Expect(amina.Locator(".vote-choice[data-item=object]")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, consent round");
        await amina.Locator(".vote-choice[data-item=object]").ClickAsync();
        await Expect(amina.Locator("form.objection-form")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, consent round, an objection");
        await amina.Locator("form.objection-form textarea").FillAsync("Le soir, les familles ne viennent pas");
        await amina.Locator("[data-action=send-reason]").ClickAsync();
        await Expect(amina.Locator("[data-reason-sent]")).ToBeVisibleAsync();
        await Expect(recommendation.Locator(".consent-summary li[data-item=object]")).ToHaveAttributeAsync("data-total", "1");
        await audit.Check(console.Page, "console, synthesis, a consent round");
        await audit.Check(projector, "projector, restitution");
        await recommendation.Locator("[data-action=project-recommendation]").ClickAsync();
        await Expect(projector.Locator("[data-spotlight=recommendation]")).ToBeVisibleAsync();
        await audit.Check(projector, "projector, a recommendation in the spotlight");
        await console.Page.Locator(".vote-round[data-status=Open] [data-action=close-round]").ClickAsync();
        await Expect(amina.Locator(".ballot[data-status=Closed]")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, synthesis, consent closed");
        await audit.Check(bruno, "laptop, synthesis");

        var print = await console.Page.Context.RunAndWaitForPageAsync(() => console.Page.Locator("[data-action=print-synthesis]").ClickAsync());
        await Expect(print.Locator("main.synthesis-print h2").First).ToBeVisibleAsync();
        await audit.Check(print, "printable synthesis");

        // Confirmations that change the page: removing someone, a new code, deleting the workshop, leaving it.
        await console.Page.Locator(".roster [data-action=remove]").First.ClickAsync();
        await console.Page.Locator("[data-action=rotate-code]").ClickAsync();
        await console.Page.Locator("[data-action=delete-workshop]").ClickAsync();
        await Expect(console.Page.Locator("[data-action=confirm-delete-workshop]")).ToBeVisibleAsync();
        await audit.Check(console.Page, "console, confirmations");
        await amina.Locator("[data-action=leave]").ClickAsync();
        await Expect(amina.Locator("[data-action=confirm-leave]")).ToBeVisibleAsync();
        await audit.Check(amina, "phone, leaving");

        // The facilitator's browser lists the workshop on the home page.
        var home = await Screens.Open(console.Page.Context, "/");
        await Expect(home.Locator(".my-workshops-list li")).Not.ToHaveCountAsync(0);
        await audit.Check(home, "home, my workshops");

        audit.AssertClean();
    }

    [Fact]
    public async Task A_day_of_ateliers_has_no_serious_or_critical_accessibility_violation_on_the_organisers_screens()
    {
        var audit = AxeAudit.For();
        var day = await WorkshopApiClient.CreateEvent(app.BaseUrl, new
        {
            title = "Journée citoyenne",
            date = "2026-12-05",
            workshops = new object[] { new { templateId = "emergence" }, new { templateId = "numerique" } },
        });
        using (var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", WorkshopApiClient.OrganiserKey(day));
            using var written = await http.PostAsJsonAsync($"/api/workshops/{day.Workshops[0].WorkshopId}/recommendations", new { title = "Ouvrir la maison de quartier le soir" });
            Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        }

        await using var laptop = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var organiser = await Screens.Open(laptop, new Uri(day.OrganiserUrl).PathAndQuery + new Uri(day.OrganiserUrl).Fragment);
        await Expect(organiser.Locator("article.event-workshop")).ToHaveCountAsync(2);
        await audit.Check(organiser, "organiser");

        await using var phone = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var amina = await Screens.Open(phone, day.DayJoinUrl!);
        await Expect(amina.Locator(".atelier-choice")).ToHaveCountAsync(2);
        await audit.Check(amina, "phone, choosing an atelier");
        await amina.Locator(".atelier-choice").First.Locator("a").ClickAsync();
        await Screens.Introduce(amina, "Amina", remote: false);

        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        var projector = await Screens.Open(projectorContext, (await organiser.Locator("a[data-action=open-plenary]").GetAttributeAsync("href"))!);
        await Expect(projector.Locator(".plenary-waiting")).ToBeVisibleAsync();
        await audit.Check(projector, "plenary projector, waiting");
        await organiser.Locator("[data-action=plenary-start]").ClickAsync();
        await Expect(projector.Locator(".plenary-progress")).ToHaveTextAsync("1 / 1");
        await amina.Locator(".day-plenary button[data-answer=agree]").ClickAsync();
        await Expect(projector.Locator(".day-consent-bars")).ToHaveAttributeAsync("data-voters", "1");
        await audit.Check(projector, "plenary projector, a recommendation");
        await audit.Check(amina, "phone, plenary");
        await audit.Check(organiser, "organiser, plenary running");

        var printable = await organiser.RunAndWaitForPopupAsync(() => organiser.Locator("a[data-action=print-day]").ClickAsync());
        await Expect(printable.Locator("main.day-synthesis")).ToHaveAttributeAsync("data-status", "ready");
        await audit.Check(printable, "day synthesis");

        await organiser.Locator("[data-action=delete-event]").ClickAsync();
        await Expect(organiser.Locator("[data-action=confirm-delete-event]")).ToBeVisibleAsync();
        await audit.Check(organiser, "organiser, deleting the day");

        audit.AssertClean();
    }
}
