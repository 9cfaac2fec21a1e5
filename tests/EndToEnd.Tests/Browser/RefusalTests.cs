using CollectifLive.EndToEnd.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>Bad input gets a clear message in the user's language and changes nothing.</summary>
[Collection(AppCollection.Name)]
public class RefusalTests(AppFixture app)
{
    [Fact]
    public async Task A_forged_facilitator_or_projector_key_opens_nothing()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var forgedFacilitator = workshop.FacilitatorUrl.Split("#cle=")[0] + "#cle=Forged-key-that-looks-right-0123456789abcd";
        var projectorKeyAsFacilitator = workshop.FacilitatorUrl.Split("#cle=")[0] + "#cle=" + workshop.ProjectorUrl.Split("#cle=")[1];

        foreach (var url in new[] { forgedFacilitator, projectorKeyAsFacilitator, workshop.FacilitatorUrl.Split('#')[0] })
        {
            var page = await Screens.Open(context, url);
            await Expect(page.Locator("[role=alert]")).ToHaveTextAsync("Ce lien ou cette clé n'est pas valable pour cet atelier.");
            await Expect(page.Locator(".share-panel")).ToHaveCountAsync(0);
            await Expect(page.Locator(".wall")).ToHaveCountAsync(0);
        }

        var projector = await Screens.Open(context, workshop.ProjectorUrl.Split("#cle=")[0] + "#cle=Forged-key-that-looks-right-0123456789abcd");
        await Expect(projector.Locator("[role=alert]")).ToBeVisibleAsync();
        await Expect(projector.Locator(".wall")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_forged_participant_key_is_not_anyone_and_must_join()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await Screens.JoinByLink(context, workshop.JoinUrl, "Amina");
        await Screens.PostNote(page, "La note d'Amina");

        // Someone edits the kept token to another participant's id with a made-up secret.
        await page.EvaluateAsync(@"() => {
            const key = Object.keys(localStorage).find(k => k.startsWith('collectif.participant.'));
            localStorage.setItem(key, 'p1.Forged-secret-that-looks-right-000000000');
        }");
        await page.ReloadAsync();

        await Expect(page.Locator("form.join-form")).ToBeVisibleAsync();
        await Expect(page.Locator(".own-notes")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_or_malformed_code_is_explained_in_french_and_in_english()
    {
        await using var french = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await french.NewPageAsync();
        await page.GotoAsync("/j/ZZZZZZ");
        await Expect(page.Locator("[role=alert]")).ToHaveTextAsync("Aucun atelier n'a ce code. Vérifiez-le à l'écran.");
        await page.GotoAsync("/j/AB0");
        await Expect(page.Locator("[role=alert]")).ToHaveTextAsync("Un code a 6 caractères (lettres et chiffres, sans 0, O, 1 ni I).");

        await using var english = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl, "en-GB"));
        var englishPage = await english.NewPageAsync();
        await englishPage.GotoAsync("/j/ZZZZZZ");
        await Expect(englishPage.Locator("[role=alert]")).ToHaveTextAsync("No workshop has this code. Check it on the screen.");
        await Expect(englishPage.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task An_over_long_paste_is_said_before_sending_then_refused_with_its_limit_and_the_draft_is_kept()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await Screens.JoinByLink(context, workshop.JoinUrl, "Amina");
        var tooLong = new string('x', 512);

        // Nothing is cut silently: the whole paste stays in the field and the count says by how much it is too long.
        await page.Locator("#note-text").FillAsync(tooLong);
        await Expect(page.Locator("#note-count")).ToHaveTextAsync("512 / 500 · trop long : retirez 12 caractères avant d’envoyer");
        await Expect(page.Locator("#note-count")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("over"));
        await page.Locator("form.composer button[type=submit]").ClickAsync();

        await Expect(page.Locator("form.composer [role=alert]")).ToHaveTextAsync("Le texte dépasse 500 caractères.");
        await Expect(page.Locator("#note-text")).ToHaveValueAsync(tooLong);
        await Expect(page.Locator(".own-notes .note")).ToHaveCountAsync(0);
        await Expect(page.Locator(".wall .note")).ToHaveCountAsync(0);
    }
}
