using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public class FacilitatorControlsTests(AppFixture app)
{
    [Fact]
    public async Task Paper_notes_typed_by_the_facilitator_count_and_show_as_paper_beside_the_remote_share()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        var phone = await room.Join("Amina");

        await console.AddPaperNote("Idée d'une habitante, écrite sur papier", "c2");

        var onProjector = projector.Locator(".wall-column[data-column-id=c2] .note", new() { HasTextString = "écrite sur papier" });
        await Expect(onProjector).ToHaveAttributeAsync("data-origin", "Paper");
        await Expect(onProjector.Locator(".origin-badge")).ToHaveTextAsync("sur papier");
        await Expect(Screens.NoteIn(phone, "c2", "écrite sur papier")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-count=notes]")).ToHaveTextAsync("1 idée");
        await Expect(projector.Locator("[data-count=room]")).ToHaveTextAsync("1 dans la salle");
        await Expect(console.Note("écrite sur papier").Locator(".note-author")).ToHaveTextAsync("Papier");

        await using var remote = await HubClient.Connect(app.BaseUrl);
        await remote.Join(new HubJoinRequest(workshop.JoinCode, "Depuis chez moi", Presence.Remote));
        await remote.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Une voix à distance"));
        await Expect(projector.Locator("[data-count=remote-share]")).ToHaveTextAsync("50 % des idées à distance");
    }

    [Fact]
    public async Task Closing_the_workshop_and_rotating_its_code_keeps_those_already_in()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var lateContext = await room.Device(Devices.Phone(app.BaseUrl));
        var console = room.Console;
        var projector = room.Projector;
        var amina = await room.Join("Amina");

        var scannedBefore = await Screens.Open(lateContext, workshop.JoinUrl);
        await Expect(scannedBefore.Locator("form.join-form")).ToBeVisibleAsync();
        await console.Setting("joins-closed", on: true);
        var late = await Screens.Open(lateContext, workshop.JoinUrl);
        await late.Locator("form.join-form button[type=submit]").ClickAsync();
        await Expect(late.Locator("form.join-form [role=alert]")).ToHaveTextAsync("L'atelier est fermé aux nouveaux participants.");

        await console.Setting("notes-closed", on: true);
        await Expect(amina.Locator("[data-writing=closed]")).ToBeVisibleAsync();
        await console.Setting("notes-closed", on: false);
        await console.Setting("joins-closed", on: false);
        await Expect(amina.Locator("form.composer")).ToBeVisibleAsync();

        await console.Page.Locator("[data-action=rotate-code]").ClickAsync();
        await console.Page.Locator("[data-action=confirm-rotate]").ClickAsync();
        await Expect(console.Page.Locator(".share-panel [data-join-code]")).Not.ToHaveAttributeAsync("data-join-code", workshop.JoinCode);
        var newCode = await console.Page.Locator(".share-panel [data-join-code]").GetAttributeAsync("data-join-code");
        await Expect(projector.Locator("[data-join-code]")).ToHaveAttributeAsync("data-join-code", newCode!);

        // The old link still opens the workshop's page (nothing is looked up), and the workshop refuses its old code.
        var old = await Screens.Open(lateContext, workshop.JoinUrl);
        await old.Locator("form.join-form button[type=submit]").ClickAsync();
        await Expect(old.Locator("form.join-form [role=alert]")).ToHaveTextAsync("Aucun atelier n'a ce code. Vérifiez-le à l'écran.");
        await Expect(old.Locator("#join-form-code")).ToBeVisibleAsync();
        var typedOld = await Screens.Open(lateContext, $"/j/{workshop.JoinCode}");
        await Expect(typedOld.Locator("[role=alert]")).ToHaveTextAsync("Aucun atelier n'a ce code. Vérifiez-le à l'écran.");

        // A page opened with the old code before the change cannot join with it either: it asks for the new one.
        await scannedBefore.Locator("form.join-form button[type=submit]").ClickAsync();
        await Expect(scannedBefore.Locator("form.join-form [role=alert]")).ToHaveTextAsync("Aucun atelier n'a ce code. Vérifiez-le à l'écran.");
        await scannedBefore.Locator("#join-form-code").FillAsync(newCode!);
        await scannedBefore.Locator("form.join-form button[type=submit]").ClickAsync();
        await Expect(scannedBefore.Locator("main.participant")).ToHaveAttributeAsync("data-status", "Ready");
        var newcomerContext = await room.Device(Devices.Phone(app.BaseUrl));
        await Screens.JoinByCode(newcomerContext, newCode!, "Arrivée tardive");
        await Screens.PostNote(amina, "Toujours là après le changement de code");
        await Expect(projector.Locator("[data-count=room]")).ToHaveTextAsync("3 dans la salle");
        await Expect(console.Page.Locator(".roster li")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_note_and_a_theme_put_in_the_spotlight_fill_the_projector_until_it_ends()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        await console.AddPaperNote("La parole aux habitants");
        await console.AddPaperNote("Des lieux ouverts");

        await console.NoteAction("La parole aux habitants", "spotlight");
        await Expect(projector.Locator(".spotlight[data-spotlight=note]")).ToHaveTextAsync("La parole aux habitants");
        await console.Page.Locator("[data-action=clear-spotlight]").ClickAsync();
        await Expect(projector.Locator(".spotlight")).ToHaveCountAsync(0);

        await console.ViewBy(WallLayout.Themes);
        await console.Note("Des lieux ouverts").Locator("input[type=checkbox]").CheckAsync();
        await console.Page.Locator("#new-theme-name").FillAsync("Ouvrir");
        await console.Page.Locator("[data-action=group]").ClickAsync();
        await console.Page.Locator(".cluster[data-cluster-id] .cluster-heading [data-action=spotlight]").ClickAsync();
        await Expect(projector.Locator(".spotlight[data-spotlight=cluster] h2")).ToHaveTextAsync("Ouvrir");
        await Expect(projector.Locator(".spotlight .note-text")).ToHaveTextAsync(["Des lieux ouverts"]);
    }

    [Fact]
    public async Task A_participant_edits_and_deletes_their_own_note_while_writing_is_open()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        await using var phoneContext = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var projector = await Screens.Open(projectorContext, workshop.ProjectorUrl);
        var phone = await Screens.JoinByLink(phoneContext, workshop.JoinUrl, "Amina");
        await Screens.PostNote(phone, "Premier jet");

        await phone.Locator(".own-notes [data-action=edit]").ClickAsync();
        await phone.Locator(".own-notes textarea").FillAsync("Version relue et corrigée");
        await phone.Locator(".own-notes select").SelectOptionAsync("c3");
        await phone.Locator(".own-notes [data-action=save]").ClickAsync();
        await Expect(Screens.NoteIn(projector, "c3", "Version relue et corrigée")).ToBeVisibleAsync();
        await Expect(Screens.Note(projector, "Premier jet")).ToHaveCountAsync(0);

        await phone.Locator(".own-notes [data-action=delete]").ClickAsync();
        await phone.Locator(".own-notes [data-action=confirm-delete]").ClickAsync();
        await Expect(Screens.Note(projector, "Version relue")).ToHaveCountAsync(0);
        await Expect(phone.Locator(".own-notes .note")).ToHaveCountAsync(0);
    }
}
