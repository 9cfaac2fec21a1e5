using System.Text.RegularExpressions;
using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>Grouping notes into themes, with the mouse and with the keyboard alone, by several facilitators at once.</summary>
[Collection(AppCollection.Name)]
public class GroupingTests(AppFixture app)
{
    private async Task<CreateWorkshopResponse> WorkshopWithNotes(params string[] texts)
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var writer = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await writer.Join(new HubJoinRequest(workshop.JoinCode, "Amina"))).Error);
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            Assert.Null((await writer.AddNote(new HubAddNoteRequest(Guid.NewGuid(), $"c{(i % 3) + 1}", text))).Error);
        }

        await WorkshopApiClient.SetPhase(app.BaseUrl, workshop, Phase.Grouping);
        return workshop;
    }

    private static ILocator Theme(IPage page, string name) => page.Locator(".cluster", new() { Has = page.Locator("h3, h2", new() { HasTextString = name }) });

    /// <summary>Each theme's name and its notes, as one screen shows them.</summary>
    private static async Task<List<string>> Themes(IPage page)
    {
        var themes = new List<string>();
        foreach (var theme in await page.Locator(".cluster[data-cluster-id]").AllAsync())
        {
            themes.Add(await theme.InnerTextAsync());
        }

        return themes;
    }

    [Fact]
    public async Task Notes_are_grouped_by_drag_and_drop_and_the_projector_shows_the_themes()
    {
        var workshop = await WorkshopWithNotes("Un tiers-lieu", "Une maison des associations", "Des horaires tardifs");
        await using var facilitatorContext = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        await using var projectorContext = await app.Browser.NewContextAsync(Devices.Projector(app.BaseUrl));
        var console = await Console.Open(facilitatorContext, workshop.FacilitatorUrl);
        var projector = await Screens.Open(projectorContext, workshop.ProjectorUrl);
        await console.Page.Locator("input[name=projector-layout][value=Themes]").CheckAsync();

        await console.Note("Un tiers-lieu").DragToAsync(console.Page.Locator(".drop-new-theme"));
        await Expect(Theme(console.Page, "Thème 1").Locator(".note")).ToHaveCountAsync(1);
        await console.Note("Une maison des associations").DragToAsync(Theme(console.Page, "Thème 1"));

        await Expect(Theme(console.Page, "Thème 1").Locator(".note")).ToHaveCountAsync(2);
        await Expect(Theme(projector, "Thème 1").Locator(".note-text")).ToHaveTextAsync(["Un tiers-lieu", "Une maison des associations"]);
        await Expect(projector.Locator(".cluster.unclassified .note-text")).ToHaveTextAsync(["Des horaires tardifs"]);

        // Dragged back to the ungrouped ideas, a note leaves its theme.
        await console.Note("Un tiers-lieu").DragToAsync(console.Page.Locator(".cluster.unclassified"));
        await Expect(Theme(projector, "Thème 1").Locator(".note-text")).ToHaveTextAsync(["Une maison des associations"]);
    }

    [Fact]
    public async Task Notes_are_grouped_renamed_moved_and_ungrouped_with_the_keyboard_alone()
    {
        var workshop = await WorkshopWithNotes("Lieu A", "Lieu B", "Moyen C", "Moyen D");
        await using var facilitatorContext = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        await using var phoneContext = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var console = await Console.Open(facilitatorContext, workshop.FacilitatorUrl);
        var page = console.Page;
        var phone = await Screens.JoinByLink(phoneContext, workshop.JoinUrl, "Bruno");

        // Space ticks a focused checkbox, typing fills a focused field, Enter submits: no mouse anywhere.
        await page.Locator(".note", new() { HasTextString = "Lieu A" }).Locator("input[type=checkbox]").PressAsync("Space");
        await page.Locator(".note", new() { HasTextString = "Lieu B" }).Locator("input[type=checkbox]").PressAsync("Space");
        await Expect(page.Locator(".grouping-toolbar")).ToContainTextAsync("2 idées sélectionnées");
        await page.Locator("#new-theme-name").PressSequentiallyAsync("Des lieux");
        await page.Locator("#new-theme-name").PressAsync("Enter");
        await Expect(Theme(page, "Des lieux").Locator(".note")).ToHaveCountAsync(2);

        await page.Locator(".note", new() { HasTextString = "Moyen C" }).Locator("input[type=checkbox]").PressAsync("Space");
        await page.Locator("#new-theme-name").PressSequentiallyAsync("Des moyens");
        await page.Locator("#new-theme-name").PressAsync("Enter");
        await Expect(Theme(page, "Des moyens").Locator(".note")).ToHaveCountAsync(1);

        var means = page.Locator($".cluster[data-cluster-id='{await Theme(page, "Des moyens").GetAttributeAsync("data-cluster-id")}']");
        await means.Locator("[data-action=rename]").PressAsync("Enter");
        await Expect(means.Locator("input[id^=rename-]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.TypeAsync("Des moyens humains");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Theme(page, "Des moyens humains")).ToBeVisibleAsync();

        await page.Locator(".note", new() { HasTextString = "Moyen D" }).Locator("input[type=checkbox]").PressAsync("Space");
        await page.Locator("#move-target").SelectOptionAsync(new SelectOptionValue { Label = "Des moyens humains" });
        await page.Locator("[data-action=move]").PressAsync("Enter");
        await Expect(Theme(page, "Des moyens humains").Locator(".note")).ToHaveCountAsync(2);

        await page.Locator(".note", new() { HasTextString = "Lieu B" }).Locator("input[type=checkbox]").PressAsync("Space");
        await page.Locator("[data-action=ungroup]").PressAsync("Enter");
        await Expect(Theme(page, "Des lieux").Locator(".note-text")).ToHaveTextAsync(["Lieu A"]);

        // Participants see the theme as a tag on each note.
        await Expect(phone.Locator(".wall .note", new() { HasTextString = "Moyen D" }).Locator(".theme-tag")).ToHaveTextAsync("Des moyens humains");

        await Theme(page, "Des lieux").Locator("[data-action=dissolve]").PressAsync("Enter");
        await Expect(Theme(page, "Des lieux")).ToHaveCountAsync(0);
        await Expect(page.Locator(".cluster.unclassified .note")).ToHaveCountAsync(2);
    }

    /// <summary>
    /// A facilitator ticks notes and presses Enter at once, faster than the console redraws: every ticked note goes in
    /// the theme. The button used to group the selection of the render that drew it, missing a tick not yet drawn (seen
    /// in CI); ten rounds caught it in about half the runs on this machine before the fix.
    /// </summary>
    [Fact]
    public async Task Notes_ticked_and_grouped_at_once_all_go_in_the_new_theme()
    {
        var texts = Enumerable.Range(1, 30).Select(i => $"Idée rapide {i:D2} du groupe").ToArray();
        var workshop = await WorkshopWithNotes(texts);
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var console = await Console.Open(context, workshop.FacilitatorUrl);

        for (var round = 0; round < 10; round++)
        {
            var notes = texts.Skip(round * 3).Take(3).ToArray();
            await console.Note(notes[0]).Locator("input[type=checkbox]").PressAsync("Space");
            await console.Page.Locator("#new-theme-name").FillAsync($"Thème rapide {round}");
            await console.Note(notes[1]).Locator("input[type=checkbox]").PressAsync("Space");
            await console.Note(notes[2]).Locator("input[type=checkbox]").PressAsync("Space");
            await console.Page.Locator("#new-theme-name").PressAsync("Enter");

            await Expect(Theme(console.Page, $"Thème rapide {round}").Locator(".note")).ToHaveCountAsync(3);
        }
    }

    [Fact]
    public async Task Two_facilitators_grouping_at_the_same_time_see_the_same_themes()
    {
        var workshop = await WorkshopWithNotes("Note 1", "Note 2", "Note 3", "Note 4", "Note 5");
        await using var firstContext = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        await using var secondContext = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var first = await Console.Open(firstContext, workshop.FacilitatorUrl);
        var second = await Console.Open(secondContext, workshop.FacilitatorUrl);

        // One drags with the mouse while the other groups with the keyboard (one browser runs one drag at a time).
        await Task.WhenAll(
            DragIntoNewTheme(first, "Note 1", apartFrom: "Note 2"),
            GroupWithKeyboard(second.Page, "Thème B", "Note 2", "Note 4"));
        // Both gestures landed: only Notes 3 and 5 are left unclassified, on both screens, and both show the same
        // themes. Usually Note 1 has a theme of its own; once in five CI runs the drop landed on "Thème B", which the
        // other console had just drawn where the drop zone was, and one theme held all three. Either is what two
        // people grouping at once can produce; what the two screens show may not differ.
        await BothShow(first, second, ".cluster.unclassified .note", 2);
        await Eventually.Until(
            async () => (await Themes(first.Page), await Themes(second.Page)),
            screens => screens.Item1.Count > 0 && screens.Item1.SequenceEqual(screens.Item2),
            "both consoles to show the same themes after grouping at once");

        // Both move "Note 3" at once, to different themes: one wins, and every screen agrees on which.
        // The first console's theme (named from what that console saw) is the one holding "Note 1".
        var firstsTheme = first.Page.Locator(".cluster[data-cluster-id]", new() { Has = first.Page.Locator(".note", new() { HasTextString = "Note 1" }) });
        await Task.WhenAll(
            first.Note("Note 3").DragToAsync(firstsTheme),
            MoveWithKeyboard(second.Page, "Thème B", "Note 3", "Note 5"));

        await BothShow(first, second, ".cluster.unclassified .note", 0);
        await Eventually.Until(
            async () => (await Themes(first.Page), await Themes(second.Page)),
            screens => screens.Item1.SequenceEqual(screens.Item2),
            "both consoles to show the same themes with the same notes");
    }

    /// <summary>
    /// Waits until both consoles show <paramref name="count"/> of <paramref name="selector"/>. The deadline is past the
    /// feed's subscription renewal (20 s), which brings back a web server that lost a push (issue 11 asks for at once);
    /// a failure tells which version each console shows, to tell a lost push from a render that did not happen.
    /// </summary>
    private static async Task BothShow(Console first, Console second, string selector, int count)
    {
        foreach (var console in new[] { first, second })
        {
            try
            {
                await Expect(console.Page.Locator(selector)).ToHaveCountAsync(count, new() { Timeout = 30_000 });
            }
            catch (PlaywrightException exception)
            {
                throw new InvalidOperationException(
                    $"{(console == first ? "first" : "second")} console: {selector} never counted {count}; versions shown {await Version(first)} / {await Version(second)}; themes [{string.Join(" | ", await Themes(console.Page))}]",
                    exception);
            }
        }

        static Task<string?> Version(Console console) => console.Page.Locator(".facilitator-wall").GetAttributeAsync("data-version");
    }

    /// <summary>
    /// A drop can miss when the other console's new theme appears under the mouse mid-drag (the wall's layout shifts):
    /// the note stays unclassified, or lands in the other console's theme. Like a person would, drag again until the
    /// note is in a theme of its own, apart from <paramref name="apartFrom"/> (a note of the other console's theme).
    /// </summary>
    private static async Task DragIntoNewTheme(Console console, string note, string apartFrom)
    {
        var page = console.Page;
        var grouped = page.Locator(".cluster[data-cluster-id]", new()
        {
            Has = page.Locator(".note", new() { HasTextString = note }),
            HasNot = page.Locator(".note", new() { HasTextString = apartFrom }),
        });
        for (var attempt = 1; ; attempt++)
        {
            // A slow answer to the drag before is not a miss: drag again only if the note is still not in its own theme.
            if (attempt == 1 || await grouped.CountAsync() == 0)
            {
                await console.Note(note).DragToAsync(console.Page.Locator(".drop-new-theme"));
            }

            try
            {
                await Expect(grouped).ToHaveCountAsync(1, new() { Timeout = 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The drop missed: the note is still unclassified, or in the other console's theme.
            }
        }
    }

    /// <summary>
    /// Selects the notes with Space and names the new theme. Like the drag, it is tried again (as a person would, on
    /// seeing no theme appear) when the other console's change moved the wall under the keys; a third miss fails with
    /// what this console shows, so that a real fault is reported rather than retried away.
    /// </summary>
    private static async Task GroupWithKeyboard(IPage page, string theme, params string[] notes)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A slow answer to the grouping before is not a miss: group again only if the theme is still not there.
            if (await Theme(page, theme).CountAsync() == 0)
            {
                await SelectWithKeyboard(page, notes);

                await page.Locator("#new-theme-name").FillAsync(theme);
                await page.Locator("#new-theme-name").PressAsync("Enter");
            }

            try
            {
                await Expect(Theme(page, theme)).ToHaveCountAsync(1, new() { Timeout = 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // No theme appeared: select and name again.
            }
            catch (PlaywrightException exception)
            {
                var notices = await page.Locator(".command-notice").AllInnerTextsAsync();
                throw new InvalidOperationException(
                    $"'{theme}' never appeared. Themes shown: [{string.Join(" | ", await Themes(page))}]; notices: [{string.Join(" | ", notices)}]", exception);
            }
        }
    }

    /// <summary>
    /// Moves the notes into a theme with the keyboard. Like the other paths, tried again (twice at most) while some of
    /// them are still unclassified on this console, as a person seeing them there would; then it fails with what it saw.
    /// </summary>
    private static async Task MoveWithKeyboard(IPage page, string theme, params string[] notes)
    {
        for (var attempt = 1; ; attempt++)
        {
            var left = new List<string>();
            foreach (var note in notes)
            {
                if (await page.Locator(".cluster.unclassified .note", new() { HasTextString = note }).CountAsync() > 0)
                {
                    left.Add(note);
                }
            }

            if (left.Count == 0)
            {
                return;
            }

            if (attempt > 3)
            {
                throw new InvalidOperationException(
                    $"[{string.Join(", ", left)}] stayed unclassified. Themes shown: [{string.Join(" | ", await Themes(page))}]; notices: [{string.Join(" | ", await page.Locator(".command-notice").AllInnerTextsAsync())}]");
            }

            await SelectWithKeyboard(page, left);

            await page.Locator("#move-target").SelectOptionAsync(new SelectOptionValue { Label = theme });
            await page.Locator("[data-action=move]").PressAsync("Enter");
            try
            {
                await Expect(page.Locator(".cluster.unclassified .note", new() { HasTextRegex = new Regex(string.Join('|', left.Select(Regex.Escape))) }))
                    .ToHaveCountAsync(0, new() { Timeout = 15_000 });
            }
            catch (PlaywrightException)
            {
                // Still there: look again and move what is left.
            }
        }
    }

    /// <summary>Ticks each note's box with Space, leaving those already ticked as they are.</summary>
    private static async Task SelectWithKeyboard(IPage page, IEnumerable<string> notes)
    {
        var wanted = notes.Order(StringComparer.Ordinal).ToList();

        // The other console can reshape the wall between a focus and its key: look at what is ticked, as a person
        // would, and put it right before going on (untick a note ticked by mistake, tick one the key missed).
        await Eventually.Until(
            async () =>
            {
                var ticked = await page.Locator(".note:has(input[type=checkbox]:checked) .note-text").AllInnerTextsAsync();
                foreach (var note in ticked.Except(wanted).Concat(wanted.Except(ticked)))
                {
                    // Each key waits for its tick to show, so a slow answer is never pressed twice.
                    var checkbox = page.Locator(".note", new() { HasTextString = note }).Locator("input[type=checkbox]");
                    await checkbox.PressAsync("Space");
                    await Expect(checkbox).ToBeCheckedAsync(new() { Checked = wanted.Contains(note) });
                }

                return (await page.Locator(".note:has(input[type=checkbox]:checked) .note-text").AllInnerTextsAsync()).Order(StringComparer.Ordinal).ToList();
            },
            ticked => ticked.SequenceEqual(wanted),
            $"only {string.Join(", ", wanted)} ticked");
    }
}
