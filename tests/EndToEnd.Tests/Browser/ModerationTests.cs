using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>Pre-moderation, hiding and deleting, seen from the facilitator, the projector, the author and another participant.</summary>
[Collection(AppCollection.Name)]
public class ModerationTests(AppFixture app)
{
    [Fact]
    public async Task A_pre_moderated_note_never_reaches_another_participant_on_the_wire_until_accepted()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var brunoContext = await room.Device(Devices.Phone(app.BaseUrl));
        var console = room.Console;
        var projector = room.Projector;
        var projectorWire = room.ProjectorWire;
        await console.Setting("premoderation", on: true);
        var amina = await room.Join("Amina");
        var brunoPage = await brunoContext.NewPageAsync();
        var brunoWire = WireRecorder.On(brunoPage);
        await brunoPage.GotoAsync(workshop.JoinUrl);
        await Screens.Introduce(brunoPage, "Bruno", remote: false);
        await using var script = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await script.Join(new HubJoinRequest(workshop.JoinCode, "Script"))).Error);

        await Screens.PostNote(amina, "Une remarque à vérifier d'abord");
        await Expect(amina.Locator(".own-notes [data-own-status=Pending]")).ToHaveTextAsync("En attente de validation");
        await Expect(console.Page.Locator(".moderation .queue li")).ToHaveCountAsync(1);
        await Expect(console.Note("Une remarque à vérifier d'abord")).ToHaveAttributeAsync("data-status", "Pending");

        // A visible note posted after it is the witness: once every screen shows it, anything sent before has arrived.
        await console.AddPaperNote("Témoin papier");
        await Expect(Screens.Note(brunoPage, "Témoin papier")).ToBeVisibleAsync();
        await Expect(Screens.Note(projector, "Témoin papier")).ToBeVisibleAsync();
        await Eventually.Until(() => script.Changes.Any(c => c.Delta.Notes?.Upserts.Any(n => n.Text == "Témoin papier") == true), "the witness to reach the script");
        await Eventually.Until(() => brunoWire.Received("Témoin papier") && projectorWire.Received("Témoin papier"), "the witness to be recorded on both wires");
        Assert.False(brunoWire.Received("Une remarque à vérifier d'abord"));
        Assert.False(projectorWire.Received("Une remarque à vérifier d'abord"));
        Assert.DoesNotContain(script.Changes, c => c.Delta.Notes?.Upserts.Any(n => n.Text.Contains("remarque", StringComparison.Ordinal)) == true);
        Assert.True(brunoWire.FrameCount > 0);

        await console.Page.Locator(".moderation [data-action=approve]").ClickAsync();

        await Expect(Screens.Note(brunoPage, "Une remarque à vérifier d'abord")).ToBeVisibleAsync();
        await Expect(Screens.Note(projector, "Une remarque à vérifier d'abord")).ToBeVisibleAsync();
        Assert.True(brunoWire.Received("Une remarque à vérifier d'abord"), "the recorder sees what the page receives");
        await Eventually.Until(() => projectorWire.Received("Une remarque à vérifier d'abord"), "the projector's recorder to see the approved note");
        await Expect(amina.Locator(".own-notes [data-own-status]")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator(".moderation .queue li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_hidden_note_disappears_from_every_other_screen_can_be_shown_again_and_deleted_after_confirmation()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno", remote: true);
        await Screens.PostNote(amina, "Un propos déplacé");
        await Expect(Screens.Note(bruno, "Un propos déplacé")).ToBeVisibleAsync();

        await console.NoteAction("Un propos déplacé", "hide");

        await Expect(Screens.Note(bruno, "Un propos déplacé")).ToHaveCountAsync(0);
        await Expect(Screens.Note(projector, "Un propos déplacé")).ToHaveCountAsync(0);
        await Expect(amina.Locator(".own-notes [data-own-status=Hidden]")).ToHaveTextAsync("Masquée par l'animation");
        await Expect(console.Note("Un propos déplacé")).ToHaveAttributeAsync("data-status", "Hidden");
        await Expect(projector.Locator("[data-count=notes]")).ToHaveTextAsync("0 idée");

        await console.NoteAction("Un propos déplacé", "unhide");
        await Expect(Screens.Note(bruno, "Un propos déplacé")).ToBeVisibleAsync();

        await console.NoteAction("Un propos déplacé", "delete");
        await Expect(console.Note("Un propos déplacé")).ToBeVisibleAsync();
        await console.NoteAction("Un propos déplacé", "confirm-delete");

        await Expect(console.Note("Un propos déplacé")).ToHaveCountAsync(0);
        await Expect(Screens.Note(projector, "Un propos déplacé")).ToHaveCountAsync(0);
        await Expect(Screens.Note(bruno, "Un propos déplacé")).ToHaveCountAsync(0);
        await Expect(amina.Locator(".own-notes .note")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_blocked_participant_cannot_post_until_restored()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var bruno = await room.Join("Bruno");

        await console.Page.Locator(".roster li", new() { HasTextString = "Bruno" }).Locator("[data-action=block]").ClickAsync();

        await Expect(bruno.Locator("[data-writing=blocked]")).ToHaveTextAsync("L'animation a suspendu vos contributions.");
        await Expect(bruno.Locator("form.composer")).ToHaveCountAsync(0);

        await console.Page.Locator(".roster li", new() { HasTextString = "Bruno" }).Locator("[data-action=unblock]").ClickAsync();
        await Screens.PostNote(bruno, "De retour");
    }
}
