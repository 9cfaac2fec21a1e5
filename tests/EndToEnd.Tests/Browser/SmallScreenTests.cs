using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// A phone 320 px wide and a laptop zoomed to 200 %: the join form, the composer, the wall and the ballot show
/// everything, nothing cut off, no control over another, in usual and in easy reading; a vote item is read whole.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public class SmallScreenTests(AppFixture app)
{
    private const string LongNote =
        "Ouvrir la salle polyvalente le soir et le week-end, avec une permanence tenue à tour de rôle par les associations " +
        "du quartier, pour que les habitantes et habitants qui travaillent en journée puissent proposer des projets " +
        "intergénérationnels sans avoir à réserver trois semaines à l'avance auprès de la mairie annexe.";

    [Theory]
    [InlineData("phone-320")]
    [InlineData("zoom-200")]
    public async Task The_join_form_composer_wall_and_ballot_show_everything_without_overlap(string screen)
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var other = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await other.Join(new HubJoinRequest(workshop.JoinCode, "Bruno"))).Error);
        foreach (var (text, column) in new[] { (LongNote, "c1"), ("Un fonds de soutien local", "c2"), ("Des cours de français langue étrangère le samedi matin", "c3") })
        {
            Assert.Null((await other.AddNote(new HubAddNoteRequest(Guid.NewGuid(), column, text, NoteColour.Orange))).Error);
        }

        await using var device = await app.Browser.NewContextAsync(screen == "phone-320" ? Devices.SmallPhone(app.BaseUrl) : Devices.ZoomedLaptop(app.BaseUrl));
        var page = await device.NewPageAsync();
        await page.GotoAsync(workshop.JoinUrl);
        await Expect(page.Locator("form.join-form")).ToBeVisibleAsync();
        await Layout.AssertNothingCutOffOrOverlapping(page, "the join form");

        await Screens.Introduce(page, "Marie-Françoise", remote: false);
        await Screens.PostNote(page, "Une boîte à idées papier à l'accueil de la mairie");
        await Expect(Screens.Note(page, LongNote)).ToBeVisibleAsync();
        await Layout.AssertNothingCutOffOrOverlapping(page, "the composer, own notes and wall");

        await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Dots, "Que retenir en priorité pour le quartier ?", DotBudget: 5, DotCap: 3));
        var label = page.Locator(".ballot-items .ballot-label", new() { HasTextString = "intergénérationnels" });
        await Expect(label).ToHaveTextAsync(LongNote);
        Assert.True(await label.EvaluateAsync<bool>("e => e.scrollHeight <= e.clientHeight + 1"), "the long note is cut short on the ballot");
        await Layout.AssertNothingCutOffOrOverlapping(page, "the ballot");

        // Easy reading: a quarter larger, one thing at a time; each of its sections fits as well.
        await page.Locator("[data-action=easy-reading]").ClickAsync();
        await Expect(page.Locator("main.participant.easy")).ToBeVisibleAsync();
        await Expect(label).ToBeVisibleAsync();
        await Layout.AssertNothingCutOffOrOverlapping(page, "the ballot in easy reading");
        foreach (var section in new[] { "Write", "Wall" })
        {
            await page.Locator($".easy-sections [data-section={section}]").ClickAsync();
            await Expect(page.Locator($".easy-sections [data-section={section}]")).ToHaveAttributeAsync("aria-pressed", "true");
            await Layout.AssertNothingCutOffOrOverlapping(page, $"the {section} section in easy reading");
        }
    }
}
