using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollectifLive.Web.Api;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>An organiser's day through the REST API: one call makes the event and its ateliers, one key runs them all.</summary>
[Collection(AppCollection.Name)]
public class EventApiTests(AppFixture app)
{
    private static readonly object[] FourAteliers =
    [
        new { templateId = "emergence" },
        new { templateId = "consolidation" },
        new { title = "Concrétisation", question = "Que fait-on dès lundi ?", columns = new[] { "Actions", "Qui ?" } },
        new { title = "Numérique" },
    ];

    [Fact]
    public async Task An_event_is_created_with_its_workshops_and_the_organiser_key_runs_every_one_of_them()
    {
        var day = await CreateDay(FourAteliers);

        Assert.Equal(4, day.Workshops.Count);
        Assert.Contains("/journee/" + day.EventId + "#cle=", day.OrganiserUrl, StringComparison.Ordinal);
        Assert.All(day.Workshops, w => Assert.Contains("#cle=", w.FacilitatorUrl, StringComparison.Ordinal));
        Assert.All(day.Workshops, w => Assert.Equal(6, w.JoinCode.Length));

        using var organiser = Client(WorkshopApiClient.OrganiserKey(day));
        foreach (var workshop in day.Workshops)
        {
            using var phase = await organiser.PostAsJsonAsync($"/api/workshops/{workshop.WorkshopId}/phase", new { phase = "Contribution" });
            Assert.Equal(HttpStatusCode.NoContent, phase.StatusCode);
        }

        var listed = await organiser.GetFromJsonAsync<JsonElement>($"/api/events/{day.EventId}");
        Assert.Equal("Journée citoyenne du quartier Saint-Michel", listed.GetProperty("title").GetString());
        Assert.Equal("2026-12-05", listed.GetProperty("date").GetString());
        var workshops = listed.GetProperty("workshops").EnumerateArray().ToList();
        Assert.Equal(day.Workshops.Select(w => w.WorkshopId), workshops.Select(w => w.GetProperty("workshopId").GetString()));
        Assert.Equal("Concrétisation", workshops[2].GetProperty("title").GetString());
        Assert.All(workshops, w => Assert.Equal("Contribution", w.GetProperty("phase").GetString()));
        Assert.All(workshops, w => Assert.Contains("#cle=" + WorkshopApiClient.OrganiserKey(day), w.GetProperty("consoleUrl").GetString(), StringComparison.Ordinal));

        // A workshop's own key opens its console, not the event.
        using var facilitator = Client(WorkshopApiClient.FacilitatorKey(day.Workshops[0]));
        using var refused = await facilitator.GetAsync($"/api/events/{day.EventId}");
        await SynthesisApiTests.AssertProblem(refused, HttpStatusCode.Forbidden, "AccessDenied", null);
        using var anonymous = await Client(null).GetAsync($"/api/events/{day.EventId}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var unknown = await organiser.GetAsync("/api/events/abcdefghijkmnp");
        await SynthesisApiTests.AssertProblem(unknown, HttpStatusCode.NotFound, "EventNotFound", null);
        using var malformed = await organiser.GetAsync("/api/events/..%2F..%2Fetc");
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Bad_events_are_refused_with_their_code_and_make_nothing()
    {
        using var http = Client(null);
        using var untitled = await http.PostAsJsonAsync("/api/events", new { title = " ", date = "2026-12-05" });
        using var undated = await http.PostAsJsonAsync("/api/events", new { title = "Journée" });
        using var ancient = await http.PostAsJsonAsync("/api/events", new { title = "Journée", date = "1990-01-01" });
        using var longPlace = await http.PostAsJsonAsync("/api/events", new { title = "Journée", date = "2026-12-05", place = new string('a', Limits.PlaceMaxLength + 1) });
        using var tooMany = await http.PostAsJsonAsync("/api/events", new { title = "Journée", date = "2026-12-05", workshops = Enumerable.Repeat(new { templateId = "emergence" }, Limits.WorkshopsPerEventMax + 1) });
        using var badWorkshop = await http.PostAsJsonAsync("/api/events", new { title = "Journée", date = "2026-12-05", workshops = new[] { new { title = new string('a', Limits.TitleMaxLength + 1) } } });
        using var notJson = await http.PostAsync("/api/events", new StringContent("{ title: ", System.Text.Encoding.UTF8, "application/json"));

        await SynthesisApiTests.AssertProblem(untitled, HttpStatusCode.BadRequest, "TitleRequired", null);
        await SynthesisApiTests.AssertProblem(undated, HttpStatusCode.BadRequest, "EventDateInvalid", null);
        await SynthesisApiTests.AssertProblem(ancient, HttpStatusCode.BadRequest, "EventDateInvalid", null);
        await SynthesisApiTests.AssertProblem(longPlace, HttpStatusCode.BadRequest, "PlaceTooLong", Limits.PlaceMaxLength);
        await SynthesisApiTests.AssertProblem(tooMany, HttpStatusCode.BadRequest, "TooManyEventWorkshops", Limits.WorkshopsPerEventMax);
        await SynthesisApiTests.AssertProblem(badWorkshop, HttpStatusCode.BadRequest, "TitleTooLong", Limits.TitleMaxLength);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_organiser_adds_a_workshop_and_reissues_a_console_link_that_locks_the_old_one_out()
    {
        var day = await CreateDay(FourAteliers[..1]);
        using var organiser = Client(WorkshopApiClient.OrganiserKey(day));

        using var added = await organiser.PostAsJsonAsync($"/api/events/{day.EventId}/workshops", new { templateId = "numerique", title = "Numérique et lien social" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var workshop = (await added.Content.ReadFromJsonAsync<CreateWorkshopResponse>())!;
        using var stranger = Client(WorkshopApiClient.FacilitatorKey(day.Workshops[0]));
        using var refusedAdd = await stranger.PostAsJsonAsync($"/api/events/{day.EventId}/workshops", new { templateId = "numerique" });
        Assert.Equal(HttpStatusCode.Forbidden, refusedAdd.StatusCode);

        var listed = await organiser.GetFromJsonAsync<JsonElement>($"/api/events/{day.EventId}");
        Assert.Equal("Numérique et lien social", listed.GetProperty("workshops")[1].GetProperty("title").GetString());

        using var reissued = await organiser.PostAsync($"/api/workshops/{workshop.WorkshopId}/keys", null);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        Assert.Equal("no-store", reissued.Headers.CacheControl?.ToString());
        var links = (await reissued.Content.ReadFromJsonAsync<ReissuedKeysResponse>())!;
        var newKey = links.FacilitatorUrl.Split("#cle=")[1];

        using var old = await WorkshopApiClient.SetPhase(app.BaseUrl, workshop, Phase.Contribution, WorkshopApiClient.FacilitatorKey(workshop));
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        using var fresh = await WorkshopApiClient.SetPhase(app.BaseUrl, workshop, Phase.Contribution, newKey);
        Assert.Equal(HttpStatusCode.NoContent, fresh.StatusCode);
        using var byOrganiser = await WorkshopApiClient.SetPhase(app.BaseUrl, workshop, Phase.Grouping, WorkshopApiClient.OrganiserKey(day));
        Assert.Equal(HttpStatusCode.NoContent, byOrganiser.StatusCode);
    }

    [Fact]
    public async Task Deleting_asks_for_the_facilitator_or_organiser_key_and_leaves_nothing_to_read()
    {
        var day = await CreateDay(FourAteliers[..2]);
        var (first, second) = (day.Workshops[0], day.Workshops[1]);
        await using var hub = await HubClient.Connect(app.BaseUrl);
        var joined = await hub.Join(new Web.Realtime.HubJoinRequest(first.JoinCode, "Amina"));
        var participantToken = joined.ParticipantToken!;
        var projectorKey = first.ProjectorUrl.Split("#cle=")[1];

        using var anonymous = await Client(null).DeleteAsync($"/api/workshops/{first.WorkshopId}");
        using var byProjector = await Client(projectorKey).DeleteAsync($"/api/workshops/{first.WorkshopId}");
        using var byParticipant = await Client(participantToken).DeleteAsync($"/api/workshops/{first.WorkshopId}");
        using var byNeighbour = await Client(WorkshopApiClient.FacilitatorKey(second)).DeleteAsync($"/api/workshops/{first.WorkshopId}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byProjector.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byParticipant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byNeighbour.StatusCode);

        using var deleted = await Client(WorkshopApiClient.FacilitatorKey(first)).DeleteAsync($"/api/workshops/{first.WorkshopId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await hub.Deleted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        using var again = await Client(WorkshopApiClient.FacilitatorKey(first)).DeleteAsync($"/api/workshops/{first.WorkshopId}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var export = await Client(WorkshopApiClient.FacilitatorKey(first)).GetAsync($"/api/workshops/{first.WorkshopId}/export/markdown");
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        using var codeAfter = await Client(null).GetAsync($"/j/{first.JoinCode}");
        Assert.DoesNotContain(first.WorkshopId, await codeAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var organiser = Client(WorkshopApiClient.OrganiserKey(day));
        var listed = await organiser.GetFromJsonAsync<JsonElement>($"/api/events/{day.EventId}");
        Assert.Equal([second.WorkshopId], listed.GetProperty("workshops").EnumerateArray().Select(w => w.GetProperty("workshopId").GetString()));

        // The whole event: the organiser's key only.
        using var eventByFacilitator = await Client(WorkshopApiClient.FacilitatorKey(second)).DeleteAsync($"/api/events/{day.EventId}");
        Assert.Equal(HttpStatusCode.Forbidden, eventByFacilitator.StatusCode);
        using var eventDeleted = await organiser.DeleteAsync($"/api/events/{day.EventId}");
        Assert.Equal(HttpStatusCode.NoContent, eventDeleted.StatusCode);
        using var eventAfter = await organiser.GetAsync($"/api/events/{day.EventId}");
        Assert.Equal(HttpStatusCode.NotFound, eventAfter.StatusCode);
        using var secondAfter = await WorkshopApiClient.SetPhase(app.BaseUrl, second, Phase.Grouping, WorkshopApiClient.OrganiserKey(day));
        Assert.Equal(HttpStatusCode.NotFound, secondAfter.StatusCode);
    }

    [Fact]
    public async Task The_day_is_exported_as_one_synthesis_and_one_archive_for_the_organiser_only()
    {
        var day = await CreateDay(FourAteliers[..2]);
        using var organiser = Client(WorkshopApiClient.OrganiserKey(day));
        foreach (var (workshop, title) in day.Workshops.Zip(["Ouvrir la maison de quartier le soir", "Un jardin partagé derrière l'école"]))
        {
            using var recommendation = await organiser.PostAsJsonAsync($"/api/workshops/{workshop.WorkshopId}/recommendations", new { title });
            Assert.Equal(HttpStatusCode.OK, recommendation.StatusCode);
        }

        using var markdown = await organiser.GetAsync($"/api/events/{day.EventId}/export/markdown");
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", markdown.Headers.CacheControl?.ToString());
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# Journée citoyenne du quartier Saint\\-Michel", text, StringComparison.Ordinal);
        Assert.Contains("Maison des associations", text, StringComparison.Ordinal);
        Assert.Contains("## Participation de la journée", text, StringComparison.Ordinal);
        Assert.Contains("## Préconisations de la journée", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Ouvrir la maison de quartier le soir", StringComparison.Ordinal) < text.IndexOf("Un jardin partagé", StringComparison.Ordinal));
        Assert.Contains("\n## Émergence", text, StringComparison.Ordinal);

        using var archive = await organiser.GetAsync($"/api/events/{day.EventId}/export/archive.json");
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        var json = await archive.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(EventApi.ArchiveFormat, json.GetProperty("format").GetString());
        Assert.Equal(2, json.GetProperty("workshops").GetArrayLength());
        Assert.All(json.GetProperty("workshops").EnumerateArray(), w => Assert.Equal("collectiflive/1", w.GetProperty("format").GetString()));

        using var byFacilitator = await Client(WorkshopApiClient.FacilitatorKey(day.Workshops[0])).GetAsync($"/api/events/{day.EventId}/export/markdown");
        Assert.Equal(HttpStatusCode.Forbidden, byFacilitator.StatusCode);
    }

    private async Task<CreateEventResponse> CreateDay(object[] workshops)
    {
        return await WorkshopApiClient.CreateEvent(app.BaseUrl, new
        {
            title = "Journée citoyenne du quartier Saint-Michel",
            date = "2026-12-05",
            place = "Maison des associations",
            workshops,
        });
    }

    private HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return http;
    }
}
