using CollectifLive.EndToEnd.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>A note being typed belongs to the browser: it survives a reload and a dropped connection, and is sent once.</summary>
[Collection(AppCollection.Name)]
public class DraftTests(AppFixture app)
{
    [Fact]
    public async Task A_typed_note_survives_a_reload_and_is_sent_once()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var phone = await Screens.JoinByLink(context, workshop.JoinUrl, "Amina");
        await phone.Locator("#note-text").FillAsync("Une idée tapée avant la coupure");
        await phone.Locator("form.composer input[name=column]").Nth(2).CheckAsync();

        await phone.ReloadAsync();

        await Expect(phone.Locator("#note-text")).ToHaveValueAsync("Une idée tapée avant la coupure");
        await Expect(phone.Locator("form.composer input[name=column]").Nth(2)).ToBeCheckedAsync();
        await phone.Locator("form.composer button[type=submit]").ClickAsync();
        await Expect(phone.Locator(".own-notes .note-text")).ToHaveTextAsync(["Une idée tapée avant la coupure"]);
        await Expect(Screens.NoteIn(phone, "c3", "Une idée tapée avant la coupure")).ToHaveCountAsync(1);
        await Expect(phone.Locator("#note-text")).ToHaveValueAsync("");

        await phone.ReloadAsync();
        await Expect(phone.Locator(".own-notes .note")).ToHaveCountAsync(1);
        await Expect(phone.Locator("#note-text")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_note_sent_while_offline_is_sent_once_when_the_connection_returns()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        var network = await NetworkSwitch.Attach(context);
        var projector = await Screens.Open(projectorContext, workshop.ProjectorUrl);
        var phone = await Screens.JoinByLink(context, workshop.JoinUrl, "Amina");

        await network.GoOffline();
        await Expect(phone.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
        await phone.Locator("#note-text").FillAsync("Envoyée dans le tunnel");
        await phone.Locator("form.composer button[type=submit]").ClickAsync();
        await Expect(Screens.Note(projector, "Envoyée dans le tunnel")).ToHaveCountAsync(0);
        Assert.StartsWith($"{app.BaseUrl}/atelier/{workshop.WorkshopId}?code=", phone.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("text=", phone.Url, StringComparison.Ordinal);
        await network.GoOnline();

        await Expect(phone.Locator(".own-notes .note-text")).ToHaveTextAsync(["Envoyée dans le tunnel"], new() { Timeout = 45_000 });
        await Expect(Screens.Note(projector, "Envoyée dans le tunnel")).ToHaveCountAsync(1);
        await Expect(phone.Locator("#note-text")).ToHaveValueAsync("");
        await phone.ReloadAsync();
        await Expect(phone.Locator(".own-notes .note")).ToHaveCountAsync(1);
        await Expect(projector.Locator("[data-count=notes]")).ToHaveTextAsync("1 idée");
    }
}
