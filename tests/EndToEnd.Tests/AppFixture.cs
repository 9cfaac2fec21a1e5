using CollectifLive.Testing;
using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests;

/// <summary>
/// One real Chromium (Debian's, driven by Playwright) and one real app (co-hosted silo, Azurite in memory), shared by
/// the end-to-end tests; each test makes its own workshops and its own browser contexts. The shared app's per-client
/// rates are raised (<see cref="AppSettings.Shared"/>): every test comes from one address, as fast as the machine goes.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public AzuriteProcess Azurite { get; private set; } = null!;

    public ServerProcess App { get; private set; } = null!;

    public AppSettings Settings { get; private set; } = null!;

    public string BaseUrl => Settings.BaseUrl;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchChromium(Playwright);
        Azurite = await AzuriteProcess.Start();
        Settings = AppSettings.CoHosted(Azurite.ConnectionString).Shared();
        App = await AppInstance.Start(Settings);
    }

    public static Task<IBrowser> LaunchChromium(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ChromiumArgs,
    });

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
