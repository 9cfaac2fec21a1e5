using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CollectifLive.EndToEnd.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

[Collection(AppCollection.Name)]
public partial class PrivacyTests(AppFixture app)
{
    private static readonly string[] FrenchSections =
        ["Ce qui est enregistré", "Ce qui reste dans votre navigateur", "Où", "Combien de temps", "Qui voit quoi", "Effacer", "Une question ?"];

    private static readonly string[] EnglishSections =
        ["What is stored", "What stays in your browser", "Where", "For how long", "Who sees what", "Deleting", "A question?"];

    [Fact]
    public async Task The_privacy_page_says_in_French_what_is_stored_where_for_how_long_who_sees_it_and_how_to_delete_it()
    {
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await Screens.Open(context, "/confidentialite");

        await Expect(page).ToHaveTitleAsync("Confidentialité · CollectifLive");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Vos données dans CollectifLive");
        await Expect(page.Locator("main section > h2")).ToHaveTextAsync(FrenchSections);
        await Expect(page.Locator("main")).ToContainTextAsync("ne voient jamais qui a écrit une idée");
        await Expect(page.Locator("main")).ToContainTextAsync("effacé automatiquement 90 jours après sa dernière activité");
        await Expect(page.Locator("main")).ToContainTextAsync("chiffré avec sa propre clé, détruite à la suppression");

        var second = await Screens.Open(context, "/privacy");
        await Expect(second.Locator("main h1")).ToHaveTextAsync("Vos données dans CollectifLive");
    }

    [Fact]
    public async Task The_privacy_page_reads_in_English_once_English_is_chosen()
    {
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        var page = await Screens.Open(context, "/culture?c=en&r=/confidentialite");

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/confidentialite");
        await Expect(page).ToHaveTitleAsync("Privacy · CollectifLive");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Your data in CollectifLive");
        await Expect(page.Locator("main section > h2")).ToHaveTextAsync(EnglishSections);
        await Expect(page.Locator("footer a[data-link=privacy]")).ToHaveTextAsync("Privacy");
    }

