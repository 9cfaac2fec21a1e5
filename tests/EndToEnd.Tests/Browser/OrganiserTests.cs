using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>An organiser runs a day of two ateliers from one page, while phones take part in each.</summary>
[Collection(AppCollection.Name)]
public class OrganiserTests(AppFixture app)
{
    [Fact]
    public async Task The_organiser_creates_a_day_follows_both_ateliers_live_and_runs_each_console_with_one_key()
    {
        await using var organiserContext = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var organiser = await organiserContext.NewPageAsync();

        // One form: the day and its ateliers (the four of the day are offered; two are kept, one renamed).
        await organiser.GotoAsync("/");
        await organiser.Locator("a[data-link=new-event]").ClickAsync();
        await Expect(organiser).ToHaveTitleAsync(new Regex("Organiser une journée"));
        await organiser.Locator("#event-title").FillAsync("Journée citoyenne de Saint-Michel");
        await organiser.Locator("#event-date").FillAsync("2026-12-05");
        await organiser.Locator("#event-place").FillAsync("Maison des associations");
        await organiser.Locator("button[aria-label='Retirer l’atelier 4']").ClickAsync();
        await organiser.Locator("button[aria-label='Retirer l’atelier 3']").ClickAsync();
        await organiser.Locator("#atelier-title-2").FillAsync("Consolidation des collectifs");
        await organiser.Locator("form.create-event-form button[type=submit]").ClickAsync();

        await Expect(organiser).ToHaveURLAsync(new Regex("/journee/[a-z0-9]{14}#cle="));
        await Expect(organiser.Locator("main.organiser")).ToHaveAttributeAsync("data-status", "ready");
        await Expect(organiser).ToHaveTitleAsync(new Regex("Journée citoyenne de Saint-Michel"));
        var cards = organiser.Locator("article.event-workshop");
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.Nth(0).Locator("h2")).ToHaveTextAsync("Émergence");
        await Expect(cards.Nth(1).Locator("h2")).ToHaveTextAsync("Consolidation des collectifs");
        var codes = new List<string>();
        foreach (var card in await cards.AllAsync())
        {
            codes.Add((await card.Locator("[data-join-code]").GetAttributeAsync("data-join-code"))!);
        }

        // The organiser opens the first atelier's console from the card and moves it to contribution.
        var console = await organiser.RunAndWaitForPopupAsync(() => cards.Nth(0).Locator("a[data-action=open-console]").ClickAsync());
        await Expect(console.Locator("main.facilitator")).ToHaveAttributeAsync("data-status", "Ready");
        // The organiser's key opens the whole day: its console offers no link to copy and hand on.
        await Expect(console.Locator("[data-hint=organiser-console]")).ToBeVisibleAsync();
        await Expect(console.Locator(".share-panel [data-link=projector]")).ToHaveCountAsync(0);
        await console.Locator(".phase-bar button[data-phase=Contribution]").ClickAsync();
        await Expect(cards.Nth(0).Locator("[data-phase]")).ToHaveAttributeAsync("data-phase", "Contribution");

        // Phones join each atelier; their notes show in each card's counts as they arrive.
        await using var phoneA = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        await using var phoneB = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var amina = await Screens.JoinByCode(phoneA, codes[0], "Amina");
        await Screens.PostNote(amina, "Ouvrir la maison de quartier le soir");
        await Expect(cards.Nth(0).Locator("[data-count=notes]")).ToHaveTextAsync("1");
        await Expect(cards.Nth(0).Locator("[data-count=people]")).ToContainTextAsync("1 en salle");

        var secondConsole = await organiser.RunAndWaitForPopupAsync(() => cards.Nth(1).Locator("a[data-action=open-console]").ClickAsync());
        await secondConsole.Locator(".phase-bar button[data-phase=Contribution]").ClickAsync();
        var bruno = await Screens.JoinByCode(phoneB, codes[1], "Bruno", remote: true);
        await Screens.PostNote(bruno, "Un budget participatif pour les collectifs");
        await Screens.PostNote(bruno, "Un référent unique à la mairie");
        await Expect(cards.Nth(1).Locator("[data-count=notes]")).ToHaveTextAsync("2");
        await Expect(cards.Nth(1).Locator("[data-count=people]")).ToContainTextAsync("1 à distance");
        await Expect(cards.Nth(0).Locator("[data-count=notes]")).ToHaveTextAsync("1");

        // The organiser makes a console link for the second atelier's facilitator; making another one stops the first at once.
        var more = cards.Nth(1).Locator("details");
        await more.Locator("summary").ClickAsync();
        await more.Locator("button[data-action=reissue]").ClickAsync();
        var firstLink = await more.Locator("a[data-link=new-facilitator]").GetAttributeAsync("href");
        await using var facilitatorContext = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var facilitator = await Screens.Open(facilitatorContext, firstLink!);
        await Expect(facilitator.Locator("main.facilitator")).ToHaveAttributeAsync("data-status", "Ready");
        await more.Locator("button[data-action=reissue]").ClickAsync();
        await Expect(more.Locator("a[data-link=new-facilitator]")).Not.ToHaveAttributeAsync("href", firstLink!);
        var secondLink = await more.Locator("a[data-link=new-facilitator]").GetAttributeAsync("href");
        await Expect(facilitator.Locator("main.facilitator")).ToHaveAttributeAsync("data-status", "Failed");
        var reissued = await Screens.Open(facilitatorContext, secondLink!);
        await Expect(reissued.Locator("main.facilitator")).ToHaveAttributeAsync("data-status", "Ready");
        await Expect(secondConsole.Locator("main.facilitator")).ToHaveAttributeAsync("data-status", "Ready");

