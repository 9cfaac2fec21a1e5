using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>A participant takes back their name, their notes and their place, from their phone, at any time.</summary>
[Collection(AppCollection.Name)]
public class ParticipantDataTests(AppFixture app)
{
    [Fact]
    public async Task A_participant_removes_their_name_then_leaves_with_their_notes_and_the_screens_follow()
    {
        await using var room = await Room.Open(app, await Api.WorkshopApiClient.CreateFromTemplate(app.BaseUrl));
        var amina = await room.Join("Amina Benali");
        var bruno = await room.Join("Bruno");
        await Screens.PostNote(amina, "Ouvrir la maison de quartier le soir");
        await Screens.PostNote(amina, "Un référent unique à la mairie");
        await Screens.PostNote(bruno, "Un jardin partagé derrière l'école");
        await Expect(room.Console.Note("Ouvrir la maison de quartier le soir")).ToContainTextAsync("Amina Benali");
        await Expect(room.Console.Page.Locator(".roster")).ToContainTextAsync("Amina Benali");

        // Names are isolated from the text around them: a right-to-left override in one cannot reverse the roster.
        await Expect(room.Console.Page.Locator(".roster bdi", new() { HasTextString = "Amina Benali" })).ToHaveCountAsync(1);
        await Expect(room.Console.Note("Ouvrir la maison de quartier le soir").Locator("bdi.note-author")).ToHaveTextAsync("Amina Benali");

        await amina.Locator(".my-data summary").ClickAsync();
        await amina.Locator("[data-action=remove-name]").ClickAsync();
        await Expect(room.Console.Page.Locator(".roster")).Not.ToContainTextAsync("Amina Benali");
        await Expect(room.Console.Note("Ouvrir la maison de quartier le soir")).Not.ToContainTextAsync("Amina");
        await Expect(amina.Locator("[data-action=remove-name]")).ToHaveCountAsync(0);

        await amina.Locator("[data-action=leave]").ClickAsync();
        await Expect(amina.Locator("input[name=delete-notes]")).ToBeCheckedAsync();
        await amina.Locator("[data-action=confirm-leave]").ClickAsync();

        await Expect(amina.Locator("main.participant")).ToHaveAttributeAsync("data-status", "Failed");
        await Expect(amina.Locator("main.participant")).ToContainTextAsync("Vous avez quitté l’atelier");
        await Expect(room.Console.Note("Ouvrir la maison de quartier le soir")).ToHaveCountAsync(0);
        await Expect(room.Console.Note("Un référent unique à la mairie")).ToHaveCountAsync(0);
        await Expect(Screens.Note(room.Projector, "Un référent unique à la mairie")).ToHaveCountAsync(0);
        await Expect(Screens.Note(bruno, "Un jardin partagé derrière l'école")).ToBeVisibleAsync();

        // The browser forgot the key: opening the workshop again asks to join, as a newcomer.
        await amina.ReloadAsync();
        await Expect(amina.Locator("form.join-form")).ToBeVisibleAsync();
    }
}
