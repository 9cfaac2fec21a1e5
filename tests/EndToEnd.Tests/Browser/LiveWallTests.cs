using CollectifLive.EndToEnd.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public class LiveWallTests(AppFixture app)
{
    [Fact]
    public async Task Two_participants_join_by_code_and_by_link_and_their_notes_appear_live_everywhere()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var phoneContext = await room.Device(Devices.Phone(app.BaseUrl));
        var facilitator = room.Console.Page;
        var projector = room.Projector;
        await Expect(projector.Locator("[data-count=room]")).ToHaveTextAsync("0 dans la salle");

        var amina = await Screens.JoinByCode(phoneContext, workshop.JoinCode, "Amina");
        var bruno = await room.Join("Bruno", remote: true);
        await Expect(projector.Locator("[data-count=room]")).ToHaveTextAsync("1 dans la salle");
        await Expect(projector.Locator("[data-count=remote]")).ToHaveTextAsync("1 à distance");

        await Screens.PostNote(amina, "Un tiers-lieu ouvert le soir", columnIndex: 0);
        await Screens.PostNote(bruno, "Les horaires des permanences", columnIndex: 1);

        await Expect(Screens.NoteIn(projector, "c1", "Un tiers-lieu ouvert le soir")).ToBeVisibleAsync();
        await Expect(Screens.NoteIn(projector, "c2", "Les horaires des permanences")).ToBeVisibleAsync();
        await Expect(Screens.NoteIn(facilitator, "c1", "Un tiers-lieu ouvert le soir")).ToBeVisibleAsync();
        await Expect(facilitator.Locator(".wall .note", new() { HasTextString = "Un tiers-lieu" }).Locator(".note-author")).ToHaveTextAsync("Amina");
        await Expect(Screens.Note(amina, "Les horaires des permanences")).ToBeVisibleAsync();
        await Expect(Screens.Note(bruno, "Un tiers-lieu ouvert le soir")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-count=notes]")).ToHaveTextAsync("2 idées");

        // The projector and the other participants never see who wrote what.
        await Expect(projector.Locator(".note-author")).ToHaveCountAsync(0);
        await Expect(bruno.Locator(".wall .note-author")).ToHaveCountAsync(0);
        await Expect(facilitator.Locator(".roster li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_participant_stays_the_same_participant_after_a_reload()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var phoneContext = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var phone = await Screens.JoinByLink(phoneContext, workshop.JoinUrl, "Chloé");
        await Screens.PostNote(phone, "Une idée avant le rechargement");

        await phone.ReloadAsync();

        await Expect(phone.Locator(".own-notes .note-text")).ToHaveTextAsync("Une idée avant le rechargement");
        await Expect(phone.Locator("form.join-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_browser_asking_for_english_gets_the_live_pages_in_english()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl, "en-GB"));
        var page = await Screens.Open(context, workshop.JoinUrl);

        await Expect(page.Locator("form.join-form button[type=submit]")).ToHaveTextAsync("Enter the workshop");
        await Screens.Introduce(page, "Ann", remote: false);
        await Expect(page.Locator("[data-count=notes]")).ToHaveTextAsync("0 ideas");
        await Screens.PostNote(page, "One idea");
        await Expect(page.Locator("[data-count=notes]")).ToHaveTextAsync("1 idea");
    }
}