        // An atelier added from the page is followed too.
        await organiser.Locator("#add-template").SelectOptionAsync("numerique");
        await organiser.Locator("button[data-action=add-workshop]").ClickAsync();
        await Expect(cards).ToHaveCountAsync(3);
        await Expect(cards.Nth(2).Locator("h2")).ToHaveTextAsync("Numérique");

        // Deleting the first atelier: its phone and console are told, its card leaves the page.
        await cards.Nth(0).Locator("summary").ClickAsync();
        await cards.Nth(0).Locator("button[data-action=delete-workshop]").ClickAsync();
        await cards.Nth(0).Locator("button[data-action=confirm-delete-workshop]").ClickAsync();
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.Nth(0).Locator("h2")).ToHaveTextAsync("Consolidation des collectifs");
        await Expect(amina.Locator("main.participant")).ToHaveAttributeAsync("data-status", "Failed");
        await Expect(amina.Locator("main.participant")).ToContainTextAsync("supprimé");
        await Expect(console.Locator("main.facilitator")).ToContainTextAsync("supprimé");
    }

    [Fact]
    public async Task With_the_days_code_a_participant_chooses_an_atelier_seeing_how_many_are_already_in_each()
    {
        var day = await Api.WorkshopApiClient.CreateEvent(app.BaseUrl, new
        {
            title = "Journée des associations",
            date = "2026-12-05",
            workshops = new object[] { new { templateId = "emergence" }, new { templateId = "numerique", title = "Numérique et lien social" } },
        });
        Assert.Matches("^[A-Z2-9]{6}$", day.DayCode);

        await using var first = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var amina = await first.NewPageAsync();
        await amina.GotoAsync("/");
        await amina.Locator("#join-code").FillAsync(day.DayCode!.ToLowerInvariant());
        await amina.Locator("form.code-form button[type=submit]").ClickAsync();
        await Expect(amina).ToHaveTitleAsync(new Regex("Choisir son atelier"));
        var choices = amina.Locator(".atelier-choice");
        await Expect(choices).ToHaveCountAsync(2);
        await Expect(choices.Nth(1).Locator(".atelier-title")).ToHaveTextAsync("Numérique et lien social");
        await Expect(choices.Nth(1).Locator("[data-count=people]")).ToContainTextAsync("Déjà 0 en salle");
        await choices.Nth(1).Locator("a").ClickAsync();
        await Screens.Introduce(amina, "Amina", remote: false);
        await Expect(amina.Locator("h1")).ToContainTextAsync("Numérique et lien social");

        // The next phone, by the day's QR link, sees Amina counted in the atelier she chose.
        await using var second = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var bruno = await Screens.Open(second, day.DayJoinUrl!);
        await Expect(bruno.Locator(".atelier-choice").Nth(1).Locator("[data-count=people]")).ToContainTextAsync("Déjà 1 en salle");
        await Expect(bruno.Locator(".atelier-choice").Nth(0).Locator("[data-count=people]")).ToContainTextAsync("Déjà 0 en salle");

        // A script joining through the hub is told to choose an atelier; a wrong code opens nothing.
        await using var hub = await Api.HubClient.Connect(app.BaseUrl);
        var refused = await hub.Join(new Web.Realtime.HubJoinRequest(day.DayCode!, "Script"));
        Assert.Equal(Workshops.WorkshopError.DayCodeNeedsAtelier, refused.Error?.Code);
        var wrong = await Screens.Open(second, $"/journee/{day.EventId}/ateliers?code=ZZZZZZ");
        await Expect(wrong.Locator(".atelier-choice")).ToHaveCountAsync(0);
        await Expect(wrong.Locator("main")).ToContainTextAsync("Saisir un autre code");
    }

    [Fact]
    public async Task The_plenary_walks_through_both_ateliers_recommendations_while_phones_of_each_give_their_consent()
    {
        var day = await Api.WorkshopApiClient.CreateEvent(app.BaseUrl, new
        {
            title = "Journée citoyenne de restitution",
            date = "2026-12-05",
            workshops = new object[] { new { templateId = "emergence" }, new { templateId = "numerique" } },
        });
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Api.WorkshopApiClient.OrganiserKey(day));
        foreach (var (workshop, title) in new[]
        {
            (day.Workshops[0], "Ouvrir la maison de quartier le soir"),
            (day.Workshops[0], "Un référent unique à la mairie"),
            (day.Workshops[1], "Des ateliers numériques sans obligation"),
        })
        {
            using var written = await http.PostAsJsonAsync($"/api/workshops/{workshop.WorkshopId}/recommendations", new { title });
            Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        }

        await using var laptop = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var organiser = await Screens.Open(laptop, new Uri(day.OrganiserUrl).PathAndQuery + new Uri(day.OrganiserUrl).Fragment);
        await Expect(organiser.Locator("article.event-workshop")).ToHaveCountAsync(2);
        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        var projector = await Screens.Open(projectorContext, (await organiser.Locator("a[data-action=open-plenary]").GetAttributeAsync("href"))!);
        await Expect(projector.Locator("main.plenary")).ToHaveAttributeAsync("data-status", "ready");
        await Expect(projector.Locator(".plenary-waiting")).ToBeVisibleAsync();

        await using var phoneA = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        await using var phoneB = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl, "en-US"));
        var amina = await Screens.JoinByLink(phoneA, day.Workshops[0].JoinUrl, "Amina");
        var bruno = await Screens.JoinByLink(phoneB, day.Workshops[1].JoinUrl, "Bruno", remote: true);

        await organiser.Locator("[data-action=plenary-start]").ClickAsync();
        await Expect(projector.Locator(".plenary-progress")).ToHaveTextAsync("1 / 3");
        await Expect(projector.Locator("#plenary-recommendation-title")).ToContainTextAsync("Ouvrir la maison de quartier le soir");
        await Expect(projector.Locator(".plenary-atelier")).ToContainTextAsync("Émergence");
        await Expect(amina.Locator(".day-plenary")).ToContainTextAsync("Ouvrir la maison de quartier le soir");
        await Expect(bruno.Locator(".day-plenary")).ToContainTextAsync("Ouvrir la maison de quartier le soir");
        await Expect(bruno.Locator("#day-plenary-title")).ToHaveTextAsync("The day's plenary");

        // A phone of each atelier answers; the big screen and the organiser see the room's consent.
        await bruno.Locator(".day-plenary button[data-answer=agree]").ClickAsync();
        await Expect(bruno.Locator(".day-consent-given")).ToBeVisibleAsync();
        await amina.Locator(".day-plenary button[data-answer=object]").ClickAsync();
        await Expect(projector.Locator(".day-consent-bars li[data-answer=agree] .dc-count")).ToHaveTextAsync("1");
        await Expect(projector.Locator(".day-consent-bars li[data-answer=object] .dc-count")).ToHaveTextAsync("1");
        await Expect(projector.Locator(".day-consent-bars")).ToHaveAttributeAsync("data-voters", "2");
        await Expect(organiser.Locator(".plenary-consent")).ToHaveAttributeAsync("data-voters", "2");

        // Changing one's mind replaces the answer.
        await amina.Locator(".day-plenary button[data-answer=live]").ClickAsync();
        await Expect(projector.Locator(".day-consent-bars li[data-answer=object] .dc-count")).ToHaveTextAsync("0");
        await Expect(projector.Locator(".day-consent-bars")).ToHaveAttributeAsync("data-voters", "2");

        await organiser.Locator("[data-action=plenary-next]").ClickAsync();
        await Expect(projector.Locator(".plenary-progress")).ToHaveTextAsync("2 / 3");
        await Expect(projector.Locator(".day-consent-bars")).ToHaveAttributeAsync("data-voters", "0");
        await organiser.Locator("[data-action=plenary-next]").ClickAsync();
        await Expect(projector.Locator(".plenary-progress")).ToHaveTextAsync("3 / 3");
        await Expect(projector.Locator(".plenary-atelier")).ToContainTextAsync("Numérique");
        await Expect(amina.Locator(".day-plenary")).ToContainTextAsync("Des ateliers numériques sans obligation");
        await Expect(organiser.Locator("[data-action=plenary-next]")).ToBeDisabledAsync();

        await organiser.Locator("[data-action=plenary-end]").ClickAsync();
        await Expect(projector.Locator(".plenary-waiting")).ToBeVisibleAsync();
        await Expect(amina.Locator(".day-plenary")).ToHaveCountAsync(0);

        // The day's printable synthesis: participation, every recommendation with the plenary's consent, each atelier whole.
        var printable = await organiser.RunAndWaitForPopupAsync(() => organiser.Locator("a[data-action=print-day]").ClickAsync());
        await Expect(printable.Locator("main.day-synthesis")).ToHaveAttributeAsync("data-status", "ready");
        await Expect(printable).ToHaveTitleAsync(new Regex("Synthèse de la journée · Journée citoyenne de restitution"));
        await Expect(printable.Locator("[data-total=people]")).ToHaveTextAsync("2");
        await Expect(printable.Locator(".day-recommendations li").First).ToContainTextAsync("consentement de la plénière : 1 d’accord, 1 peuvent vivre avec");
        await Expect(printable.Locator(".synthesis-body")).ToHaveCountAsync(2);
        await Expect(printable.Locator(".synthesis-body h2").First).ToHaveTextAsync("Émergence");

        // The day's synthesis keeps the room's consent on what the plenary showed.
        using var markdown = await http.GetAsync($"/api/events/{day.EventId}/export/markdown");
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("consentement de la plénière : 1 d’accord, 1 peuvent vivre avec, 0 objection(s)", text, StringComparison.Ordinal);
    }
}
