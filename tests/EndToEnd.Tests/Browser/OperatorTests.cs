using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// What the people who run the server see: Prometheus metrics and the Orleans Dashboard, turned on by the README's
/// settings, answering only the operator key; off (not found) by default.
/// </summary>
[Collection(AppCollection.Name)]
public class OperatorTests(AppFixture shared)
{
    private const string Key = "operator-key-for-the-tests-0123456789";

    [Fact]
    public async Task Metrics_and_the_dashboard_answer_only_the_operator_key_and_show_the_rooms_commands_writes_and_screens()
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{shared.BaseUrl}/operator/metrics")).StatusCode);

        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-operator-" + Guid.NewGuid().ToString("N"));
        var settings = AppSettings.OnSqlite(Path.Combine(folder, "collectiflive.db")) with { OperatorKey = Key };
        var app = await AppInstance.Start(settings);
        try
        {
            var metricsUrl = $"{settings.BaseUrl}/operator/metrics";
            var anonymous = await http.GetAsync(metricsUrl);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains(anonymous.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
            Assert.Equal(HttpStatusCode.Unauthorized, (await Get(http, metricsUrl, new("Bearer", Key + "x"))).StatusCode);

            // A room: a phone joins, posts a note, and is refused one too long.
            var workshop = await WorkshopApiClient.CreateFromTemplate(settings.BaseUrl);
            await using var phone = await HubClient.Connect(settings.BaseUrl);
            Assert.Null((await phone.Join(new HubJoinRequest(workshop.JoinCode, "Amina"))).Error);
            Assert.Null((await phone.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Des bancs à l'ombre"))).Error);
            Assert.NotNull((await phone.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", new string('a', 501)))).Error);

            var bearer = await Get(http, metricsUrl, new("Bearer", Key));
            Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
            var metrics = await bearer.Content.ReadAsStringAsync();
            Assert.Equal(1, Sum(metrics, "collectiflive_command_duration_seconds_count", "command=\"AddNote\"", "outcome=\"accepted\""));
            Assert.Equal(1, Sum(metrics, "collectiflive_command_duration_seconds_count", "command=\"AddNote\"", "outcome=\"TextTooLong\""));
            Assert.Equal(1, Sum(metrics, "collectiflive_command_duration_seconds_count", "command=\"JoinWorkshop\"", "outcome=\"accepted\""));
            Assert.Equal(1, Sum(metrics, "collectiflive_command_refusals_total", "code=\"TextTooLong\""));
            Assert.Equal(1, Sum(metrics, "collectiflive_screens", $"workshop=\"{workshop.WorkshopId}\""));
            Assert.True(Sum(metrics, "collectiflive_journal_append_size_bytes_count") >= 3, "creation, join and note were stored");
            Assert.True(Sum(metrics, "collectiflive_journal_append_size_bytes_sum") > 0);
            Assert.True(Sum(metrics, "collectiflive_feed_pushes_total") >= 1);
            Assert.True(Sum(metrics, "http_server_request_duration_seconds_count") >= 1);
            Assert.True(Sum(metrics, "orleans_catalog_activations") >= 1);
            Assert.DoesNotContain("Des bancs", metrics);

            var basic = await Get(http, metricsUrl, new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operateur:" + Key))));
            Assert.Equal(HttpStatusCode.OK, basic.StatusCode);

            // The dashboard in a browser, which asks for the key as a password.
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{settings.BaseUrl}/operator/dashboard/")).StatusCode);
            await using var context = await shared.Browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = 1366, Height = 768 },
                HttpCredentials = new() { Username = "operateur", Password = Key },
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{settings.BaseUrl}/operator/dashboard/");
            await page.GetByText("Grains", new() { Exact = true }).First.ClickAsync();
            await Expect(page.GetByText("WorkshopGrain").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Turning_metrics_on_with_a_short_key_refuses_to_start_and_says_why()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-operator-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = AppSettings.OnSqlite(Path.Combine(folder, "collectiflive.db")) with { OperatorKey = "court" };
            await using var app = ServerProcess.Start("Web", "CollectifLive.Web.dll", settings.Environment, "--urls", settings.BaseUrl);
            await Eventually.Until(() => app.HasExited, "the app to give up", TimeSpan.FromSeconds(60));
            Assert.NotEqual(0, app.ExitCode);
            Assert.Contains("Operator:Metrics and Operator:Dashboard need Operator:Key, at least 24 characters", app.Output);
            Assert.False(File.Exists(Path.Combine(folder, "collectiflive.db")), "nothing is stored before the settings are checked");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The sum of a metric's samples whose labels include <paramref name="labels"/> (Prometheus text format).</summary>
    private static double Sum(string metrics, string name, params string[] labels) => metrics.Split('\n')
        .Where(line => (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal)) && labels.All(line.Contains))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static Task<HttpResponseMessage> Get(HttpClient http, string url, AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        return http.SendAsync(request);
    }
}