    [Fact]
    public async Task The_footer_and_both_join_forms_link_to_the_privacy_page()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var context = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));

        var home = await Screens.Open(context, "/");
        await Expect(home.Locator("footer a[data-link=privacy]")).ToHaveAttributeAsync("href", "/confidentialite");
        await Expect(home.Locator("form.code-form .privacy-line a")).ToHaveAttributeAsync("href", "/confidentialite");

        var byCode = await Screens.Open(context, "/j");
        await Expect(byCode.Locator("footer a[data-link=privacy]")).ToHaveTextAsync("Confidentialité");
        await Expect(byCode.Locator("form.code-form .privacy-line")).ToContainTextAsync("Vos données :");

        var join = await Screens.Open(context, workshop.JoinUrl);
        await Expect(join.Locator("form.join-form")).ToBeVisibleAsync();
        await Expect(join.Locator("footer a[data-link=privacy]")).ToHaveAttributeAsync("href", "/confidentialite");
        await join.Locator("form.join-form .privacy-line a").ClickAsync();
        await Expect(join).ToHaveURLAsync(app.BaseUrl + "/confidentialite");
        await Expect(join.Locator("main h1")).ToHaveTextAsync("Vos données dans CollectifLive");
    }

    [Fact]
    public async Task No_page_loads_anything_from_another_origin_runs_an_inline_script_nor_sets_a_cookie_the_privacy_page_does_not_name()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var day = await WorkshopApiClient.CreateEvent(app.BaseUrl, new { title = "Journée", date = "2026-12-05", workshops = new[] { new { templateId = "emergence" } } });
        var organiserKey = WorkshopApiClient.OrganiserKey(day);
        var origin = new Uri(app.BaseUrl);
        var requested = new ConcurrentQueue<string>();
        var stylesheets = new ConcurrentQueue<IResponse>();
        var policies = new ConcurrentQueue<(string Url, string? Policy)>();
        var violations = new ConcurrentQueue<string>();
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        context.Request += (_, request) => requested.Enqueue(request.Url);
        context.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "stylesheet")
            {
                stylesheets.Enqueue(response);
            }
            else if (response.Request.ResourceType == "document")
            {
                policies.Enqueue((response.Url, response.Headers.GetValueOrDefault("content-security-policy")));
            }
        };
        context.Page += (_, page) =>
        {
            page.WebSocket += (_, socket) => requested.Enqueue(socket.Url);
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Enqueue($"{page.Url}: {message.Text}");
                }
            };
        };

        var pages = new List<IPage>
        {
            await Screens.Open(context, "/"),
            await Screens.JoinByLink(context, workshop.JoinUrl, "Amina"),
            (await Console.Open(context, workshop.FacilitatorUrl)).Page,
            await Screens.Open(context, workshop.ProjectorUrl),
            await Screens.Open(context, "/confidentialite"),
            await Screens.Open(context, $"/journee/{day.EventId}#cle={organiserKey}"),
            await Screens.Open(context, $"/journee/{day.EventId}/ateliers?code={day.DayCode}"),
            await Screens.Open(context, $"/journee/{day.EventId}/pleniere#cle={organiserKey}"),
            await Screens.Open(context, "/journee/nouvelle"),
        };
        await Expect(pages[0].Locator("form.create-form button[type=submit]")).ToBeEnabledAsync();
        await Expect(pages[3].Locator(".projector-join [data-join-code]")).ToHaveAttributeAsync("data-join-code", workshop.JoinCode);

        foreach (var page in pages)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 15_000 });
            var content = await page.ContentAsync();
            foreach (var reference in References(content))
            {
                Assert.True(IsOwn(new Uri(new Uri(page.Url), reference), origin), $"{page.Url} refers to {reference}");
            }

            Assert.DoesNotMatch(InlineScriptPattern(), content);
        }

        // Every page forbids inline script and foreign sources, and nothing the app does trips its own policy.
        Assert.NotEmpty(policies);
        Assert.All(policies, document =>
        {
            Assert.NotNull(document.Policy);
            Assert.Contains("script-src 'self';", document.Policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'self';", document.Policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", document.Policy, StringComparison.Ordinal);
        });
        Assert.Empty(violations);

        Assert.NotEmpty(stylesheets);
        foreach (var stylesheet in stylesheets)
        {
            foreach (var reference in References(await stylesheet.TextAsync()))
            {
                Assert.True(IsOwn(new Uri(new Uri(stylesheet.Url), reference), origin), $"{stylesheet.Url} refers to {reference}");
            }
        }

        Assert.Contains(requested, url => url.StartsWith("ws", StringComparison.Ordinal));
        Assert.All(requested, url => Assert.True(IsOwn(new Uri(url), origin), $"requested {url}"));

        // The privacy page names two cookies: the language one (none here: nobody chose a language) and the
        // anti-forgery token, which lives until the browser closes.
        Assert.All(await context.CookiesAsync(), cookie =>
        {
            Assert.StartsWith(".AspNetCore.Antiforgery.", cookie.Name, StringComparison.Ordinal);
            Assert.Equal(-1, cookie.Expires);
        });
    }

    /// <summary>Same scheme family (http or its WebSocket), host and port as the app; data: URLs load nothing.</summary>
    private static bool IsOwn(Uri url, Uri origin) =>
        url.Scheme == "data"
        || (url.Scheme.Replace("ws", "http", StringComparison.Ordinal) == origin.Scheme && url.Host == origin.Host && url.Port == origin.Port);

    /// <summary>What a page or a stylesheet would fetch: script sources, link targets, @import and url(…).</summary>
    private static IEnumerable<string> References(string text) =>
        ReferencePattern().Matches(text).Select(m => m.Groups["url"].Value.Trim().Replace("&amp;", "&", StringComparison.Ordinal));

    /// <summary>A script element without a src attribute (an import map included).</summary>
    [GeneratedRegex("""<script\b(?![^>]*\bsrc\s*=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptPattern();

    [GeneratedRegex("""<script\b[^>]*\bsrc\s*=\s*["']?(?<url>[^"'\s>]+)|<link\b[^>]*\bhref\s*=\s*["']?(?<url>[^"'\s>]+)|@import\s+(?:url\(\s*)?["']?(?<url>[^"')\s;]+)|url\(\s*["']?(?<url>[^"')]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();
}
