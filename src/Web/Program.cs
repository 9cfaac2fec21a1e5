using System.Globalization;
using System.Text.Json.Serialization;
using CollectifLive.Silo.Privacy;
using CollectifLive.Web;
using CollectifLive.Web.Api;
using CollectifLive.Web.Components;
using CollectifLive.Web.Events;
using CollectifLive.Web.Hosting;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
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
    .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
// A malformed API request gets the same answer in every environment (a problem), not a developer's exception page.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
builder.Services.AddOptions<ClientLimitOptions>()
    .BindConfiguration(ClientLimitOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();

builder.Services.AddSingleton(TimeProvider.System);
// Read here too, for what the pages say of it, when the silo runs in another process.
builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
builder.Services.AddSingleton<ClientLimits>();
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
builder.Services.AddScoped<CircuitHandler, ConnectionTracker>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseSecurityHeaders();
app.UseRequestLocalization();
// People get the not-found page; scripts get a problem (RFC 9457) and the hub its own answers, never a page.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.Use((http, next) =>
{
    if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
    {
        http.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
    }

    return next(http);
});
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseAntiforgery();

app.MapStaticAssets();
app.MapGet("/culture", (string? c, string? r, HttpContext http) =>
{
    var culture = c is "en" ? "en" : "fr";
    http.Response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
    return Results.LocalRedirect(r is { Length: > 0 } && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/");
});
app.MapWorkshopApi();
app.MapEventApi();
app.MapHub<WorkshopHub>("/hubs/workshop");
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"CollectifLive ({hosting}) : ouvrez {url} / open {url}");
    }
});

app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
