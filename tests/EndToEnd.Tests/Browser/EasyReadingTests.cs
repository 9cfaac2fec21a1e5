using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Web.Api;
using CollectifLive.Workshops;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// Easy reading, switched on by a participant: larger type, simpler words, one thing at a time on the phone, and the
/// browser remembers it for the next page and the next workshop.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public class EasyReadingTests(AppFixture app)
{
    [Fact]
    public async Task A_participant_switches_easy_reading_on_and_the_phone_shows_simpler_words_larger_one_thing_at_a_time_until_switched_off()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var phone = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await Screens.JoinByLink(phone, workshop.JoinUrl, "Amina");
        await Screens.PostNote(page, "Une salle ouverte le soir");
        await Expect(page.Locator("#composer-title")).ToHaveTextAsync("Proposer une idée");
        var usualSize = await RootFontSize(page);

        var toggle = page.Locator("[data-action=easy-reading]");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("main.participant")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\beasy\b"));
        Assert.Equal(usualSize * 1.25, await RootFontSize(page), 1);
        await Expect(page.Locator("#composer-title")).ToHaveTextAsync("Écrire une idée");
        await Expect(page.Locator("form.composer button[type=submit]")).ToHaveTextAsync("Envoyer mon idée");
        await Expect(page.Locator(".phase-hint")).ToHaveTextAsync("Écrivez une idée. Puis envoyez-la.");

        // One thing at a time: writing (with one's own notes), or the wall.
        await Expect(page.Locator(".own-notes")).ToBeVisibleAsync();
        await Expect(page.Locator(".participant-wall")).ToHaveCountAsync(0);
        await page.Locator(".easy-sections [data-section=Wall]").ClickAsync();
        await Expect(Screens.Note(page, "Une salle ouverte le soir")).ToBeVisibleAsync();
        await Expect(page.Locator("form.composer")).ToHaveCountAsync(0);

        // A vote that opens comes up by itself, its rules in simple words.
        await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Poll, "Quel créneau ?", Options: ["Samedi matin", "Mardi soir"]));
        await Expect(page.Locator(".easy-sections [data-section=Vote]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(".ballot .hint").First).ToHaveTextAsync("Choisissez une réponse.");
        await Expect(page.Locator(".participant-wall")).ToHaveCountAsync(0);

        // Remembered by the browser: another page of it opens in easy reading; switched off, everything is back.
        var again = await phone.NewPageAsync();
        await again.GotoAsync(workshop.JoinUrl);
        await Expect(again.Locator("main.participant.easy")).ToBeVisibleAsync();
        await again.Locator("[data-action=easy-reading]").ClickAsync();
        await Expect(again.Locator("main.participant")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\beasy\b"));
        await Expect(again.Locator(".ballot .hint").First).ToHaveTextAsync("Un seul choix.");
        await Expect(again.Locator(".participant-wall")).ToBeVisibleAsync();
        await Expect(again.Locator("form.composer, [data-writing]")).ToHaveCountAsync(1);
        Assert.Equal(usualSize, await RootFontSize(again), 1);
    }

    private static Task<double> RootFontSize(Microsoft.Playwright.IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
