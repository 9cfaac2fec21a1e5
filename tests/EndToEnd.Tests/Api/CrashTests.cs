using Xunit.Abstractions;
using System.Collections.Concurrent;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>
/// The app killed with SIGKILL in the middle of a burst of notes, on the storage ./run.sh uses (one SQLite file, synced
/// before each acknowledgement): after a restart on the same file, every note a phone was told was recorded is on the
/// wall, and every operation sent again with its id (the acknowledged ones and the ones the kill cut off) is there once.
/// </summary>
public class CrashTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int AcknowledgedBeforeTheKill = 150;

    [Fact]
    public async Task Kill_9_of_the_app_during_a_burst_loses_no_acknowledged_note_and_applies_no_operation_twice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-crash-" + Guid.NewGuid().ToString("N"));
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
                        return; // the connection died with the app
                    }
                }
            })).ToList();

            await Eventually.Until(() => acknowledged.Count >= AcknowledgedBeforeTheKill, "notes acknowledged before the kill", TimeSpan.FromSeconds(60));
            await app.KillHard();
            await Task.WhenAll(burst);
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }

            var lastAcknowledged = acknowledged.ToDictionary();
            app = await AppInstance.Start(settings with { SiloPort = FreePort.Next(), GatewayPort = FreePort.Next() });

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

            await using var reader = await HubClient.Connect(settings.BaseUrl);
            Assert.Null((await reader.Join(new HubJoinRequest(workshop.JoinCode, ParticipantToken: tokens[0]))).Error);
            var wall = (await reader.Resync())!.View.Notes.GroupBy(n => n.Text).ToDictionary(g => g.Key, g => g.Count());

            Assert.True(lastAcknowledged.Count >= AcknowledgedBeforeTheKill, $"{lastAcknowledged.Count} acknowledged");
            output.WriteLine($"{lastAcknowledged.Count} acknowledged before the kill, {sent.Count} sent, {wall.Count} distinct notes on the wall after the restart.");
            Assert.DoesNotContain(lastAcknowledged.Values, note => !wall.ContainsKey(note.Text));
            Assert.DoesNotContain(wall, note => note.Value != 1);
            Assert.Equal(sent.Count, wall.Count);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
