using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>The facilitator console, driven as a facilitator would.</summary>
public sealed class Console(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<Console> Open(IBrowserContext context, string facilitatorUrl)
    {
        var page = await Screens.Open(context, facilitatorUrl);
        await Expect(page.Locator(".phase-bar")).ToBeVisibleAsync();
        return new Console(page);
    }

    public async Task SetPhase(Workshops.Phase phase)
    {
        await Page.Locator($".phase-step[data-phase={phase}]").ClickAsync();
        await Expect(Page.Locator($".phase-step[data-phase={phase}]")).ToHaveAttributeAsync("aria-current", "step");
    }

    /// <summary>
    /// Ticks or unticks one of the wall settings (silent, silent-projector, premoderation, see-wall, late-notes) or
    /// locks (joins-closed, notes-closed), and waits until the server has applied it (it renders data-on).
    /// </summary>
    public async Task Setting(string name, bool on)
    {
        var box = Page.Locator($"input[name={name}]");
        await box.SetCheckedAsync(on);
        await Expect(box).ToHaveAttributeAsync("data-on", on ? "on" : "off");
    }

    public ILocator Note(string text) => Page.Locator(".facilitator-wall .note", new() { HasTextString = text });

    public async Task NoteAction(string text, string action) => await Note(text).Locator($"[data-action={action}]").ClickAsync();

    public async Task AddPaperNote(string text, string columnId = "c1")
    {
        await Page.Locator("#paper-text").FillAsync(text);
        await Page.Locator("#paper-column").SelectOptionAsync(columnId);
        await Page.Locator("form.paper-form button[type=submit]").ClickAsync();
        await Expect(Note(text)).ToBeVisibleAsync();
    }

    public async Task ViewBy(Workshops.WallLayout layout) => await Page.Locator($"input[name=wall-view][value={layout}]").CheckAsync();

    /// <summary>Opens a vote round from the console's form, then waits until the round is listed open.</summary>
    public async Task<ILocator> OpenRound(Workshops.VoteKind kind, string? question = null, int budget = 5, int cap = 3, string[]? options = null, bool hideResults = false)
    {
        var form = Page.Locator("details.new-round");
        if (await form.GetAttributeAsync("open") is null)
        {
            await form.Locator("summary").ClickAsync();
        }

        await Page.Locator($"input[name=vote-kind][value={kind}]").CheckAsync();
        await Page.Locator("#vote-question").FillAsync(question ?? "");
        if (kind == Workshops.VoteKind.Dots)
        {
            await Page.Locator("#vote-budget").FillAsync(budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Page.Locator("#vote-cap").FillAsync(cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options is not null)
        {
            await Page.Locator("#vote-options").FillAsync(string.Join('\n', options));
        }

        await Page.Locator("#vote-hide").SetCheckedAsync(hideResults);
        await Page.Locator("[data-action=open-round]").ClickAsync();
        var round = Page.Locator(".vote-round.current[data-status=Open]");
        await Expect(round).ToBeVisibleAsync();
        return round;
    }
}
