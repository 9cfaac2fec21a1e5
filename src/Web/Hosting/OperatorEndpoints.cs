using System.Security.Cryptography;
using System.Text;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Workshops;
using CollectifLive.Web.Realtime;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace CollectifLive.Web.Hosting;

/// <summary>
/// Metrics (OpenTelemetry, scraped by Prometheus at <see cref="MetricsPath"/>) and the Orleans Dashboard (at
/// <see cref="DashboardPath"/>), off by default (<see cref="OperatorOptions"/>). Both answer only a request that carries
/// the operator key: HTTP Basic (any user name, the key as password, as a browser asks for it) or a Bearer token.
/// </summary>
public static class OperatorEndpoints
{
    public const string Prefix = "/operator";
    public const string MetricsPath = Prefix + "/metrics";
    public const string DashboardPath = Prefix + "/dashboard";

    /// <summary>Orleans' own meter: activations, messages, grain calls, storage.</summary>
    private const string OrleansMeter = "Microsoft.Orleans";

    public static void AddCollectifLiveTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebMetrics>();
        var options = OperatorOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.Metrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(WebMetrics.MeterName, WorkshopMetrics.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        }
    }

    public static void MapOperatorEndpoints(this WebApplication app)
    {
        var feeds = app.Services.GetRequiredService<WorkshopFeeds>();
        app.Services.GetRequiredService<WebMetrics>().ObserveScreens(feeds.Screens);

        var options = app.Services.GetRequiredService<OperatorOptions>();
        if (options.Metrics)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        if (options.Dashboard)
        {
            app.MapOrleansDashboard(DashboardPath);
        }
    }

    /// <summary>
    /// Everything under <see cref="Prefix"/> is refused (401, asking for the key) without the operator key; with nothing
    /// turned on there is nothing there (404).
    /// </summary>
    public static IApplicationBuilder UseOperatorKey(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var options = http.RequestServices.GetRequiredService<OperatorOptions>();
        if (!options.AnyEnabled || !http.Request.Path.StartsWithSegments(Prefix))
        {
            return next(http);
        }

        if (options.Key is { } key && Presented(http.Request.Headers.Authorization.ToString()) is { } presented && SameKey(presented, key.Trim()))
        {
            // Operator pages are nobody's to cache.
            http.Response.Headers.CacheControl = "no-store";
            return next(http);
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"CollectifLive operator\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    });

    /// <summary>The key in a Basic (password part) or Bearer Authorization header.</summary>
    private static string? Presented(string authorization)
    {
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':');
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Compared in constant time, on hashes so that the length does not show either.</summary>
    private static bool SameKey(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
