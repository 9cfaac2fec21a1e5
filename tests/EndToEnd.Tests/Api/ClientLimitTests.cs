using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>An app of its own (and its own Azurite) at the product's default per-client limits, unlike the shared app.</summary>
public sealed class DefaultLimitsApp : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public ServerProcess App { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.Start();
        var settings = AppSettings.CoHosted(Azurite.ConnectionString);
        Assert.Null(settings.ClientRatePerMinute);
        App = await AppInstance.Start(settings);
        BaseUrl = settings.BaseUrl;
    }

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
    }
}

/// <summary>
/// The per-address limits at their real defaults. Each test comes from its own loopback address, so neither the
/// order of the tests nor the machine's speed changes what they count.
/// </summary>
public class ClientLimitTests(DefaultLimitsApp app) : IClassFixture<DefaultLimitsApp>
{
    [Fact]
    public async Task The_creation_after_the_limit_is_refused_with_429_a_coded_problem_and_when_to_retry()
    {
        using var script = LoopbackClient.FromNewAddress(app.BaseUrl);
        for (var i = 1; i <= Limits.WorkshopCreationsPerMinute; i++)
        {
            using var created = await script.PostAsJsonAsync("/api/workshops", new { templateId = "emergence" });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"creation {i}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        using var refused = await script.PostAsJsonAsync("/api/workshops", new { templateId = "emergence" });
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = JsonContent.Create(new { templateId = "emergence" }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var refusedInEnglish = await script.SendAsync(english);
        using var elsewhere = LoopbackClient.FromNewAddress(app.BaseUrl);
        using var otherAddress = await elsewhere.PostAsJsonAsync("/api/workshops", new { templateId = "emergence" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("TooManyWorkshopCreations", problem.GetProperty("code").GetString());
        Assert.Equal(Limits.WorkshopCreationsPerMinute, problem.GetProperty("limit").GetInt32());
        Assert.Equal("Trop d'ateliers créés depuis cette adresse (20 par minute). Réessayez dans une minute.", problem.GetProperty("title").GetString());
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedInEnglish.StatusCode);
        var englishProblem = await refusedInEnglish.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many workshops created from this address (20 per minute). Try again in a minute.", englishProblem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_beyond_the_limit_block_that_address_only()
    {
        using var guesser = LoopbackClient.FromNewAddress(app.BaseUrl);
        for (var i = 1; i <= Limits.JoinAttemptsPerMinute; i++)
        {
            var page = await JoinPage(guesser, "ZZZZZZ");
            Assert.True(page.Contains("Aucun atelier n'a ce code. Vérifiez-le à l'écran.", StringComparison.Ordinal), $"attempt {i}: {page}");
        }

        var blocked = await JoinPage(guesser, "ZZZZZZ");
        using var neighbour = LoopbackClient.FromNewAddress(app.BaseUrl);
        var elsewhere = await JoinPage(neighbour, "ZZZZZZ");

        Assert.Contains("Trop de codes erronés (30 par minute). Patientez une minute.", blocked, StringComparison.Ordinal);
        Assert.Contains("Aucun atelier n'a ce code. Vérifiez-le à l'écran.", elsewhere, StringComparison.Ordinal);
    }

    private static async Task<string> JoinPage(HttpClient client, string code)
    {
        using var response = await client.GetAsync($"/j/{code}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
