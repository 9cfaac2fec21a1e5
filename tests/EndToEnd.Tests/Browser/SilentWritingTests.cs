using CollectifLive.EndToEnd.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public class SilentWritingTests(AppFixture app)
{
    [Fact]
    public async Task Notes_written_silently_stay_with_their_authors_until_revealed_column_by_column_then_all()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno", remote: true);
        await console.Setting("silent", on: true);
        await Expect(amina.Locator("[data-wall=silent]")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-wall=silent]")).ToBeVisibleAsync();

        await Screens.PostNote(amina, "Ce qui marche : le repas partagé", columnIndex: 0);
        await Screens.PostNote(bruno, "Frein : les horaires", columnIndex: 1);

        await Expect(amina.Locator(".own-notes [data-own-status=Unrevealed]")).ToHaveCountAsync(1);
        await Expect(console.Note("Ce qui marche : le repas partagé")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unrevealed"));
        await Expect(projector.Locator("[data-count=notes]")).ToHaveTextAsync("2 idées");
        await Expect(Screens.Note(projector, "repas partagé")).ToHaveCountAsync(0);
        await Expect(Screens.Note(bruno, "repas partagé")).ToHaveCountAsync(0);
        await Expect(Screens.Note(amina, "les horaires")).ToHaveCountAsync(0);

        await console.Page.Locator(".wall-column[data-column-id=c1] [data-action=reveal-column]").ClickAsync();

        await Expect(Screens.NoteIn(projector, "c1", "repas partagé")).ToBeVisibleAsync();
        await Expect(Screens.NoteIn(bruno, "c1", "repas partagé")).ToBeVisibleAsync();
        await Expect(Screens.Note(amina, "les horaires")).ToHaveCountAsync(0);
        await Expect(Screens.Note(projector, "les horaires")).ToHaveCountAsync(0);

        await console.Page.Locator("[data-action=reveal-all]").ClickAsync();

        await Expect(Screens.NoteIn(amina, "c2", "les horaires")).ToBeVisibleAsync();
        await Expect(Screens.NoteIn(projector, "c2", "les horaires")).ToBeVisibleAsync();
        await Expect(amina.Locator(".own-notes [data-own-status]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_projector_can_show_silent_notes_that_participants_still_cannot_see()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno");
        await console.Setting("silent", on: true);
        await console.Setting("silent-projector", on: false);

        await Screens.PostNote(amina, "Visible au mur projeté seulement");

        await Expect(Screens.Note(projector, "Visible au mur projeté seulement")).ToBeVisibleAsync();
        await Expect(Screens.Note(bruno, "Visible au mur projeté seulement")).ToHaveCountAsync(0);

        // Ending silent writing reveals everything to everyone.
        await console.Setting("silent", on: false);
        await Expect(Screens.Note(bruno, "Visible au mur projeté seulement")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wall_kept_from_participants_shows_them_only_their_own_notes()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno");
        await Screens.PostNote(amina, "Déjà au mur");
        await Expect(Screens.Note(bruno, "Déjà au mur")).ToBeVisibleAsync();

        await console.Setting("see-wall", on: false);

        await Expect(bruno.Locator("[data-wall=hidden]")).ToBeVisibleAsync();
        await Expect(Screens.Note(bruno, "Déjà au mur")).ToHaveCountAsync(0);
        await Expect(amina.Locator(".own-notes .note-text")).ToHaveTextAsync(["Déjà au mur"]);

        await console.Setting("see-wall", on: true);
        await Expect(Screens.Note(bruno, "Déjà au mur")).ToBeVisibleAsync();
    }
}
