using System.Text.RegularExpressions;
using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Workshops;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public class PhaseAndTimerTests(AppFixture app)
{
    [Fact]
    public async Task Steps_reach_every_phone_and_decide_what_participants_can_do()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl, phase: Phase.Welcome);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno");

        await Expect(amina.Locator(".phase-name")).ToHaveTextAsync("Accueil");
        await Expect(amina.Locator("[data-writing=closed]")).ToBeVisibleAsync();
        await Expect(projector.Locator(".projector-join svg")).ToBeVisibleAsync();

        await console.SetPhase(Phase.Contribution);
        await Expect(bruno.Locator(".phase-name")).ToHaveTextAsync("Contribution");
        await Expect(projector.Locator(".phase-name")).ToHaveTextAsync("Contribution");
        await Screens.PostNote(amina, "Une idée pendant la contribution");
        await Expect(amina.Locator(".own-notes [data-action=edit]")).ToBeVisibleAsync();

        await console.SetPhase(Phase.Grouping);
        await Expect(amina.Locator(".phase-name")).ToHaveTextAsync("Regroupement");
        await Expect(amina.Locator("[data-writing=closed]")).ToHaveTextAsync("Les contributions sont fermées pour cette étape.");
        await Expect(amina.Locator(".own-notes [data-action=edit]")).ToHaveCountAsync(0);
        await Expect(projector.Locator(".projector-join")).ToHaveCountAsync(0);
        await Expect(projector.Locator(".projector-join-small [data-join-code]")).ToHaveAttributeAsync("data-join-code", workshop.JoinCode);

        // Late notes let people still write while the facilitator groups.
        await console.Setting("late-notes", on: true);
        await Screens.PostNote(bruno, "Une idée tardive");
        await Expect(Screens.Note(projector, "Une idée tardive")).ToBeVisibleAsync();

        await console.SetPhase(Phase.Contribution);
        await Expect(amina.Locator(".phase-name")).ToHaveTextAsync("Contribution");
    }

    [Fact]
    public async Task The_timer_runs_on_every_screen_and_pauses_extends_and_stops_everywhere()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var projector = room.Projector;
        var phone = await room.Join("Amina");
        var nearlyFive = new Regex(@"^(4:[45]\d|5:00)$");

        await console.Page.Locator("[data-timer-start='5']").ClickAsync();

        await Expect(console.Page.Locator("cl-timer")).ToHaveTextAsync(nearlyFive);
        await Expect(projector.Locator("cl-timer")).ToHaveTextAsync(nearlyFive);
        await Expect(phone.Locator("cl-timer")).ToHaveTextAsync(nearlyFive);

        await console.Page.Locator(".timer-control button", new() { HasTextString = "Pause" }).ClickAsync();
        await Expect(console.Page.Locator("[data-timer-status]")).ToHaveAttributeAsync("data-timer-status", "Paused");
        await Expect(phone.Locator("[data-timer-status]")).ToHaveAttributeAsync("data-timer-status", "Paused");
        await Expect(phone.Locator(".timer-state")).ToHaveTextAsync("en pause");
        var paused = await console.Page.Locator("cl-timer").TextContentAsync();
        await Expect(phone.Locator("cl-timer")).ToHaveTextAsync(paused!);
        await Expect(projector.Locator("cl-timer")).ToHaveTextAsync(paused!);

        await console.Page.Locator(".timer-control button", new() { HasTextString = "+1 min" }).ClickAsync();
        await Expect(phone.Locator("cl-timer")).ToHaveTextAsync(new Regex(@"^(5:[45]\d|6:00)$"));
        await console.Page.Locator(".timer-control button", new() { HasTextString = "Reprendre" }).ClickAsync();
        await Expect(projector.Locator("[data-timer-status]")).ToHaveAttributeAsync("data-timer-status", "Running");

        await console.Page.Locator(".timer-control button", new() { HasTextString = "Arrêter" }).ClickAsync();
        await Expect(phone.Locator("cl-timer")).ToHaveCountAsync(0);
        await Expect(projector.Locator("cl-timer")).ToHaveCountAsync(0);
    }
}
