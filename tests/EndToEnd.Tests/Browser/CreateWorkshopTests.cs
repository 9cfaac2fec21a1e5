using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public class CreateWorkshopTests(AppFixture app)
{
    [Fact]
    public async Task A_facilitator_creates_a_workshop_from_a_template_and_opens_the_projector_view()
    {
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("input[name=template][value=emergence]").CheckAsync();
        await Expect(page.Locator("#workshop-title")).ToHaveValueAsync("Émergence");
        await Expect(page.Locator("#workshop-question")).ToHaveValueAsync("Quels espaces d'accueil et quel accompagnement des initiatives citoyennes ?");
        await Expect(page.Locator("#workshop-columns")).ToHaveValueAsync("Expériences qui marchent\nFreins\nPréconisations");
        await page.Locator("form.create-form button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/animer/[a-z0-9]{14}#cle="));
        await Expect(page.Locator(".facilitator h1")).ToHaveTextAsync("Émergence");
        await Expect(page.Locator(".wall-column .column-title")).ToHaveTextAsync(new[] { new Regex("^Expériences qui marchent"), new Regex("^Freins"), new Regex("^Préconisations") });
        var code = await page.Locator(".share-panel [data-join-code]").GetAttributeAsync("data-join-code");
        Assert.Matches("^[A-HJ-NP-Z2-9]{6}$", code);
        await Expect(page.Locator(".share-panel svg")).ToBeVisibleAsync();

        var projectorLink = await page.Locator("a[data-link=projector]").GetAttributeAsync("href");
        Assert.DoesNotContain(page.Url.Split("#cle=")[1], projectorLink!, StringComparison.Ordinal);
        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        var projector = await Screens.Open(projectorContext, projectorLink!);
        await Expect(projector.Locator(".projector-join [data-join-code]")).ToHaveAttributeAsync("data-join-code", code!);
        await Expect(projector.Locator(".projector-join svg")).ToBeVisibleAsync();
        await Expect(projector.Locator(".projector-question .question")).ToContainTextAsync("Quels espaces d'accueil");

        // The facilitator link is a bookmark: opened again (as on another device), it is the same console.
        await using var otherDevice = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var again = await Screens.Open(otherDevice, page.Url);
        await Expect(again.Locator(".share-panel [data-join-code]")).ToHaveAttributeAsync("data-join-code", code!);
    }

    [Fact]
    public async Task A_workshop_without_a_title_is_refused_with_a_message_and_nothing_is_created()
    {
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("form.create-form button[type=submit]")).ToBeEnabledAsync();

        // Typing only spaces gets past the browser's "required" check, as a careless click would; the server decides.
        await page.Locator("#workshop-title").FillAsync("   ");
        await page.Locator("form.create-form button[type=submit]").ClickAsync();

        await Expect(page.Locator("form.create-form [role=alert]")).ToHaveTextAsync("Donnez un titre à l'atelier.");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
    }
}
