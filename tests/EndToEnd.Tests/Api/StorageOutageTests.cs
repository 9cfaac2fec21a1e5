using System.Net;
using Xunit.Abstractions;
using CollectifLive.Testing;
using CollectifLive.Web.Hosting;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>
/// Storage stopped for real (Azurite killed) and started again on the same files: a note sent meanwhile is refused
/// quickly with a retryable code, and the same operation sent again once storage is back lands exactly once.
/// </summary>
public class StorageOutageTests(ITestOutputHelper output)
{
    /// <summary>Far above the few seconds the refusal takes, far below the 30 s a call used to hang for.</summary>
    private static readonly TimeSpan RefusalBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Readiness_says_unavailable_while_storage_is_down_and_ready_once_it_is_back_while_liveness_stays_up()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-health-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteProcess.Start(folder);
        var ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var settings = AppSettings.CoHosted(azurite.ConnectionString);
        var app = await AppInstance.Start(settings);
        using var http = new HttpClient { BaseAddress = new Uri(settings.BaseUrl) };
        try
        {
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await Probe(http, HealthEndpoints.Live));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await Probe(http, HealthEndpoints.Ready));

            await azurite.DisposeAsync();
            await Eventually.Until(() => Probe(http, HealthEndpoints.Ready), probe => probe == (HttpStatusCode.ServiceUnavailable, "Unhealthy"),
                "readiness to say storage is down", TimeSpan.FromSeconds(60));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await Probe(http, HealthEndpoints.Live));

            azurite = await AzuriteProcess.Start(folder, ports);
            await Eventually.Until(() => Probe(http, HealthEndpoints.Ready), probe => probe == (HttpStatusCode.OK, "Healthy"),
                "readiness back once storage is", TimeSpan.FromSeconds(60));
        }
        finally
        {
            await app.DisposeAsync();
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> Probe(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_note_sent_while_storage_is_down_is_refused_as_unavailable_and_lands_once_when_retried_after()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-outage-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteProcess.Start(folder);
        var ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var settings = AppSettings.CoHosted(azurite.ConnectionString);
        var app = await AppInstance.Start(settings);
        try
        {
            var workshop = await WorkshopApiClient.CreateFromTemplate(settings.BaseUrl);
            await using var hub = await HubClient.Connect(settings.BaseUrl);
            Assert.Null((await hub.Join(new HubJoinRequest(workshop.JoinCode, "Amina"))).Error);
            Assert.Null((await hub.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Avant la panne"))).Error);

            await azurite.DisposeAsync();
            var operation = Guid.NewGuid();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var during = await hub.AddNote(new HubAddNoteRequest(operation, "c1", "Pendant la panne")).WaitAsync(RefusalBound);
            Assert.Equal(WorkshopError.StorageUnavailable, during.Error?.Code);
            output.WriteLine($"Refused as StorageUnavailable after {clock.Elapsed.TotalSeconds:0.0} s with storage down.");

            azurite = await AzuriteProcess.Start(folder, ports);
            clock.Restart();
            var after = await Eventually.Until(
                () => hub.AddNote(new HubAddNoteRequest(operation, "c1", "Pendant la panne")),
                answer => answer.Error is null,
                "the same note accepted once storage is back",
                TimeSpan.FromSeconds(60));
            Assert.Null(after.Error);
            output.WriteLine($"Accepted {clock.Elapsed.TotalSeconds:0.0} s after storage came back.");

            // The grain restarted without this server's feed: the answer's version tells the feed it missed a push,
            // and it resyncs well before its 20 s renewal would have.
            var wall = await Eventually.Until(
                async () => (await hub.Resync())!.View.Notes,
                notes => notes.Any(n => n.Text == "Pendant la panne"),
                "the note on the wall",
                TimeSpan.FromSeconds(10));
            Assert.Single(wall, n => n.Text == "Pendant la panne");
            Assert.Single(wall, n => n.Text == "Avant la panne");
        }
        finally
        {
            await app.DisposeAsync();
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
