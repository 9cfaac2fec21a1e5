using System.Diagnostics;
using Microsoft.Playwright;

namespace CollectifLive.Bench;

/// <summary>
/// Blazor circuits, real ones, in one headless Chromium (a browser context per device, as the end-to-end tests do):
/// the server's memory per phone circuit (RSS before and after N phones join by the room's link, the participant each
/// becomes included, each reading after a forced garbage collection), then the projector's latency with those phones open: from a note's sending to its appearance in
/// the projector page's DOM (a MutationObserver), beside the latency of the same notes at hub listeners of the same
/// workshop. The browser's clock and this process's wall clock are the same (CLOCK_REALTIME).
/// </summary>
internal static class Circuits
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const int NotesPerSecond = 2;
    private const int Seconds = 15;
    private const int HubListeners = 50;
    private const int WarmUpPhones = 2;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(20);

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    /// <summary>Notes the time each benchmark note first enters the page, by trial and rank, in Unix milliseconds.</summary>
    private const string Observer = """
        () => {
          window.benchSeen = {};
          const marker = /bench#(\d+)#(\d+)#/g;
          new MutationObserver((mutations) => {
            const at = performance.timeOrigin + performance.now();
            for (const mutation of mutations) {
              const nodes = mutation.type === "characterData" ? [mutation.target] : mutation.addedNodes;
              for (const node of nodes) {
                for (const found of (node.textContent || "").matchAll(marker)) {
                  const key = found[1] + ":" + found[2];
                  if (!(key in window.benchSeen)) {
                    window.benchSeen[key] = at;
                  }
                }
              }
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public static async Task Run(BenchOptions options, RealTarget real, ListenerPool listeners)
    {
        Console.WriteLine();
        Console.WriteLine($"#### Blazor circuits: {options.Phones} phones and a projector in one Chromium");
        if (!File.Exists(ChromiumPath))
        {
            Console.WriteLine();
            Console.WriteLine($"Skipped: no Chromium at {ChromiumPath} (apt-get install chromium).");
            return;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        await using var room = await real.OpenWorkshop(1);
        var baseUrl = real.BaseUrl;

        await using var projectorContext = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "fr-FR" });
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync(room.Workshop.ProjectorUrl);
        await projector.Locator("main.projector[data-status=Ready]").WaitForAsync();
        await projector.EvaluateAsync(Observer);

        const string Listeners = "real-circuits";
        await listeners.Connect(Listeners, real.Hub, HubListeners);
        await listeners.Join(Listeners, room.JoinKind, room.JoinValue);
        await listeners.Quiet(Listeners);

        var phones = new List<IBrowserContext>();
        async Task JoinPhone(int number)
        {
            var phone = await browser.NewContextAsync(new()
            {
                BaseURL = baseUrl,
                ViewportSize = new() { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                Locale = "fr-FR",
            });
            phones.Add(phone);
            await JoinByLink(await phone.NewPageAsync(), room.Workshop.JoinUrl, $"Téléphone {number}");
        }

        try
        {
            // Two phones first, not counted: the first participant pages the server renders pay for their compilation.
            for (var i = 1; i <= WarmUpPhones; i++)
            {
                await JoinPhone(i);
            }

            var before = await Resident(real.ProcessId);
            var joining = Stopwatch.StartNew();
            for (var i = 1; i <= options.Phones; i++)
            {
                await JoinPhone(WarmUpPhones + i);
            }

            Console.Error.WriteLine($"circuits: {options.Phones} phones joined in {joining.Elapsed.TotalSeconds:0} s");
            var after = await Resident(real.ProcessId);

            var sentAt = await Send(room, trial: 1);
            var seen = await Seen(projector, sentAt.Count);
            var projected = new Histogram();
            foreach (var (rank, at) in sentAt)
            {
                if (seen.TryGetValue($"1:{rank}", out var shown))
                {
                    projected.Add((long)((shown - at) * 1e6));
                }
            }

            var hub = await Delivered(listeners, Listeners, sentAt.Count);
            Console.WriteLine();
            Console.WriteLine($"| phones | server RSS before | after | per phone circuit | notes | on the projector | projector p50 | p95 | max | hub listeners ({HubListeners}) p50 | p95 | max |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            Console.WriteLine(
                $"| {options.Phones} | {Format.Megabytes(before)} | {Format.Megabytes(after)} | {Format.Kilobytes((after - before) / (double)options.Phones)} | {sentAt.Count} | {projected.Count} " +
                $"| {Format.Ms(projected.Percentile(0.5))} | {Format.Ms(projected.Percentile(0.95))} | {Format.Ms(projected.MaxMs)} " +
                $"| {Format.Ms(hub.Percentile(0.5))} | {Format.Ms(hub.Percentile(0.95))} | {Format.Ms(hub.MaxMs)} |");
            Console.WriteLine();
            Console.WriteLine($"{WarmUpPhones} more phones joined before the first reading, uncounted. Notes at {NotesPerSecond}/s for {Seconds} s. Projector: from sending to the note's insertion in the projector page's DOM (Blazor's render applied); hub listeners: the same notes' pushes to {HubListeners} raw hub connections of the same workshop.");
        }
        finally
        {
            await listeners.Close(Listeners);
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    /// <summary>The server's resident memory once it has collected its garbage and been left alone a few seconds.</summary>
    private static async Task<long> Resident(int processId)
    {
        await ForcedCollection.Collect(processId);
        await Task.Delay(Settle);
        return ProcessStats.ResidentBytes(processId);
    }

    /// <summary>Opens a join link (as the QR code does) and introduces oneself, as a phone in the room does.</summary>
    private static async Task JoinByLink(IPage page, string link, string name)
    {
        await page.GotoAsync(link);
        await page.Locator("#display-name").FillAsync(name);
        await page.Locator("form.join-form input[name=presence]").First.CheckAsync();
        await page.Locator("form.join-form button[type=submit]").ClickAsync();
        await page.Locator("main.participant[data-status=Ready]").WaitForAsync();
    }

    /// <summary>Posts the notes on schedule; answers each rank's sending time, in Unix milliseconds.</summary>
    private static async Task<Dictionary<int, double>> Send(RealTarget.WorkshopRoom room, int trial)
    {
        const int Count = NotesPerSecond * Seconds;
        var sentAt = new Dictionary<int, double>();
        var start = Stopwatch.GetTimestamp();
        for (var rank = 0; rank < Count; rank++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + (rank * Stopwatch.Frequency / NotesPerSecond));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            sentAt[rank] = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            room.Send(rank, BenchNote.Text(trial, rank, Count, Stopwatch.GetTimestamp()));
        }

        var refused = await room.Settle();
        return refused == 0 ? sentAt : throw new InvalidOperationException($"{refused} notes refused");
    }

    private static async Task<Dictionary<string, double>> Seen(IPage projector, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = await projector.EvaluateAsync<Dictionary<string, double>>("() => window.benchSeen");
            if (seen.Count >= count || deadline.Elapsed > DeliveryPatience)
            {
                return seen;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<Histogram> Delivered(ListenerPool listeners, string name, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (await listeners.Progress(name, 1) < (long)count * HubListeners && deadline.Elapsed < DeliveryPatience)
        {
            await Task.Delay(200);
        }

        return (await listeners.Report(name, 1)).All;
    }
}
