using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>What people do on each screen, as a user would: by labels and buttons.</summary>
public static class Screens
{
    /// <summary>Types the code on the home page, then introduces oneself on the workshop page.</summary>
    public static async Task<IPage> JoinByCode(IBrowserContext context, string code, string? name, bool remote = false)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#join-code").FillAsync(code.ToLowerInvariant().Insert(3, " "));
        await page.Locator("form.code-form button[type=submit]").ClickAsync();
        await Introduce(page, name, remote);
        return page;
    }

    /// <summary>Opens a join link (as the QR code does), then introduces oneself.</summary>
    public static async Task<IPage> JoinByLink(IBrowserContext context, string link, string? name, bool remote = false)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Introduce(page, name, remote);
        return page;
    }

    public static async Task Introduce(IPage page, string? name, bool remote)
    {
        await Expect(page.Locator("form.join-form")).ToBeVisibleAsync();
        if (name is not null)
        {
            await page.Locator("#display-name").FillAsync(name);
        }

        await page.Locator("form.join-form input[name=presence]").Nth(remote ? 1 : 0).CheckAsync();
        await page.Locator("form.join-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main.participant")).ToHaveAttributeAsync("data-status", "Ready");
    }

    /// <summary>Writes a note and sends it; waits until it shows among the participant's own notes.</summary>
    public static async Task PostNote(IPage page, string text, int columnIndex = 0)
    {
        await page.Locator("#note-text").FillAsync(text);
        await page.Locator("form.composer input[name=column]").Nth(columnIndex).CheckAsync();
        await page.Locator("form.composer button[type=submit]").ClickAsync();
        await Expect(page.Locator(".own-notes .note-text", new() { HasTextString = text })).ToBeVisibleAsync();
    }

    public static ILocator Note(IPage page, string text) => page.Locator(".wall .note-text", new() { HasTextString = text });

    public static ILocator NoteIn(IPage page, string columnId, string text) =>
        page.Locator($".wall-column[data-column-id='{columnId}'] .note-text", new() { HasTextString = text });

    public static async Task<IPage> Open(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }
}
