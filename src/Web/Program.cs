using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using CollectifLive.Silo.Privacy;
using CollectifLive.Web;
using CollectifLive.Web.Api;
using CollectifLive.Web.Components;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.Events;
using CollectifLive.Web.Hosting;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

var builder = WebApplication.CreateBuilder(args);
// The static files of a build (not only of a publish) in every environment: ./run.sh runs the build in Production.
builder.WebHost.UseStaticWebAssets();
var hosting = builder.AddCollectifLiveOrleans();

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    CultureInfo[] cultures = [new("fr"), new("en")];
    options.DefaultRequestCulture = new RequestCulture("fr");
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
});

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(10));
builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = Limits.HubMessageMaxBytes)
    .AddJsonProtocol(options =>
    {
        LenientJson.AddTo(options.PayloadSerializerOptions.Converters);

        // What is null is left out: every phone receives every push, and most of a push's fields are empty.
        options.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    });
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
builder.Services.AddCollectifLiveHealth();
builder.Services.AddGracefulShutdown();
builder.AddCollectifLiveTelemetry();
// A malformed API request gets the same answer in every environment (a problem), not a developer's exception page.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);

// Behind a reverse proxy (TLS, a load balancer), each person's address and the scheme come from the X-Forwarded-For
// and X-Forwarded-Proto headers, believed only from the proxies named here: the per-address limits then count people,
// not the proxy, and HSTS goes out over the proxy's HTTPS.
var reverseProxies = (builder.Configuration["ReverseProxy:KnownProxies"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(proxy => IPAddress.TryParse(proxy, out var address) ? address : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."))
    .ToList();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    reverseProxies.ForEach(options.KnownProxies.Add);
});

builder.Services.AddSingleton(TimeProvider.System);
// Read here too, for what the pages say of it, when the silo runs in another process.
builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
builder.Services.AddSingleton<WorkshopGateway>();
builder.Services.AddSingleton<EventGateway>();
builder.Services.AddSingleton<WorkshopLinks>();
builder.Services.AddSingleton<WorkshopFeeds>();
builder.Services.AddSingleton<PlenaryFeeds>();
builder.Services.AddSingleton<HubBridges>();
builder.Services.AddScoped<BrowserStorage>();
builder.Services.AddScoped<MyWorkshops>();
builder.Services.AddScoped<WorkshopEffects>();
builder.Services.AddScoped<WorkshopStore>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CircuitClient>();
builder.Services.AddScoped<CircuitHandler, ConnectionTracker>();

var app = builder.Build();

if (reverseProxies.Count > 0)
{
    app.UseForwardedHeaders();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);

    // Only ever sent over HTTPS: a room's laptop served over plain HTTP on its Wi-Fi is not told to refuse it.
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseRequestLocalization();
// People get the not-found page; scripts get a problem (RFC 9457) and the hub its own answers, never a page.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.Use((http, next) =>
{
    if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs") || http.Request.Path.StartsWithSegments(OperatorEndpoints.Prefix))
    {
        http.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
    }

    return next(http);
});
// A request the API could not even read (malformed JSON, a value of the wrong type, a body that is not JSON) is a
// problem with the InvalidRequest code and a message in the caller's language, like every other refusal.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async (StatusCodeContext context) =>
{
    var http = context.HttpContext;
    var status = http.Response.StatusCode;
    (WorkshopError Error, int? Limit)? refusal = status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => (WorkshopError.InvalidRequest, (int?)null),
        StatusCodes.Status413PayloadTooLarge when !http.Request.Path.StartsWithSegments("/api/workshops/import") => (WorkshopError.RequestTooLarge, (int?)(Limits.ApiBodyMaxBytes / 1024)),
        _ => ((WorkshopError Error, int? Limit)?)null,
    };
    var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
    await Results.Problem(
        statusCode: status,
        title: refusal is { } known ? localizer.Describe(known.Error, known.Limit) : null,
        extensions: refusal is { } coded ? new Dictionary<string, object?> { ["code"] = coded.Error.ToString(), ["limit"] = coded.Limit } : null).ExecuteAsync(http);
}));

// Bodies are bounded per endpoint before anything reads them: a body announced too large is refused before its key
// is even checked, and one that grows past the bound while read is cut there.
app.Use((http, next) =>
{
    // An import reads its body itself, up to its own bound, and answers ArchiveTooLarge past it.
    if (!http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/api/workshops/import"))
    {
        return next(http);
    }

    var max = Limits.ApiBodyMaxBytes;
    if (http.Request.ContentLength > max)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Task.CompletedTask;
    }

    if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
    {
        body.MaxRequestBodySize = max;
    }

    return next(http);
});
app.UseOperatorKey();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapGet("/culture", (string? c, string? r, HttpContext http) =>
{
    var culture = c is "en" ? "en" : "fr";
    http.Response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
    return Results.LocalRedirect(IsLocalPath(r) ? r! : "/");
});
app.MapWorkshopApi();
app.MapEventApi();
app.MapHub<WorkshopHub>("/hubs/workshop");
app.MapCollectifLiveHealth();
app.AnnounceRestarts();
app.MapOperatorEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null); // frame-ancestors 'none' is in the site's policy

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"CollectifLive ({hosting}) : ouvrez {url} / open {url}");
    }
});

app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program
{
    /// <summary>
    /// A path on this site to go back to: one slash, then no second slash or backslash (which browsers read as another
    /// host), and no control character.
    /// </summary>
    internal static bool IsLocalPath(string? path) =>
        path is { Length: > 0 and <= 2048 } && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl);
}
