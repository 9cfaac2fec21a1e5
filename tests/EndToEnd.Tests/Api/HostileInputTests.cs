using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>
/// Values of the wrong shape, sent as a hostile script would: each is refused with its documented code, never a
/// generic failure or a stack trace, and nothing changes.
/// </summary>
[Collection(AppCollection.Name)]
public class HostileInputTests(AppFixture app)
{
    public static TheoryData<string, object?> BadOperationIds() => new()
    {
        { "not a guid", "not-a-guid" },
        { "empty", "" },
        { "a number", 12345 },
        { "null", null },
    };

    public static TheoryData<string, object> BadColours() => new()
    {
        { "unknown name", "Octarine" },
        { "fraction", 2.5 },
        { "past int", 2147483648L },
        { "undefined number", 99 },
    };

    [Theory]
    [MemberData(nameof(BadOperationIds))]
    public async Task A_note_with_a_malformed_operation_id_is_refused_with_InvalidRequest(string what, object? operationId)
    {
        var (hub, _) = await Joined();
        await using var _hub = hub;

        var answer = await hub.Connection.InvokeAsync<HubCommandResponse>("AddNote", new { operationId, columnId = "c1", text = "Une idée " + what, colour = "Yellow" });

        Assert.Equal(WorkshopError.InvalidRequest, answer.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(answer.Error?.Message));
        Assert.Empty((await hub.Resync())!.View.Notes);
    }

    [Theory]
    [MemberData(nameof(BadColours))]
    public async Task A_note_in_a_colour_that_does_not_exist_is_refused_with_InvalidRequest(string what, object colour)
    {
        var (hub, _) = await Joined();
        await using var _hub = hub;

        var answer = await hub.Connection.InvokeAsync<HubCommandResponse>("AddNote", new { operationId = Guid.NewGuid(), columnId = "c1", text = "Une idée " + what, colour });

        Assert.Equal(WorkshopError.InvalidRequest, answer.Error?.Code);
        Assert.Empty((await hub.Resync())!.View.Notes);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(1e12)]
    [InlineData(-1)]
    public async Task A_ballot_with_marks_that_are_not_small_whole_numbers_is_refused_with_InvalidBallot(double mark)
    {
        var (hub, workshop) = await Joined();
        await using var _hub = hub;
        var note = await hub.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Ouvrir la salle le soir"));
        Assert.Null(note.Error);
        var roundId = await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Dots, DotBudget: 5, DotCap: 3));

        var answer = await hub.Connection.InvokeAsync<HubCommandResponse>("CastBallot", new { operationId = Guid.NewGuid(), roundId, marks = new Dictionary<string, double> { [note.Value!] = mark } });

        Assert.Equal(WorkshopError.InvalidBallot, answer.Error?.Code);
        Assert.Equal(0, (await hub.Resync())!.View.Rounds.Single().Voters);
    }

    [Fact]
    public async Task Joining_with_a_presence_that_does_not_exist_is_refused()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var hub = await HubClient.Connect(app.BaseUrl);

        var answer = await hub.Connection.InvokeAsync<HubJoinResponse>("Join", new { code = workshop.JoinCode, displayName = "Mars", presence = "OnMars" });

        Assert.Equal(WorkshopError.InvalidRequest, answer.Error?.Code);
    }

    public static TheoryData<string, string> BadRestBodies() => new()
    {
        { "phase", """{ "phase": "Bogus" }""" },
        { "phase", """{ "phase": null }""" },
        { "phase", "{}" },
        { "phase", """{ "phase": """ },
        { "phase", """{ "phase": 2.5 }""" },
        { "rounds", """{ "kind": "Dots", "dotBudget": 2147483648 }""" },
        { "rounds", """{ "kind": "Dots", "dotBudget": "five" }""" },
        { "rounds", """[1, 2, 3]""" },
        { "recommendations", """{ "title": { "nested": true } }""" },
    };

    [Theory]
    [MemberData(nameof(BadRestBodies))]
    public async Task A_REST_body_of_the_wrong_shape_is_a_problem_with_the_InvalidRequest_code_and_changes_nothing(string endpoint, string body)
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", WorkshopApiClient.FacilitatorKey(workshop));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        using var response = await http.PostAsync($"/api/workshops/{workshop.WorkshopId}/{endpoint}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("InvalidRequest", problem.GetProperty("code").GetString());
        Assert.Equal("Cette demande n'est pas valable.", problem.GetProperty("title").GetString());

        await using var hub = await HubClient.Connect(app.BaseUrl);
        var joined = await hub.Join(new HubJoinRequest(workshop.JoinCode, "Témoin"));
        Assert.Equal(Phase.Contribution, joined.Snapshot!.View.Header.Phase);
        Assert.Empty(joined.Snapshot.View.Rounds);
        Assert.Empty(joined.Snapshot.View.Recommendations);
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_is_read_or_its_key_checked()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        // Sent as a careful client does (Expect: 100-continue), so the refusal is read rather than cut off mid-upload.
        using var huge = new HttpRequestMessage(HttpMethod.Post, $"/api/workshops/{workshop.WorkshopId}/phase")
        {
            Content = new ByteArrayContent(new byte[29 * 1024 * 1024]) { Headers = { ContentType = new("application/json") } },
        };
        huge.Headers.ExpectContinue = true;
        using var announced = await http.SendAsync(huge);
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"title\":\"" + new string('a', Limits.ApiBodyMaxBytes) + "\"}")));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var grown = await http.SendAsync(request);

        foreach (var response in new[] { announced, grown })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("RequestTooLarge", problem.GetProperty("code").GetString());
            Assert.Equal(Limits.ApiBodyMaxBytes / 1024, problem.GetProperty("limit").GetInt32());
            Assert.Equal("Cette demande est trop grande (au plus 64 Kio).", problem.GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/atelier/abcdefghijkmnp?code=ABC234", "/atelier/abcdefghijkmnp?code=ABC234")]
    public async Task The_language_switch_goes_back_only_to_a_page_of_this_site(string back, string expected)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await http.GetAsync($"/culture?c=en&r={back}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    private async Task<(HubClient Hub, CreateWorkshopResponse Workshop)> Joined()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var hub = await HubClient.Connect(app.BaseUrl);
        var joined = await hub.Join(new HubJoinRequest(workshop.JoinCode, "Script"));
        Assert.Null(joined.Error);
        return (hub, workshop);
    }
}
