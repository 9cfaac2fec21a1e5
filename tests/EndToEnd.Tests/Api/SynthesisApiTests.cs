using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>A script writes recommendations and takes the synthesis away, with the facilitator key and nothing else.</summary>
[Collection(AppCollection.Name)]
public class SynthesisApiTests(AppFixture app)
{
    private static readonly string[] UnknownNote = ["n999"];

    [Fact]
    public async Task A_script_writes_a_recommendation_once_even_when_it_retries_and_bad_ones_are_refused_with_their_code()
    {
        var (workshop, noteId) = await WorkshopWithANote("Une salle ouverte le soir");
        using var http = Facilitator(workshop);
        var path = $"/api/workshops/{workshop.WorkshopId}/recommendations";
        var request = new { title = "Ouvrir une salle le soir", text = "Avec les associations.", sources = new[] { noteId }, operationId = Guid.NewGuid() };

        using var first = await http.PostAsJsonAsync(path, request);
        using var retried = await http.PostAsJsonAsync(path, request);
        using var untitled = await http.PostAsJsonAsync(path, new { title = " ", sources = Array.Empty<string>() });
        using var unknownSource = await http.PostAsJsonAsync(path, new { title = "Titre", sources = UnknownNote });
        using var tooLong = await http.PostAsJsonAsync(path, new { title = new string('a', Limits.RecommendationTitleMaxLength + 1) });
        using var anonymous = await new HttpClient { BaseAddress = new Uri(app.BaseUrl) }.PostAsJsonAsync(path, request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendationId").GetString();
        Assert.Equal(id, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendationId").GetString());
        await AssertProblem(untitled, HttpStatusCode.BadRequest, "RecommendationTitleRequired", null);
        await AssertProblem(unknownSource, HttpStatusCode.BadRequest, "UnknownSource", null);
        await AssertProblem(tooLong, HttpStatusCode.BadRequest, "RecommendationTitleTooLong", Limits.RecommendationTitleMaxLength);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await using var hub = await HubClient.Connect(app.BaseUrl);
        var recommendation = Assert.Single((await hub.Join(new HubJoinRequest(workshop.JoinCode, "Lecteur"))).Snapshot!.View.Recommendations);
        Assert.Equal(id, recommendation.Id);
        Assert.Equal([noteId], recommendation.Sources.AsEnumerable());
    }

    [Fact]
    public async Task The_exports_are_the_facilitators_alone_and_never_cached()
    {
        var (workshop, noteId) = await WorkshopWithANote("=SOMME(A1) <b>une idée</b>");
        using var http = Facilitator(workshop);
        using var written = await http.PostAsJsonAsync($"/api/workshops/{workshop.WorkshopId}/recommendations", new { title = "Un lieu *ouvert*", sources = new[] { noteId } });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        using var markdown = await http.GetAsync($"/api/workshops/{workshop.WorkshopId}/export/markdown");
        using var notes = await http.GetAsync($"/api/workshops/{workshop.WorkshopId}/export/notes.csv");
        using var votes = await http.GetAsync($"/api/workshops/{workshop.WorkshopId}/export/votes.csv");
        using var anonymous = await new HttpClient { BaseAddress = new Uri(app.BaseUrl) }.GetAsync($"/api/workshops/{workshop.WorkshopId}/export/markdown");
        using var projector = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        projector.DefaultRequestHeaders.Authorization = new("Bearer", workshop.ProjectorUrl.Split("#cle=")[1]);
        using var withProjectorKey = await projector.GetAsync($"/api/workshops/{workshop.WorkshopId}/export/notes.csv");
        using var unknown = await http.GetAsync("/api/workshops/aaaaaaaaaaaaaa/export/markdown");

        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", markdown.Headers.CacheControl?.ToString());
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("### 1. Un lieu \\*ouvert\\*", text, StringComparison.Ordinal);
        Assert.Contains("\\=SOMME\\(A1\\) \\<b\\>une idée\\<\\/b\\>", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.Equal("text/csv", notes.Content.Headers.ContentType?.MediaType);
        var bytes = await notes.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("\"'=SOMME(A1) <b>une idée</b>\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, votes.StatusCode);
        Assert.StartsWith("\"vote\";\"type\"", Encoding.UTF8.GetString((await votes.Content.ReadAsByteArrayAsync())[3..]), StringComparison.Ordinal);

        await AssertProblem(anonymous, HttpStatusCode.Unauthorized, "AccessDenied", null);
        await AssertProblem(withProjectorKey, HttpStatusCode.Forbidden, "AccessDenied", null);
        await AssertProblem(unknown, HttpStatusCode.NotFound, "WorkshopNotFound", null);
    }

    [Fact]
    public async Task A_workshop_archived_and_imported_is_a_new_workshop_whose_archive_says_the_same()
    {
        var (workshop, noteId) = await WorkshopWithANote("Une salle ouverte le soir 🌱 <b>=1+1</b>");
        using var http = Facilitator(workshop);
        using var written = await http.PostAsJsonAsync($"/api/workshops/{workshop.WorkshopId}/recommendations", new { title = "Ouvrir une salle le soir", sources = new[] { noteId } });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        using var exported = await http.GetAsync($"/api/workshops/{workshop.WorkshopId}/export/archive.json");
        var archive = await exported.Content.ReadAsStringAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var imported = await anonymous.PostAsync("/api/workshops/import", new StringContent(archive, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var copy = (await imported.Content.ReadFromJsonAsync<Web.Api.CreateWorkshopResponse>(JsonSerializerOptions.Web))!;
        using var again = await Facilitator(copy).GetAsync($"/api/workshops/{copy.WorkshopId}/export/archive.json");
        using var withOldKey = await http.GetAsync($"/api/workshops/{copy.WorkshopId}/export/archive.json");
        using var garbage = await anonymous.PostAsync("/api/workshops/import", new StringContent("{\"format\":\"autre\"}", Encoding.UTF8, "application/json"));
        using var huge = await anonymous.PostAsync("/api/workshops/import", new ByteArrayContent(new byte[Limits.ArchiveMaxBytes + 1]));

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("no-store", exported.Headers.CacheControl?.ToString());
        Assert.NotEqual(workshop.WorkshopId, copy.WorkshopId);
        Assert.NotEqual(workshop.JoinCode, copy.JoinCode);
        Assert.Equal(WithoutExportDate(archive), WithoutExportDate(await again.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(WorkshopApiClient.FacilitatorKey(workshop), archive, StringComparison.Ordinal);
        Assert.DoesNotContain(workshop.JoinCode, archive, StringComparison.Ordinal);
        await AssertProblem(withOldKey, HttpStatusCode.Forbidden, "AccessDenied", null);
        await AssertProblem(garbage, HttpStatusCode.BadRequest, "ArchiveInvalid", null);
        await AssertProblem(huge, HttpStatusCode.RequestEntityTooLarge, "ArchiveTooLarge", Limits.ArchiveMaxBytes / (1024 * 1024));

        static string WithoutExportDate(string json) => string.Join('\n', json.Split('\n').Where(line => !line.Contains("\"exportedAt\"", StringComparison.Ordinal)));
    }

    private async Task<(Web.Api.CreateWorkshopResponse Workshop, string NoteId)> WorkshopWithANote(string text)
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var hub = await HubClient.Connect(app.BaseUrl);
        Assert.Null((await hub.Join(new HubJoinRequest(workshop.JoinCode, "Amina"))).Error);
        var added = await hub.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", text, NoteColour.Yellow));
        Assert.Null(added.Error);
        return (workshop, added.Value!);
    }

    private HttpClient Facilitator(Web.Api.CreateWorkshopResponse workshop)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", WorkshopApiClient.FacilitatorKey(workshop));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        return http;
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code, int? limit)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (limit is { } bound)
        {
            Assert.Equal(bound, problem.GetProperty("limit").GetInt32());
        }

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }
}
