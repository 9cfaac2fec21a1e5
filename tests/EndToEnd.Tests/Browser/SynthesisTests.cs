using System.Text.RegularExpressions;
using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public class SynthesisTests(AppFixture app)
{
    private const string Salle = "Une salle ouverte le soir pour les associations du quartier";
    private const string Horaires = "Des horaires adaptés aux familles qui travaillent";
    private const string Numerique = "Un accompagnement au numérique pour les démarches";
    private const string Maison = "Ouvrir une maison des initiatives le soir";
    private const string Permanence = "Une permanence numérique chaque semaine";
    private const string Objection = "Le soir, les familles avec enfants ne viennent pas";

    [Fact]
    public async Task A_facilitator_writes_recommendations_from_a_theme_while_phones_give_consent_and_an_objection_and_see_what_became_of_their_ideas()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var room = await Room.Open(app, workshop);
        var console = room.Console;
        var amina = await room.Join("Amina");
        var bruno = await room.Join("Bruno", remote: true);
        // Four tabs of one workshop say which screen each is.
        await Expect(console.Page).ToHaveTitleAsync(new Regex(@"^\S.* · Animation · CollectifLive$"));
        await Expect(room.Projector).ToHaveTitleAsync(new Regex(@"^\S.* · Vue projetée · CollectifLive$"));
        await Expect(amina).ToHaveTitleAsync(new Regex(@"^\S.* · Participer · CollectifLive$"));
        await Screens.PostNote(amina, Salle);
        await Screens.PostNote(bruno, Horaires);
        await Screens.PostNote(amina, Numerique);

        // The two first notes become a theme, with the keyboard.
        await console.SetPhase(Phase.Grouping);
        foreach (var note in new[] { Salle, Horaires })
        {
            await console.Note(note).Locator("input[type=checkbox]").PressAsync("Space");
        }

        await console.Page.Locator("#new-theme-name").FillAsync("Des lieux ouverts");
        await console.Page.Locator("#new-theme-name").PressAsync("Enter");
        var theme = console.Page.Locator(".cluster[data-cluster-id]", new() { HasTextString = "Des lieux ouverts" });
        await Expect(theme.Locator(".note")).ToHaveCountAsync(2);
        var themeId = await theme.GetAttributeAsync("data-cluster-id");

        await console.SetPhase(Phase.Synthesis);
        var editor = console.Page.Locator("form[data-editor=new]");

        // A recommendation with no title is refused, says why, and keeps what was ticked.
        await editor.Locator($"input[data-source='{themeId}']").CheckAsync();
        await editor.Locator("[data-action=save-recommendation]").ClickAsync();
        await Expect(console.Page.Locator(".command-notice span")).ToHaveTextAsync("Donnez un titre à la préconisation.");
        await Expect(editor.Locator($"input[data-source='{themeId}']")).ToBeCheckedAsync();
        await Expect(console.Page.Locator(".recommendation")).ToHaveCountAsync(0);

        await editor.Locator(".rec-title").FillAsync(Maison);
        await editor.Locator(".rec-text").FillAsync("Un lieu ouvert après le travail, tenu avec les associations.");
        await editor.Locator("[data-action=save-recommendation]").ClickAsync();
        var maison = Recommendation(console.Page, Maison);
        await Expect(maison.Locator(".source")).ToHaveCountAsync(1);
        await Expect(maison.Locator(".source-meta")).ToContainTextAsync("1 en salle · 1 à distance · 0 sur papier");
        await Expect(editor.Locator(".rec-title")).ToHaveValueAsync("");

        var numeriqueId = await console.Note(Numerique).GetAttributeAsync("data-note-id");
        await editor.Locator(".rec-title").FillAsync(Permanence);
        await editor.Locator($"input[data-source='{numeriqueId}']").CheckAsync();
        await editor.Locator("[data-action=save-recommendation]").ClickAsync();
        var permanence = Recommendation(console.Page, Permanence);
        await Expect(permanence.Locator(".source-label")).ToHaveTextAsync(Numerique);

        // The second comes first, and is a priority.
        await permanence.Locator("[data-action=up]").ClickAsync();
        await permanence.Locator("[data-action=priority]").ClickAsync();
        await Expect(console.Page.Locator(".recommendation .recommendation-title")).ToHaveTextAsync([Permanence, Maison]);
        await Expect(permanence.Locator(".priority-badge")).ToBeVisibleAsync();

        // A consent round on the theme's recommendation: one agrees from the room, one objects from home, and says why.
        await maison.Locator("[data-action=open-consent]").ClickAsync();
        await amina.Locator(".vote-choice[data-item=agree]").ClickAsync();
        await bruno.Locator(".vote-choice[data-item=object]").ClickAsync();
        await bruno.Locator("form.objection-form textarea").FillAsync(Objection);
        await bruno.Locator("[data-action=send-reason]").ClickAsync();
        await Expect(bruno.Locator("[data-reason-sent]")).ToContainTextAsync(Objection);

        // The facilitator follows it live; the room does not see the answers before the close.
        var consent = maison.Locator(".consent-summary");
        await Expect(consent.Locator("li[data-item=agree]")).ToHaveAttributeAsync("data-total", "1");
        await Expect(consent.Locator("li[data-item=object]")).ToHaveAttributeAsync("data-total", "1");
        await Expect(consent.Locator(".objections")).ToHaveTextAsync(Objection);
        await Expect(room.Projector.Locator(".consent-summary")).ToHaveCountAsync(0);

        // The objection stays on record as a point of disagreement.
        await maison.Locator("textarea[id^=disagreement-]").FillAsync(Objection);
        await maison.Locator("[data-action=add-disagreement]").ClickAsync();
        await Expect(maison.Locator(".disagreement")).ToContainTextAsync(Objection);

        // What became of my idea: the theme, and the recommendation it feeds.
        var fate = amina.Locator($".own-notes .note:has-text('{Salle}') .note-fate");
        await Expect(fate.Locator(".theme-tag")).ToHaveTextAsync("Des lieux ouverts");
        await Expect(fate.Locator(".fate-recommendation")).ToContainTextAsync(Maison);
        await Expect(amina.Locator($".own-notes .note:has-text('{Numerique}') .fate-recommendation")).ToContainTextAsync(Permanence);

        // The projector shows the list, then one recommendation with its sources and its disagreement.
        await Expect(room.Projector.Locator(".restitution-item h3")).ToHaveTextAsync([Permanence, Maison]);
        await maison.Locator("[data-action=project-recommendation]").ClickAsync();
        var projected = room.Projector.Locator("[data-spotlight=recommendation]");
        await Expect(projected.Locator("h2")).ToHaveTextAsync(Maison);
        await Expect(projected.Locator(".source-label")).ToHaveTextAsync("Des lieux ouverts");
        await Expect(projected.Locator(".disagreement")).ToContainTextAsync(Objection);

        // Closed, the round's answers reach the room.
        await console.Page.Locator(".vote-round[data-status=Open] [data-action=close-round]").ClickAsync();
        await Expect(amina.Locator(".ballot[data-status=Closed]")).ToBeVisibleAsync();
        await Expect(room.Projector.Locator(".vote-bars li[data-item=object]")).ToHaveAttributeAsync("data-total", "1");

        // Everything out of the app: the spreadsheet of notes, and the printable synthesis with its headings, no controls on paper.
        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.Locator("[data-action=export-notes]").ClickAsync());
        Assert.Equal($"idees-{workshop.WorkshopId}.csv", download.SuggestedFilename);
        Assert.Contains(Salle, await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
        var print = await console.Page.Context.RunAndWaitForPageAsync(() => console.Page.Locator("[data-action=print-synthesis]").ClickAsync());
        await Expect(print.Locator("main.synthesis-print h2")).ToHaveTextAsync(["Participation", "Nos préconisations", "Thèmes et idées", "Votes"]);
        await Expect(print.Locator("article.recommendation h3")).ToContainTextAsync([Permanence, Maison]);
        await Expect(print.Locator("article.recommendation .disagreement")).ToContainTextAsync(Objection);
        await Expect(print).ToHaveTitleAsync(new Regex(@"^\S.* · Synthèse · CollectifLive$"));
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(print.Locator("[data-action=print]")).ToBeHiddenAsync();
    }

    private static ILocator Recommendation(IPage page, string title) =>
        page.Locator(".recommendation", new() { Has = page.Locator(".recommendation-title", new() { HasTextString = title }) });
}
