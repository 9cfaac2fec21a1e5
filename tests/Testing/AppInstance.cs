using System.Globalization;

namespace CollectifLive.Testing;

/// <summary>
/// How a test runs the web app: co-hosted with its silo (the default), or as a client of separate silos; with the
/// product's per-client rate limits unless <see cref="ClientRatePerMinute"/> sets others.
/// </summary>
public sealed record AppSettings(
    string StorageConnectionString,
    int HttpPort,
    int SiloPort,
    int GatewayPort,
    bool ClientMode = false,
    string ClusterId = "collectiflive-tests",
    int? ClientRatePerMinute = null,
    string? SqlitePath = null,
    string? ReverseProxies = null,
    string? OperatorKey = null)
{
    /// <summary>
    /// Far above what the end-to-end suite does from its one address (127.0.0.1) in a minute on the fastest machine,
    /// so that no shared-app test depends on how fast the others ran. The limits' own tests run an app at the defaults.
    /// </summary>
    public const int SuiteRatePerMinute = 100_000;

    public static AppSettings CoHosted(string storage) => new(storage, FreePort.Next(), FreePort.Next(), FreePort.Next());

    /// <summary>One co-hosted app on the one-machine storage, as ./run.sh runs it: a SQLite file at <paramref name="path"/>.</summary>
    public static AppSettings OnSqlite(string path) => new(string.Empty, FreePort.Next(), FreePort.Next(), FreePort.Next(), SqlitePath: path);

    /// <summary>The app that many tests share: per-client rates raised to <see cref="SuiteRatePerMinute"/>.</summary>
    public AppSettings Shared() => this with { ClientRatePerMinute = SuiteRatePerMinute };

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    /// <summary>Whom the app names for reporting a problem (privacy and accessibility pages), as an operator sets it.</summary>
    public const string OperatorContact = "accessibilite@collectif.test";

    /// <summary>Every per-client rate of the <c>Limits</c> section (ClientLimitOptions), raised together by <see cref="Shared"/>.</summary>
    private static readonly string[] Rates =
    [
        "WorkshopCreationsPerMinute", "WrongJoinCodesPerBrowserPerMinute", "WrongJoinCodesPerAddressPerMinute", "JoinsPerBrowserPerMinute",
        "JoinsPerAddressPerMinute", "JoinsPerAddressPerHour", "NotesPerAddressPerMinute", "NotesPerParticipantPerMinute",
    ];

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(Cluster
        .Concat(ClientRatePerMinute is { } rate ? Rates.Select(name => KeyValuePair.Create($"Limits__{name}", rate.ToString(CultureInfo.InvariantCulture))) : [])
        .Concat(OperatorKey is null ? [] : Operator(OperatorKey)));

    /// <summary>Metrics and the dashboard turned on, behind <paramref name="key"/>.</summary>
    private static Dictionary<string, string> Operator(string key) => new()
    {
        ["Operator__Key"] = key,
        ["Operator__Metrics"] = "true",
        ["Operator__Dashboard"] = "true",
    };

    private Dictionary<string, string> Cluster => new()
    {
        ["ReverseProxy__KnownProxies"] = ReverseProxies ?? string.Empty,
        ["Storage__Provider"] = SqlitePath is null ? "AzureStorage" : "Sqlite",
        ["Storage__SqlitePath"] = SqlitePath ?? string.Empty,
        ["Storage__ConnectionString"] = StorageConnectionString,
        ["Cluster__Mode"] = ClientMode ? "Client" : "CoHosted",
        ["Cluster__Clustering"] = ClientMode ? "AzureTable" : "Localhost",
        ["Cluster__ClusterId"] = ClusterId,
        ["Cluster__ServiceId"] = ClusterId,
        ["Cluster__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
        ["Cluster__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Cluster__ServiceKey"] = "end-to-end-service-key-0123456789abcdef",
        ["Operator__Contact"] = OperatorContact,
    };
}

/// <summary>The web app, started from its build output and ready to serve.</summary>
public static class AppInstance
{
    public static async Task<ServerProcess> Start(AppSettings settings)
    {
        var app = ServerProcess.Start("Web", "CollectifLive.Web.dll", settings.Environment, "--urls", settings.BaseUrl);
        try
        {
            await app.WaitForOutput("CollectifLive (");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>A stand-alone silo clustered through Azure Table storage, for the many-machines layout.</summary>
    public static async Task<ServerProcess> StartSilo(AppSettings settings)
    {
        var silo = ServerProcess.Start("Silo", "CollectifLive.Silo.dll", settings.Environment);
        try
        {
            await silo.WaitForOutput("Application started");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }
}
