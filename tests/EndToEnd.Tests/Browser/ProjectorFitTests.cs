using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// The projector shows every note meant to be shown, whole and inside the screen, at 1920×1080 and 1280×720: fitted
/// to the screen, or a page at a time with "page 2/3" (a presenter's remote turns the pages).
/// </summary>
[Collection(AppCollection.Name)]
public class ProjectorFitTests(AppFixture app)
{
    private const string Long = "Une salle ouverte le soir pour que les associations du quartier puissent se réunir sans réserver trois semaines à l'avance";

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task Thirty_five_long_notes_in_one_column_are_each_shown_whole_on_a_page(int width, int height)
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var notes = await Post(workshop, Enumerable.Range(1, 35).Select(i => $"{Long} ({i})").ToArray());
        var projector = await OpenProjector(workshop, width, height, notes.Count);

        await AssertEveryNoteShownWhole(projector, notes);
    }

    [Fact]
    public async Task Ten_notes_in_three_themes_fit_on_one_screen_using_its_width()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var notes = await Post(workshop, [.. Enumerable.Range(1, 10).Select(i => $"Idée {i} : {Long[..(20 + 9 * i)].TrimEnd()}")]);
        await using var console = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var page = await Screens.Open(console, workshop.FacilitatorUrl);
        await page.Locator("input[name=wall-view][value=Themes]").CheckAsync();
        foreach (var (theme, members) in new[] { ("Des lieux", notes.Take(4)), ("Des horaires", notes.Skip(4).Take(3)), ("Du lien", notes.Skip(7)) })
        {
            foreach (var note in members)
            {
                await page.Locator(".facilitator-wall .note", new() { HasTextString = note }).Locator("input[type=checkbox]").CheckAsync();
            }

            await page.Locator("#new-theme-name").FillAsync(theme);
            await page.Locator("#new-theme-name").PressAsync("Enter");
            await Expect(page.Locator(".cluster[data-cluster-id]", new() { HasTextString = theme }).Locator(".note")).ToHaveCountAsync(members.Count());
        }

        await page.Locator("input[name=projector-layout][value=Themes]").CheckAsync();
        var projector = await OpenProjector(workshop, 1920, 1080, notes.Count);
        await Expect(projector.Locator(".themes.projected .cluster[data-cluster-id]")).ToHaveCountAsync(3);

        await Expect(projector.Locator(".projector-stage")).ToHaveAttributeAsync("data-pages", "1");
        await AssertEveryNoteShownWhole(projector, notes);
        var themes = await projector.Locator(".themes.projected .cluster").AllAsync();
        var widths = new List<double>();
        foreach (var theme in themes)
        {
            widths.Add((await theme.BoundingBoxAsync())!.Width);
        }

        Assert.True(widths.Sum() > 1920 * 0.85, $"the themes use {widths.Sum()} px of the 1920 px width");
    }

    private async Task<List<string>> Post(CreateWorkshopResponse workshop, string[] texts)
    {
        await using var hub = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await hub.Join(new HubJoinRequest(workshop.JoinCode, "Script"))).Error);
        foreach (var text in texts)
        {
            Assert.Null((await hub.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", text, NoteColour.Yellow))).Error);
        }

        return [.. texts];
    }

    private async Task<IPage> OpenProjector(CreateWorkshopResponse workshop, int width, int height, int notes)
    {
        var options = Devices.Projector(app.BaseUrl);
        options.ViewportSize = new ViewportSize { Width = width, Height = height };
        var context = await app.Browser.NewContextAsync(options);
        var projector = await context.NewPageAsync();
        await projector.GotoAsync(workshop.ProjectorUrl);
        await Expect(projector.Locator(".projector-stage .note")).ToHaveCountAsync(notes);
        await Expect(projector.Locator(".projector-stage[data-fit]")).ToHaveCountAsync(1);
        return projector;
    }

    /// <summary>Goes through the pages with the remote's PageDown: every note is shown once, whole, inside the screen.</summary>
    private static async Task AssertEveryNoteShownWhole(IPage projector, List<string> notes)
    {
        var viewport = projector.ViewportSize!;
        var stage = projector.Locator(".projector-stage");
        var pages = int.Parse((await stage.GetAttributeAsync("data-pages"))!, System.Globalization.CultureInfo.InvariantCulture);
        if (pages > 1)
        {
            await Expect(projector.Locator(".fit-pager")).ToHaveTextAsync($"1/{pages}");
        }

        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            await Expect(stage).ToHaveAttributeAsync("data-page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var note in await projector.Locator(".projector-stage .note:visible").AllAsync())
            {
                var box = (await note.BoundingBoxAsync())!;
                var text = await note.Locator(".note-text").InnerTextAsync();
                Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width + 0.5 && box.Y + box.Height <= viewport.Height + 0.5, $"'{text}' is cut off: {box.X},{box.Y} {box.Width}x{box.Height}");
                seen.Add(text);
            }

            await projector.Keyboard.PressAsync("PageDown");
        }

        Assert.Equal(notes.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
