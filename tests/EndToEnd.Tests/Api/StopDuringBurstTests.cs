using Xunit.Abstractions;
using System.Collections.Concurrent;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>
/// The app stopped in the middle of a burst of notes from eight phones, on the storage ./run.sh uses (one SQLite file,
/// synced before each acknowledgement): killed with SIGKILL, or stopped as Ctrl-C or a service manager stops it
/// (SIGTERM). After a restart on the same file, every note a phone was told was recorded is on the wall before anyone
/// sends anything again, and every operation sent again with its id (the acknowledged ones and the ones the stop cut
/// off) is there once.
/// </summary>
public class StopDuringBurstTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int AcknowledgedBeforeTheStop = 150;

    [Fact]
    public async Task Kill_9_of_the_app_during_a_burst_loses_no_acknowledged_note_and_applies_no_operation_twice()
    {
        await StopDuringABurst(async (app, _) => await app.KillHard());
    }

    [Fact]
    public async Task Sigterm_during_a_burst_tells_every_phone_the_server_restarts_exits_by_itself_and_loses_no_acknowledged_note()
    {
        await StopDuringABurst(async (app, hubs) =>
        {
            await app.Stop();
            Assert.Equal(0, app.ExitCode);

            // Told before the connection closed: each client reads it from what it had received.
            try
            {
                await Task.WhenAll(hubs.Select(hub => hub.Restarting.Task)).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Told of the restart, by phone: {string.Join(", ", hubs.Select(hub => hub.Restarting.Task.IsCompleted))}\n{app.Output}");
            }
        });
    }

    private async Task StopDuringABurst(Func<ServerProcess, IReadOnlyList<HubClient>, Task> stop)
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-stop-" + Guid.NewGuid().ToString("N"));
        // Limits raised: eight writers as fast as they can go are a flood by the product's measure.
        var settings = AppSettings.OnSqlite(Path.Combine(folder, "collectiflive.db")).Shared();
        var app = await AppInstance.Start(settings);
        try
        {
            var workshop = await WorkshopApiClient.CreateFromTemplate(settings.BaseUrl);
            var acknowledged = new ConcurrentDictionary<Guid, (int Writer, string Text)>();
            var sent = new ConcurrentDictionary<Guid, (int Writer, string Text)>();
            var tokens = new string[Writers];
            var hubs = new List<HubClient>();
            for (var writer = 0; writer < Writers; writer++)
            {
                var hub = await HubClient.Connect(settings.BaseUrl);
                hubs.Add(hub);
                var joined = await hub.Join(new HubJoinRequest(workshop.JoinCode, $"Écrivain {writer}"));
                Assert.Null(joined.Error);
                tokens[writer] = joined.ParticipantToken!;
            }

            var burst = hubs.Select((hub, writer) => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var operation = Guid.NewGuid();
                    var text = $"Idée {writer}-{n} : un banc à l'ombre près de l'arrêt de bus";
                    sent[operation] = (writer, text);
                    try
                    {
                        var answer = await hub.AddNote(new HubAddNoteRequest(operation, "c1", text));
                        Assert.Null(answer.Error);
                        acknowledged[operation] = (writer, text);
                    }
                    catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                    {
                        return; // the connection closed with the app
                    }
                }
            })).ToList();

            await Eventually.Until(() => acknowledged.Count >= AcknowledgedBeforeTheStop, "notes acknowledged before the stop", TimeSpan.FromSeconds(60));
            await stop(app, hubs);
            await Task.WhenAll(burst);
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }

            var lastAcknowledged = acknowledged.ToDictionary();
            app = await AppInstance.Start(settings with { SiloPort = FreePort.Next(), GatewayPort = FreePort.Next() });

            // Before anything is sent again: what was acknowledged is stored.
            var wallAfterRestart = await Wall(settings, workshop.JoinCode, tokens[0]);
            Assert.DoesNotContain(lastAcknowledged.Values, note => !wallAfterRestart.ContainsKey(note.Text));

            // Every writer comes back as itself and sends again everything it sent: what was cut off lands now, what
            // had landed is recognised by its operation id.
            for (var writer = 0; writer < Writers; writer++)
            {
                await using var hub = await HubClient.Connect(settings.BaseUrl);
                Assert.Null((await hub.Join(new HubJoinRequest(workshop.JoinCode, ParticipantToken: tokens[writer]))).Error);
                foreach (var (operation, note) in sent.Where(s => s.Value.Writer == writer))
                {
                    Assert.Null((await hub.AddNote(new HubAddNoteRequest(operation, "c1", note.Text))).Error);
                }
            }

            var wall = await Wall(settings, workshop.JoinCode, tokens[0]);
            Assert.True(lastAcknowledged.Count >= AcknowledgedBeforeTheStop, $"{lastAcknowledged.Count} acknowledged");
            output.WriteLine($"{lastAcknowledged.Count} acknowledged before the stop, {wallAfterRestart.Count} on the wall after the restart, {sent.Count} sent, {wall.Count} distinct notes once all was sent again.");
            Assert.DoesNotContain(wall, note => note.Value != 1);
            Assert.Equal(sent.Count, wall.Count);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How many times each text is on the wall, read by a participant who comes back.</summary>
    private static async Task<Dictionary<string, int>> Wall(AppSettings settings, string joinCode, string token)
    {
        await using var reader = await HubClient.Connect(settings.BaseUrl);
        Assert.Null((await reader.Join(new HubJoinRequest(joinCode, ParticipantToken: token))).Error);
        return (await reader.Resync())!.View.Notes.GroupBy(n => n.Text).ToDictionary(g => g.Key, g => g.Count());
    }
}
