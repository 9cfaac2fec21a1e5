using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

[Collection(AppCollection.Name)]
public class RestApiTests(AppFixture app)
{
    private static readonly string[] OneOption = ["Oui"];

    private static readonly string[] Columns = ["Idées", "Questions"];

    [Fact]
    public async Task Creating_a_workshop_returns_its_code_and_links_and_the_code_opens_it()
    {
        var created = await WorkshopApiClient.Create(app.BaseUrl, new { title = "Atelier du samedi", question = "Que faire ?", columns = Columns });

        Assert.Matches("^[a-z0-9]{14}$", created.WorkshopId);
        Assert.Equal($"{created.ParticipantUrl}?code={created.JoinCode}", created.JoinUrl);
        Assert.Equal($"{created.ParticipantUrl}?code={created.JoinCode}&distance=1", created.RemoteJoinUrl);
        Assert.StartsWith($"{app.BaseUrl}/animer/{created.WorkshopId}#cle=", created.FacilitatorUrl, StringComparison.Ordinal);
        Assert.StartsWith($"{app.BaseUrl}/projection/{created.WorkshopId}#cle=", created.ProjectorUrl, StringComparison.Ordinal);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var typed = await http.GetAsync($"{app.BaseUrl}/j/{created.JoinCode}");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal($"{created.ParticipantUrl}?code={created.JoinCode}", typed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Answers_that_hold_keys_are_never_cached()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var workshop = await http.PostAsJsonAsync("/api/workshops", new { templateId = "emergence" });
        using var day = await http.PostAsJsonAsync("/api/events", new { title = "Journée", date = "2026-12-05", workshops = new[] { new { templateId = "emergence" } } });

        Assert.Equal(HttpStatusCode.Created, workshop.StatusCode);
        Assert.Equal("no-store", workshop.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.Created, day.StatusCode);
        Assert.Equal("no-store", day.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_bad_creation_is_a_problem_with_a_code_and_a_message_in_the_callers_language()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = JsonContent.Create(new { title = "x", columns = Enumerable.Repeat("c", 9) }) };
        request.Headers.AcceptLanguage.ParseAdd("en");

        using var response = await http.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TooManyColumns", problem.GetProperty("code").GetString());
        Assert.Equal(8, problem.GetProperty("limit").GetInt32());
        Assert.Equal("No more than 8 columns.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_script_moves_the_steps_with_the_facilitator_key_and_nothing_else()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl, phase: Workshops.Phase.Welcome);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var anonymous = await http.PostAsJsonAsync($"/api/workshops/{workshop.WorkshopId}/phase", new { phase = "Contribution" });
        using var projectorKey = await WorkshopApiClient.SetPhase(app.BaseUrl, workshop, Workshops.Phase.Contribution, workshop.ProjectorUrl.Split("#cle=")[1]);
        using var unknown = await WorkshopApiClient.SetPhase(app.BaseUrl, workshop with { WorkshopId = "aaaaaaaaaaaaaa" }, Workshops.Phase.Vote, WorkshopApiClient.FacilitatorKey(workshop));
        using var moved = await WorkshopApiClient.SetPhase(app.BaseUrl, workshop, Workshops.Phase.Contribution);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, projectorKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        await using var hub = await HubClient.Connect(app.BaseUrl);
        var joined = await hub.Join(new(workshop.JoinCode, "Script"));
        Assert.Equal(Workshops.Phase.Contribution, joined.Snapshot!.View.Header.Phase);
    }

    [Fact]
    public async Task A_script_opens_a_poll_once_even_when_it_retries_and_a_bad_poll_is_refused_with_its_limit()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", WorkshopApiClient.FacilitatorKey(workshop));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var path = $"/api/workshops/{workshop.WorkshopId}/rounds";
        var poll = new { kind = "Poll", question = "Un second atelier ?", options = new[] { "Oui", "Non" }, operationId = Guid.NewGuid() };

        using var first = await http.PostAsJsonAsync(path, poll);
        using var retried = await http.PostAsJsonAsync(path, poll);
        using var lonely = await http.PostAsJsonAsync(path, new { kind = "Poll", question = "Oui ?", options = OneOption });
        using var anonymous = await new HttpClient { BaseAddress = new Uri(app.BaseUrl) }.PostAsJsonAsync(path, poll);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var roundId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roundId").GetString();
        Assert.Equal(roundId, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roundId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, lonely.StatusCode);
        var problem = await lonely.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PollOptionsInvalid", problem.GetProperty("code").GetString());
        Assert.Equal(Limits.PollOptionsMax, problem.GetProperty("limit").GetInt32());
        Assert.Equal("Un sondage a de 2 à 10 choix, tous différents.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var hub = await HubClient.Connect(app.BaseUrl);
        var round = Assert.Single((await hub.Join(new(workshop.JoinCode, "Script"))).Snapshot!.View.Rounds);
        Assert.Equal(roundId, round.Id);
        Assert.Equal(["Oui", "Non"], round.Items.Select(i => i.Label));
        Assert.True(round.Setup.Anonymous);
    }

    [Fact]
    public async Task Scripts_get_problems_never_a_page_while_people_get_the_not_found_page()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var unknownRoute = await http.GetAsync("/api/nothing-here");
        using var notJson = await http.PostAsync("/api/workshops", new StringContent("title=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var unknownPage = await http.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        Assert.Equal("application/problem+json", unknownRoute.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Equal("text/html", unknownPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Page introuvable", await unknownPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(app.BaseUrl + "/");
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
