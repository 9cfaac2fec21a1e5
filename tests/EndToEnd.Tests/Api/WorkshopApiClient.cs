using System.Net.Http.Json;
using System.Text.Json;

namespace CollectifLive.EndToEnd.Tests.Api;

public sealed record CreatedWorkshop(
    string WorkshopId,
    string JoinCode,
    string JoinUrl,
    string RemoteJoinUrl,
    string ParticipantUrl,
    string FacilitatorUrl,
    string ProjectorUrl);

/// <summary>The REST API as a script would use it.</summary>
public static class WorkshopApiClient
{
    public static async Task<CreatedWorkshop> Create(string baseUrl, object request)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var response = await http.PostAsJsonAsync("/api/workshops", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonSerializer.Deserialize<CreatedWorkshop>(body, JsonSerializerOptions.Web)!;
    }

    public static Task<CreatedWorkshop> CreateFromTemplate(string baseUrl, string templateId = "emergence") =>
        Create(baseUrl, new { templateId });
}
