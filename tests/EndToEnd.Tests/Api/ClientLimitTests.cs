using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollectifLive.Testing;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using static Microsoft.Playwright.Assertions;

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
        // As behind a reverse proxy on this machine: a request without X-Forwarded-For counts for its own address.
        var settings = AppSettings.CoHosted(Azurite.ConnectionString) with { ReverseProxies = "127.0.0.1" };
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
    public async Task Behind_the_reverse_proxy_each_forwarded_address_has_its_own_limit()
    {
        using var proxy = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        async Task<HttpStatusCode> Create(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workshops") { Content = JsonContent.Create(new { templateId = "emergence" }) };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var answer = await proxy.SendAsync(request);
            return answer.StatusCode;
        }

        for (var i = 1; i <= Limits.WorkshopCreationsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Created, await Create("203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await Create("203.0.113.7"));
        Assert.Equal(HttpStatusCode.Created, await Create("203.0.113.8"));
    }

    [Fact]
    public async Task Wrong_codes_beyond_the_limit_block_that_browser_only()
    {
        var address = LoopbackClient.NewAddress();
        using var typist = Browser(address);
        for (var i = 1; i <= Limits.WrongJoinCodesPerBrowserPerMinute; i++)
        {
            var page = await JoinPage(typist, "ZZZZZZ");
            Assert.True(page.Contains("Aucun atelier n'a ce code. Vérifiez-le à l'écran.", StringComparison.Ordinal), $"attempt {i}: {page}");
        }

        var blocked = await JoinPage(typist, "ZZZZZZ");
        using var neighbour = Browser(address);
        var besides = await JoinPage(neighbour, "ZZZZZZ");

        Assert.Contains("Trop de codes erronés (10 par minute). Scannez le QR code de l'atelier, ou patientez une minute.", blocked, StringComparison.Ordinal);
        Assert.Contains("Aucun atelier n'a ce code. Vérifiez-le à l'écran.", besides, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_codes_sent_at_once_by_a_room_behind_one_address_all_join_while_a_wrong_code_burst_from_it_is_cut_at_the_limit()
    {
        const int Room = 300;
        const int WrongPerPhone = 5;
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var address = LoopbackClient.NewAddress();
        var phones = await Task.WhenAll(Enumerable.Range(0, Room).Select(_ => HubClient.Connect(app.BaseUrl, from: address)));
        try
        {
            var joined = await Task.WhenAll(phones.Select((phone, i) => phone.Join(new HubJoinRequest(workshop.JoinCode, $"P{i}"))));
            var burst = await Task.WhenAll(phones.SelectMany(phone => Enumerable.Range(0, WrongPerPhone).Select(_ => phone.Join(new HubJoinRequest("ZZZZZZ")))));

            Assert.All(joined, answer => Assert.Null(answer.Error));
            var lookedUp = burst.Count(answer => answer.Error?.Code == WorkshopError.JoinCodeUnknown);
            var cut = burst.Count(answer => answer.Error?.Code == WorkshopError.TooManyWrongCodesFromAddress);
            Assert.Equal((Limits.WrongJoinCodesPerAddressPerMinute, Room * WrongPerPhone - Limits.WrongJoinCodesPerAddressPerMinute), (lookedUp, cut));
        }
        finally
        {
            await Task.WhenAll(phones.Select(phone => phone.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_blocked_typists_neighbour_still_joins_and_the_link_opens_the_workshop_even_from_a_blocked_address()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var address = LoopbackClient.NewAddress();
        await using var typist = await HubClient.Connect(app.BaseUrl, from: address);
        await using var neighbour = await HubClient.Connect(app.BaseUrl, from: address);
        for (var i = 0; i < Limits.WrongJoinCodesPerBrowserPerMinute; i++)
        {
            Assert.Equal(WorkshopError.JoinCodeUnknown, (await typist.Join(new HubJoinRequest("ZZZZZZ"))).Error?.Code);
        }

        var typistAgain = await typist.Join(new HubJoinRequest(workshop.JoinCode, "Typiste"));
        var neighbourJoins = await neighbour.Join(new HubJoinRequest(workshop.JoinCode, "Voisine"));
        var bots = await Task.WhenAll(Enumerable.Range(0, Limits.WrongJoinCodesPerAddressPerMinute / Limits.WrongJoinCodesPerBrowserPerMinute)
            .Select(_ => HubClient.Connect(app.BaseUrl, from: address)));
        try
        {
            await Task.WhenAll(bots.Select(async bot =>
            {
                for (var i = 0; i < Limits.WrongJoinCodesPerBrowserPerMinute; i++)
                {
                    await bot.Join(new HubJoinRequest("ZZZZZZ"));
                }
            }));
            await using var latecomer = await HubClient.Connect(app.BaseUrl, from: address);
            var typed = await latecomer.Join(new HubJoinRequest(workshop.JoinCode, "Retardataire"));
            var linked = await latecomer.Join(new HubJoinRequest(workshop.JoinCode, "Retardataire", WorkshopId: workshop.WorkshopId));
            using var browser = Browser(address);
            var typedPage = await JoinPage(browser, workshop.JoinCode);
            using var link = await browser.GetAsync(new Uri(workshop.JoinUrl).PathAndQuery);

            Assert.Equal((WorkshopError.TooManyJoinAttempts, Limits.WrongJoinCodesPerBrowserPerMinute), (typistAgain.Error?.Code, typistAgain.Error?.Limit));
            Assert.Null(neighbourJoins.Error);
            Assert.Equal((WorkshopError.TooManyWrongCodesFromAddress, Limits.WrongJoinCodesPerAddressPerMinute), (typed.Error?.Code, typed.Error?.Limit));
            Assert.Contains("Trop de codes erronés depuis ce réseau (500 par minute). Scannez le QR code de l'atelier, ou patientez une minute.", typedPage, StringComparison.Ordinal);
            Assert.Null(linked.Error);
            Assert.Equal(workshop.WorkshopId, linked.WorkshopId);
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }
        finally
        {
            await Task.WhenAll(bots.Select(bot => bot.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_join_flood_from_one_address_stops_before_the_workshop_fills_and_a_newcomer_still_joins()
    {
        const int Connections = 250;
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        var address = LoopbackClient.NewAddress();
        var bots = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => HubClient.Connect(app.BaseUrl, from: address)));
        try
        {
            var answers = await Task.WhenAll(bots.Select(async bot =>
            {
                var mine = new List<HubJoinResponse>();
                for (var i = 0; i < Limits.ParticipantsPerWorkshopMax / Connections; i++)
                {
                    mine.Add(await bot.Join(new HubJoinRequest(workshop.JoinCode, "Bot", WorkshopId: workshop.WorkshopId)));
                }

                return mine;
            }));
            await using var newcomer = await HubClient.Connect(app.BaseUrl, from: LoopbackClient.NewAddress());
            var joined = await newcomer.Join(new HubJoinRequest(workshop.JoinCode, "Nouvelle venue"));

            var all = answers.SelectMany(a => a).ToList();
            Assert.Equal(Limits.JoinsPerAddressPerMinute, all.Count(a => a.Error is null));
            Assert.All(all.Where(a => a.Error is not null), a => Assert.Equal((WorkshopError.TooManyJoins, Limits.JoinsPerAddressPerMinute), (a.Error!.Code, a.Error.Limit)));
            Assert.Null(joined.Error);
            Assert.Equal(Limits.JoinsPerAddressPerMinute + 1, joined.Snapshot!.View.Header.Counts.InRoom);
        }
        finally
        {
            await Task.WhenAll(bots.Select(bot => bot.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_note_flood_is_refused_with_its_code_and_the_facilitator_sees_and_removes_the_flooder_with_their_notes()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl);
        await using var flooder = await HubClient.Connect(app.BaseUrl, from: LoopbackClient.NewAddress());
        await using var amina = await HubClient.Connect(app.BaseUrl, from: LoopbackClient.NewAddress());
        var flooding = await flooder.Join(new HubJoinRequest(workshop.JoinCode, "Bot"));
        Assert.Null((await amina.Join(new HubJoinRequest(workshop.JoinCode, "Amina"))).Error);
        Assert.Null((await amina.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Une maison des associations"))).Error);

        var flood = await Task.WhenAll(Enumerable.Range(0, 2 * Limits.NotesPerParticipantPerMinute)
            .Select(i => flooder.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", $"pub {i}"))));

        Assert.Equal(Limits.NotesPerParticipantPerMinute, flood.Count(answer => answer.Error is null));
        var refused = flood.First(answer => answer.Error is not null).Error!;
        Assert.Equal((WorkshopError.TooManyNotesPerMinute, Limits.NotesPerParticipantPerMinute), (refused.Code, refused.Limit));
        Assert.Equal("Trop d'idées en une minute (au plus 20). Patientez un instant avant d'envoyer la suivante.", refused.Message);

        var console = await RemoveFromConsole(workshop, flooding.ParticipantId!, Limits.NotesPerParticipantPerMinute);
        Assert.Equal(0, console);
        var wall = await Eventually.Until(
            () => amina.Resync(),
            snapshot => snapshot?.View.Notes.Length == 1,
            "the flooder's notes gone from the wall");
        Assert.Equal("Une maison des associations", Assert.Single(wall!.View.Notes).Text);
        Assert.Equal(WorkshopError.AccessDenied, (await flooder.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "encore"))).Error?.Code);
    }

    /// <summary>
    /// Opens the console in a browser, reads the participant's note count on the roster, removes them (two taps) and
    /// returns how many rows the roster still shows for them.
    /// </summary>
    private async Task<int> RemoveFromConsole(CreateWorkshopResponse workshop, string participantId, int expectedNotes)
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var chromium = await AppFixture.LaunchChromium(playwright);
        await using var context = await chromium.NewContextAsync(Devices.Laptop(app.BaseUrl));
        var console = await Tests.Browser.Console.Open(context, workshop.FacilitatorUrl);
        var row = console.Page.Locator($".roster li[data-participant-id={participantId}]");
        await Expect(row.Locator("[data-note-count]")).ToHaveAttributeAsync("data-note-count", expectedNotes.ToString(CultureInfo.InvariantCulture));
        await row.Locator("[data-action=remove]").ClickAsync();
        await row.Locator("[data-action=confirm-remove]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        return await row.CountAsync();
    }

    /// <summary>A browser's HTTP client from <paramref name="address"/>: its cookies (and so its browser id) are its own.</summary>
    private HttpClient Browser(IPAddress address) => new(LoopbackClient.HandlerFrom(address)) { BaseAddress = new Uri(app.BaseUrl) };

    private static async Task<string> JoinPage(HttpClient client, string code)
    {
        using var response = await client.GetAsync($"/j/{code}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
