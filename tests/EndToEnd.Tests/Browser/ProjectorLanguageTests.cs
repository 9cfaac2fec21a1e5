using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Web.Realtime;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// The projector has its own language, chosen on it: the console beside it on the same laptop keeps its own. A browser
/// that asks for neither French nor English gets French.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public class ProjectorLanguageTests(AppFixture app)
{
    [Fact]
    public async Task The_projector_switches_to_english_and_back_on_its_own_while_a_german_browser_gets_french()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var german = Devices.Projector(app.BaseUrl);
        german.Locale = "de-DE";
        await using var laptop = await app.Browser.NewContextAsync(german);
        var console = (await Console.Open(laptop, workshop.FacilitatorUrl)).Page;
        var projector = await Screens.Open(laptop, workshop.ProjectorUrl);
        var room = projector.Locator(".projector-banner [data-count=room]");
        await Expect(projector.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(room).ToHaveTextAsync("0 dans la salle");
        await Expect(console.Locator("#wall-title")).ToHaveTextAsync("Le mur");

        // English on the projector, by its own switch, with the keyboard: what is pushed to it afterwards is English too.
        await Keys.TabTo(projector, projector.Locator(".projector-language a[lang=en]"));
        await Keys.Press(projector, "Enter");
        await Expect(projector.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(room).ToHaveTextAsync("0 in the room");
        await Expect(projector.Locator(".projector-language a[aria-current=true]")).ToHaveTextAsync("English");
        await using var participant = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await participant.Join(new HubJoinRequest(workshop.JoinCode, "Bruno"))).Error);
        await Expect(room).ToHaveTextAsync("1 in the room");

        // The console, on the same laptop, stays French, even opened again; so does a German phone.
        await console.ReloadAsync();
        await Expect(console.Locator("#wall-title")).ToHaveTextAsync("Le mur");
        await Expect(console.Locator(".workshop-heading [data-count=room]")).ToHaveTextAsync("1 dans la salle");
        await using var phone = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl, locale: "de-DE"));
        var join = await Screens.Open(phone, workshop.JoinUrl);
        await Expect(join.Locator("#join-title")).ToHaveTextAsync("Se présenter");
        await Expect(join.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        // And back to French, on the projector alone.
        await Keys.TabTo(projector, projector.Locator(".projector-language a[lang=fr]"));
        await Keys.Press(projector, "Enter");
        await Expect(projector.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(room).ToHaveTextAsync("1 dans la salle");
    }
}
