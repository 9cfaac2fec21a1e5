using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollectifLive.Web.Api;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>The REST API as a script would use it.</summary>
public static class WorkshopApiClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<CreateWorkshopResponse> Create(string baseUrl, object request)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var response = await http.PostAsJsonAsync("/api/workshops", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonSerializer.Deserialize<CreateWorkshopResponse>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>A workshop from a template, moved to <paramref name="phase"/> (contribution: participants may post).</summary>
    public static async Task<CreateWorkshopResponse> CreateFromTemplate(string baseUrl, string templateId = "emergence", Phase phase = Phase.Contribution)
    {
        var created = await Create(baseUrl, new { templateId });
        if (phase != Phase.Welcome)
        {
            await SetPhase(baseUrl, created, phase);
        }

        return created;
    }

    public static string FacilitatorKey(CreateWorkshopResponse workshop) => workshop.FacilitatorUrl.Split("#cle=")[1];

    /// <summary>POST /api/events, which must make the day: a script's one call for a day and its ateliers.</summary>
    public static async Task<CreateEventResponse> CreateEvent(string baseUrl, object request)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var response = await http.PostAsJsonAsync("/api/events", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<CreateEventResponse>(body, JsonSerializerOptions.Web)!;
    }

    public static string OrganiserKey(CreateEventResponse day) => day.OrganiserUrl.Split("#cle=")[1];

    /// <summary>POST /api/workshops/{id}/phase with the facilitator key, as a remote control would.</summary>
    public static async Task<HttpResponseMessage> SetPhase(string baseUrl, CreateWorkshopResponse workshop, Phase phase, string? key = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshop.WorkshopId}/phase")
        {
            Content = JsonContent.Create(new { phase = phase.ToString() }),
        };
        request.Headers.Authorization = new("Bearer", key ?? FacilitatorKey(workshop));
        var response = await http.SendAsync(request);
        if (key is null)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        return response;
    }

    /// <summary>POST /api/workshops/{id}/rounds: opens a vote round as a script would; returns its id.</summary>
    public static async Task<string> OpenRound(string baseUrl, CreateWorkshopResponse workshop, OpenRoundRequest round)
    {
        using var response = await Facilitate(baseUrl, workshop, "rounds", JsonContent.Create(round, options: Json));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OpenRoundResponse>(Json))!.RoundId;
    }

    public static async Task CloseRound(string baseUrl, CreateWorkshopResponse workshop, string roundId)
    {
        using var response = await Facilitate(baseUrl, workshop, $"rounds/{roundId}/close", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POST /api/workshops/{id}/recommendations: writes a recommendation as a script would; returns its id.</summary>
    public static async Task<string> AddRecommendation(string baseUrl, CreateWorkshopResponse workshop, AddRecommendationRequest recommendation)
    {
        using var response = await Facilitate(baseUrl, workshop, "recommendations", JsonContent.Create(recommendation, options: Json));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AddRecommendationResponse>(Json))!.RecommendationId;
    }

    private static async Task<HttpResponseMessage> Facilitate(string baseUrl, CreateWorkshopResponse workshop, string path, HttpContent? content)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshop.WorkshopId}/{path}") { Content = content };
        request.Headers.Authorization = new("Bearer", FacilitatorKey(workshop));
        return await http.SendAsync(request);
    }
}
