using System.Net.Http.Json;
using System.Text.Json;
using CollectifLive.Web.Api;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>The REST API as a script would use it.</summary>
public static class WorkshopApiClient
{
    public static async Task<CreateWorkshopResponse> Create(string baseUrl, object request)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var response = await http.PostAsJsonAsync("/api/workshops", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonSerializer.Deserialize<CreateWorkshopResponse>(body, JsonSerializerOptions.Web)!;
    }

    public static Task<CreateWorkshopResponse> CreateFromTemplate(string baseUrl, string templateId = "emergence") =>
        Create(baseUrl, new { templateId });
}
