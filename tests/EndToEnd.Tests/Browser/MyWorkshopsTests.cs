using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>"Mes ateliers": the browser that created or opened a workshop finds its console again from the home page.</summary>
[Collection(AppCollection.Name)]
public class MyWorkshopsTests(AppFixture app)
{
    /// <summary>The localStorage key of the list (wwwroot/js/mine.js).</summary>
    private const string StorageKey = "collectif.mine";

    [Fact]
    public async Task A_workshop_created_here_is_listed_at_home_after_its_tab_is_closed_follows_its_step_and_stays_in_this_browser()
    {
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var sent = SentBy(context);
        var title = $"Atelier à retrouver {Guid.NewGuid():N}"[..28];

        var creating = await context.NewPageAsync();
        await creating.GotoAsync("/");
        await Expect(creating.Locator(".my-workshops-slot")).ToHaveAttributeAsync("data-loaded", "yes");
        await Expect(creating.Locator(".my-workshops")).ToHaveCountAsync(0);
        await creating.Locator("#workshop-title").FillAsync(title);
        await creating.Locator("form.create-form button[type=submit]").ClickAsync();
        await Expect(creating).ToHaveURLAsync(new Regex("/animer/[a-z0-9]{14}#cle="));
        var workshopId = new Uri(creating.Url).AbsolutePath.Split('/')[^1];
        var code = await creating.Locator(".share-panel [data-join-code]").GetAttributeAsync("data-join-code");
        // The console writes its entry just after it shows: closing the tab before that would lose it.
        await creating.WaitForFunctionAsync(
            "([key, id]) => (localStorage.getItem(key) ?? '').includes(id)", new[] { StorageKey, workshopId });
        await creating.CloseAsync();

        var home = await Screens.Open(context, "/");
        var entry = home.Locator($".my-workshop[data-id='{workshopId}']");
        await Expect(entry.Locator(".my-workshop-title")).ToHaveTextAsync(title);
        await Expect(entry.Locator(".my-workshop-step")).ToHaveTextAsync("Étape : Accueil");
        // Playwright matches in the browser, where \w is ASCII only: "décembre" is \S+, not \w+.
        await Expect(entry.Locator("time")).ToHaveTextAsync(new Regex(@"^Créé le \S+ \d{1,2} \S+ \d{4}$"));

        // The link opens the console with its rights, in another tab, while the home page stays open.
        var href = await entry.Locator("a[data-action=open]").GetAttributeAsync("href");
        var console = await Console.Open(context, href!);
        await Expect(console.Page.Locator(".share-panel [data-join-code]")).ToHaveAttributeAsync("data-join-code", code!);

        // Another step in the console shows on the open home page (the browser tells its other tabs).
        await console.SetPhase(Phase.Grouping);
        await Expect(entry.Locator(".my-workshop-step")).ToHaveTextAsync("Étape : Regroupement");

        await entry.Locator("button[data-action=forget]").ClickAsync();
        await Expect(entry).ToHaveCountAsync(0);
        await Expect(home.Locator(".my-workshops-undo")).ToContainTextAsync(title);
        await home.ReloadAsync();
        await Expect(home.Locator(".my-workshops-slot")).ToHaveAttributeAsync("data-loaded", "yes");
        await Expect(home.Locator($".my-workshop[data-id='{workshopId}']")).ToHaveCountAsync(0);
        // Forgetting is this browser's business: the workshop goes on.
        await Expect(console.Page.Locator(".share-panel [data-join-code]")).ToHaveAttributeAsync("data-join-code", code!);

        await using var elsewhere = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var fresh = await Screens.Open(elsewhere, "/");
        await Expect(fresh.Locator(".my-workshops-slot")).ToHaveAttributeAsync("data-loaded", "yes");
        await Expect(fresh.Locator(".my-workshops")).ToHaveCountAsync(0);

        // The circuit reads the list to render it, so its entries do cross the live connection, as answers to the
        // server's calls; the list itself is never sent: no request, and no message the browser sends, names its key,
        // and no HTTP request carries the title (it only ever went over the circuit).
        Assert.Contains(sent, message => message.StartsWith("ws:", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, message => message.Contains(StorageKey, StringComparison.Ordinal));
        Assert.DoesNotContain(sent, message => message.StartsWith("http", StringComparison.Ordinal) && message.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forgotten_workshop_comes_back_with_undo()
    {
        await using var context = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var workshop = await Api.WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var console = await Console.Open(context, workshop.FacilitatorUrl);
        await console.Page.WaitForFunctionAsync(
            "([key, id]) => (localStorage.getItem(key) ?? '').includes(id)", new[] { StorageKey, workshop.WorkshopId });

        var home = await Screens.Open(context, "/");
        var entry = home.Locator($".my-workshop[data-id='{workshop.WorkshopId}']");
        await entry.Locator("button[data-action=forget]").ClickAsync();
        await Expect(entry).ToHaveCountAsync(0);
        var undo = home.Locator("button[data-action=undo-forget]");
        await Expect(undo).ToBeFocusedAsync();
        await undo.ClickAsync();
        await Expect(entry.Locator("a[data-action=open]")).ToBeVisibleAsync();
        await home.ReloadAsync();
        await Expect(entry.Locator("a[data-action=open]")).ToBeVisibleAsync();
    }

    /// <summary>Every request URL and body the context's pages send, and every message they send on a WebSocket.</summary>
    private static ConcurrentQueue<string> SentBy(IBrowserContext context)
    {
        var sent = new ConcurrentQueue<string>();
        context.Request += (_, request) => sent.Enqueue($"{request.Url}\n{request.PostData}");
        context.Page += (_, page) => page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            sent.Enqueue("ws:" + (frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? [])));
        return sent;
    }
}
