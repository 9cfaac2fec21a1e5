using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// The console at 1366×768 puts first what the step needs (the code and the QR code while people arrive, the wall while
/// they write, the votes while they vote, the synthesis at the end), and every other panel is one click away.
/// </summary>
[Collection(AppCollection.Name)]
public class ConsoleLayoutTests(AppFixture shared)
{
    private const int ScreenHeight = 768;

    [Fact]
    public async Task Each_step_shows_what_it_needs_above_the_fold_and_every_panel_is_one_click_away()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(shared.BaseUrl, "emergence", Phase.Welcome);
        await using var context = await shared.Browser.NewContextAsync(Devices.Console(shared.BaseUrl));
        var console = await Console.Open(context, workshop.FacilitatorUrl);
        var page = console.Page;

        // People arrive: the code and the whole QR code are on the first screen; the new-vote form waits, closed.
        await AboveTheFold(page.Locator(".console-main .share-panel [data-join-code]"));
        await AboveTheFold(page.Locator(".console-main .share-panel .qr-code"));
        await Expect(page.Locator("details.new-round")).Not.ToHaveAttributeAsync("open", "");

        await console.SetPhase(Phase.Contribution);
        await AboveTheFold(page.Locator("#wall-title"));
        await Expect(page.Locator(".console-side .share-panel [data-join-code]")).ToHaveAttributeAsync("data-join-code", workshop.JoinCode);

        await console.SetPhase(Phase.Vote);
        await AboveTheFold(page.Locator("#votes-title"));
        await AboveTheFold(page.Locator("details.new-round[open] summary"));

        await console.SetPhase(Phase.Synthesis);
        await AboveTheFold(page.Locator("#synthesis-title"));

        // One click away, the address (and the key in its fragment) untouched.
        var address = page.Url;
        await page.Locator(".console-nav [data-scroll-to=roster-title]").ClickAsync();
        await Expect(page.Locator("#roster-title")).ToBeFocusedAsync();
        await AboveTheFold(page.Locator("#roster-title"));
        Assert.Equal(address, page.Url);
        var targets = await page.Locator(".console-nav [data-scroll-to]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.scrollTo)");
        Assert.Equal(12, targets.Length);
        foreach (var target in targets)
        {
            await Expect(page.Locator($"#{target}")).ToHaveCountAsync(1);
        }
    }

    /// <summary>Wholly within the first screen, as the page stands scrolled now.</summary>
    private static async Task AboveTheFold(ILocator element)
    {
        await Expect(element).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= ScreenHeight, $"{element} ends at {box.Y + box.Height} px, below {ScreenHeight}");
    }
}
