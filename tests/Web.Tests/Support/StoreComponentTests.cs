using System.Globalization;
using Bunit;
using CollectifLive.Testing;
using CollectifLive.Web.State;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace CollectifLive.Web.Tests.Support;

/// <summary>
/// Components rendered by bUnit over a circuit's real store: its effects reach a real workshop on the test cluster
/// through the web server's gateway and feeds. Only the browser is faked, by bUnit's JS runtime (loose: a call
/// nobody set up answers nothing). Texts are French, the app's default.
/// </summary>
public abstract class StoreComponentTests : BunitContext, IAsyncLifetime
{
    private readonly TestClusterFixture _fixture;

    /// <summary>
    /// The culture is set here, not in <see cref="InitializeAsync"/>: what an async method sets does not flow back to
    /// the test, and renders take the culture of whoever asks for them.
    /// </summary>
    protected StoreComponentTests(TestClusterFixture fixture)
    {
        _fixture = fixture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    /// <summary>The app's browser module for storage and drafts, as bUnit's JS runtime fakes it.</summary>
    protected BunitJSModuleInterop BrowserModule { get; private set; } = null!;

    protected TestWorkshop Workshop { get; private set; } = null!;

    protected WorkshopStore Store => Services.GetRequiredService<WorkshopStore>();

    public async Task InitializeAsync()
    {
        Workshop = await TestWorkshop.Create(_fixture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        BrowserModule = JSInterop.SetupModule("./js/collectif.js");
        BrowserModule.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Workshop.Gateway);
        Services.AddSingleton(Workshop.Feeds);
        Services.AddScoped<BrowserStorage>();
        Services.AddScoped<WorkshopEffects>();
        Services.AddScoped<WorkshopStore>();
        Services.AddScoped(_ => new CircuitClient { Current = TestWorkshop.NewClient() });
    }

    /// <summary>Opens the workshop in the store as <paramref name="audience"/>, as its page does, and waits until it is shown.</summary>
    protected async Task Open(Audience audience, Credential credential)
    {
        Store.Dispatch(new OpenWorkshop(Workshop.Id, audience, credential));
        await Eventually.Until(() => Store.State.Status == SessionStatus.Ready, $"the workshop to open for the {audience}");
    }

    /// <summary>How long a render that waits on the workshop (a grain call, a push) may take.</summary>
    protected static readonly TimeSpan Patience = Eventually.DefaultTimeout;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Workshop.DisposeAsync();
    }
}
