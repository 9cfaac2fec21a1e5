using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollectifLive.Web.Api;
using CollectifLive.Workshops;

namespace CollectifLive.Bench;

/// <summary>A workshop created through the public API, in the contribution step, and its facilitator's API client.</summary>
internal sealed class Facilitator : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    private Facilitator(HttpClient http, CreateWorkshopResponse workshop)
    {
        Http = http;
        Workshop = workshop;
    }

    /// <summary>Calls the API with the facilitator key.</summary>
    public HttpClient Http { get; }

    public CreateWorkshopResponse Workshop { get; }

    public static async Task<Facilitator> CreateWorkshop(string baseUrl)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        try
        {
            using var response = await http.PostAsJsonAsync("/api/workshops", new CreateWorkshopRequest(null, null, null, "emergence"), Json);
            var created = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CreateWorkshopResponse>(Json))!;
            http.DefaultRequestHeaders.Authorization = new("Bearer", created.FacilitatorUrl.Split("#cle=")[1]);
            (await http.PostAsJsonAsync($"/api/workshops/{created.WorkshopId}/phase", new SetPhaseRequest(Phase.Contribution), Json)).EnsureSuccessStatusCode();
            return new Facilitator(http, created);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => Http.Dispose();
}
