using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>
/// The many-machines layout, faults produced for real: Azurite, two silos clustered through its Table storage and two
/// web servers in Orleans client mode, participants spread over both web servers. A process is killed with SIGKILL
/// during a burst of notes; phones do what the app's phones do (retry a refused or cut-off note with its operation id,
/// reconnect to the other web server with their participant token), then send everything again. Nothing acknowledged
/// may be lost, nothing applied twice, and every screen must come to show the whole wall.
/// </summary>
[Trait("Category", "Slow")]
public class ClusterTests(ITestOutputHelper output)
{
    private const int WritersPerWebServer = 4;
    private const int AcknowledgedBeforeTheKill = 100;
    private const int AcknowledgedAfterTheKill = 5;

    /// <summary>Far above the few seconds the cluster needs (ClusterTiming); a deadline, not a measure.</summary>
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(120);

    /// <summary>Orleans' default response timeout, which calls cut off by a dead silo used to wait out (30.8 s measured).</summary>
    private static readonly TimeSpan OldHang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Kill_9_of_the_silo_holding_the_workshop_loses_no_acknowledged_note_applies_none_twice_and_every_screen_converges()
    {
        await using var cluster = await TwoByTwo.Start();
        var room = await Room.Open(cluster);
        var holder = await cluster.SiloHolding(room.WorkshopId);
        output.WriteLine($"The workshop lives on silo {Array.IndexOf(cluster.Silos, holder)}.");

        var outage = await room.Burst(until: () => room.Acknowledged >= AcknowledgedBeforeTheKill, fault: holder.KillHard, failover: null);

        await room.ResendEverything();
        var wall = await room.Wall();
        var converged = await room.ScreensConverge(wall);
        Report("silo killed", outage, wall, converged);
        AssertExactlyOnce(room, wall);
        Assert.True(outage.LongestCall < OldHang, $"a call waited {outage.LongestCall.TotalSeconds:0.0} s for the dead silo");
    }

    [Fact]
    public async Task Kill_9_of_a_web_server_moves_its_phones_to_the_other_and_loses_nothing()
    {
        await using var cluster = await TwoByTwo.Start();
        var room = await Room.Open(cluster);
        var victim = cluster.Web[1];

        var outage = await room.Burst(until: () => room.Acknowledged >= AcknowledgedBeforeTheKill, fault: victim.KillHard, failover: cluster.WebSettings[0]);

        await room.ResendEverything();
        var wall = await room.Wall();
        var converged = await room.ScreensConverge(wall);
        Report("web server killed", outage, wall, converged);
        AssertExactlyOnce(room, wall);
        Assert.All(room.Phones.Where(p => p.HomeServer == 1), phone => Assert.Equal(cluster.WebSettings[0].BaseUrl, phone.BaseUrl));
    }

    private static void AssertExactlyOnce(Room room, IReadOnlyDictionary<string, int> wall)
    {
        Assert.DoesNotContain(room.AcknowledgedTexts, text => !wall.ContainsKey(text));
        Assert.DoesNotContain(wall, note => note.Value != 1);
        Assert.Equal(room.SentCount, wall.Count);
    }

    private void Report(string fault, Outage outage, IReadOnlyDictionary<string, int> wall, TimeSpan converged)
    {
        var acknowledged = outage.AcknowledgedAtTheKill;
        var lost = acknowledged.Count(text => !wall.ContainsKey(text));
        var duplicated = wall.Count(note => note.Value > 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fault}: {acknowledged.Count} acknowledged before the kill, {lost} lost, {duplicated} duplicated; " +
            $"every phone acknowledged again {outage.Recovery.TotalSeconds:0.0} s after the kill (first phone {outage.FirstRecovery.TotalSeconds:0.0} s); " +
            $"every silent screen showed a note sent after the kill {outage.ScreensMoving.TotalSeconds:0.0} s after it; " +
            $"longest call {outage.LongestCall.TotalSeconds:0.0} s, {outage.Refusals} retryable refusals, {outage.CutOff} calls cut off; " +
            $"{wall.Count} notes on the wall, every screen showed them {converged.TotalSeconds:0.0} s after the last resend."));
    }

    /// <summary>What the phones lived through from the kill on.</summary>
    private sealed record Outage(IReadOnlyList<string> AcknowledgedAtTheKill, TimeSpan Recovery, TimeSpan FirstRecovery, TimeSpan ScreensMoving, TimeSpan LongestCall, int Refusals, int CutOff);

    /// <summary>Azurite, two silos and two web servers in client mode, each a real process on loopback.</summary>
    private sealed class TwoByTwo : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _owned = [];

        private TwoByTwo(AzuriteProcess azurite, string clusterId)
        {
            Azurite = azurite;
            ClusterId = clusterId;
            _owned.Add(azurite);
        }

        public AzuriteProcess Azurite { get; }

        public string ClusterId { get; }

        public ServerProcess[] Silos { get; private set; } = [];

        public AppSettings[] SiloSettings { get; private set; } = [];

        public ServerProcess[] Web { get; private set; } = [];

        public AppSettings[] WebSettings { get; private set; } = [];

        public static async Task<TwoByTwo> Start()
        {
            var cluster = new TwoByTwo(await AzuriteProcess.Start(), "cluster-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                cluster.SiloSettings = [cluster.Settings(), cluster.Settings()];
                cluster.Silos = await Task.WhenAll(cluster.SiloSettings.Select(AppInstance.StartSilo));
                cluster._owned.InsertRange(0, cluster.Silos);
                cluster.WebSettings = [cluster.Settings(), cluster.Settings()];
                cluster.Web = await Task.WhenAll(cluster.WebSettings.Select(AppInstance.Start));
                cluster._owned.InsertRange(0, cluster.Web);
                return cluster;
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }
        }

        private AppSettings Settings() => (AppSettings.CoHosted(Azurite.ConnectionString) with { ClientMode = true, ClusterId = ClusterId }).Shared();

        /// <summary>
        /// Which silo holds the workshop, asked of Orleans' own management grain by a client of the test's own (the
        /// product has no such endpoint, and needs none).
        /// </summary>
        public async Task<ServerProcess> SiloHolding(string workshopId)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client =>
            {
                client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(Azurite.ConnectionString));
                client.Configure<ClusterOptions>(options => options.ClusterId = options.ServiceId = ClusterId);
            });
            using var host = builder.Build();
            await host.StartAsync();
            try
            {
                var grains = host.Services.GetRequiredService<IClusterClient>();
                var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IWorkshopGrain>(workshopId))
                    ?? throw new InvalidOperationException($"Workshop {workshopId} is not active on any silo.");
                var index = Array.FindIndex(SiloSettings, settings => settings.SiloPort == address.Endpoint.Port);
                return index >= 0 ? Silos[index] : throw new InvalidOperationException($"No silo of the test listens at {address}.");
            }
            finally
            {
                await host.StopAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _owned)
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>A participant's connection, which follows its participant token to another web server when its own dies.</summary>
    private sealed class Phone(int homeServer, AppSettings server, HubClient hub, HubJoinResponse joined)
    {
        private readonly ConcurrentBag<HubSnapshot> _snapshots = [joined.Snapshot!];
        private int _resyncsHandled;

        public int HomeServer { get; } = homeServer;

        public string BaseUrl { get; private set; } = server.BaseUrl;

        public HubClient Hub { get; private set; } = hub;

        public string Token { get; } = joined.ParticipantToken!;

        public static async Task<Phone> Join(int server, AppSettings settings, string code, string name)
        {
            var hub = await HubClient.Connect(settings.BaseUrl);
            var joined = await hub.Join(new HubJoinRequest(code, name));
            Assert.Null(joined.Error);
            return new Phone(server, settings, hub, joined);
        }

        /// <summary>Comes back as the same participant, through <paramref name="server"/>.</summary>
        public async Task Reconnect(AppSettings server, string code)
        {
            await Hub.DisposeAsync();
            Hub = await HubClient.Connect(server.BaseUrl);
            var joined = await Hub.Join(new HubJoinRequest(code, ParticipantToken: Token));
            Assert.Null(joined.Error);
            _snapshots.Add(joined.Snapshot!);
            BaseUrl = server.BaseUrl;
        }

        /// <summary>The notes this phone's screen shows: its snapshots and the pushes since, as the app's own client builds them.</summary>
        public async Task<HashSet<string>> Screen()
        {
            var asked = Hub.ResyncRequests;
            if (asked > _resyncsHandled)
            {
                _resyncsHandled = asked;
                _snapshots.Add((await Hub.Resync())!);
            }

            return [.. _snapshots.SelectMany(s => s.View.Notes.Select(n => n.Text)), .. Hub.Changes.SelectMany(c => (c.Delta.Notes?.Upserts ?? []).Select(n => n.Text))];
        }
    }

    /// <summary>One workshop, writers and a silent screen on each web server, and what was sent and acknowledged.</summary>
    private sealed class Room
    {
        private readonly ConcurrentDictionary<Guid, (Phone Phone, string Text)> _sent = new();
        private readonly ConcurrentDictionary<Guid, string> _acknowledged = new();

        private Room(string workshopId, string code, IReadOnlyList<Phone> writers, IReadOnlyList<Phone> screens)
        {
            WorkshopId = workshopId;
            Code = code;
            Writers = writers;
            Screens = screens;
        }

        public string WorkshopId { get; }

        public string Code { get; }

        public IReadOnlyList<Phone> Writers { get; }

        /// <summary>Participants who only watch: their screens move only by what the servers push.</summary>
        public IReadOnlyList<Phone> Screens { get; }

        public IEnumerable<Phone> Phones => Writers.Concat(Screens);

        public int Acknowledged => _acknowledged.Count;

        public IEnumerable<string> AcknowledgedTexts => _acknowledged.Values;

        public int SentCount => _sent.Count;

        public static async Task<Room> Open(TwoByTwo cluster)
        {
            var workshop = await WorkshopApiClient.CreateFromTemplate(cluster.WebSettings[0].BaseUrl);
            var writers = new List<Phone>();
            var screens = new List<Phone>();
            for (var server = 0; server < cluster.WebSettings.Length; server++)
            {
                for (var n = 0; n < WritersPerWebServer; n++)
                {
                    writers.Add(await Phone.Join(server, cluster.WebSettings[server], workshop.JoinCode, $"Écrivain {server}-{n}"));
                }

                screens.Add(await Phone.Join(server, cluster.WebSettings[server], workshop.JoinCode, $"Écran {server}"));
            }

            return new Room(workshop.WorkshopId, workshop.JoinCode, writers, screens);
        }

        /// <summary>
        /// Every writer sends notes one after the other, retrying a refused or cut-off note with its operation id, as the
        /// app's phones do; <paramref name="fault"/> strikes once <paramref name="until"/> holds, and the burst goes on
        /// until every writer had <see cref="AcknowledgedAfterTheKill"/> notes acknowledged after it. A writer whose web
        /// server dies reconnects to <paramref name="failover"/>.
        /// </summary>
        public async Task<Outage> Burst(Func<bool> until, Func<Task> fault, AppSettings? failover)
        {
            var clock = Stopwatch.StartNew();
            var killedAt = long.MaxValue; // ticks of the clock
            var recovered = new ConcurrentDictionary<Phone, TimeSpan>();
            var sentAfterKill = new ConcurrentDictionary<string, byte>();
            var afterKill = new ConcurrentDictionary<Phone, int>();
            var calls = new ConcurrentBag<TimeSpan>();
            var refusals = 0;
            var cutOff = 0;
            using var stop = new CancellationTokenSource();

            var writers = Writers.Select((phone, index) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var operation = Guid.NewGuid();
                    var text = $"Idée {index}-{n} : des bancs à l'ombre près de l'arrêt de bus";
                    _sent[operation] = (phone, text);
                    while (!stop.IsCancellationRequested)
                    {
                        var started = clock.Elapsed;
                        try
                        {
                            var answer = await phone.Hub.AddNote(new HubAddNoteRequest(operation, "c1", text));
                            calls.Add(clock.Elapsed - started);
                            if (answer.Error is null)
                            {
                                _acknowledged[operation] = text;
                                if (started.Ticks > Interlocked.Read(ref killedAt))
                                {
                                    recovered.TryAdd(phone, clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref killedAt)));
                                    sentAfterKill.TryAdd(text, 0);
                                    afterKill.AddOrUpdate(phone, 1, (_, count) => count + 1);
                                }

                                break;
                            }

                            Assert.Contains(answer.Error.Code, new[] { WorkshopError.StorageUnavailable, WorkshopError.Busy });
                            Interlocked.Increment(ref refusals);
                        }
                        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException && failover is not null && Interlocked.Read(ref killedAt) != long.MaxValue)
                        {
                            // The web server died under the call: this phone comes back through the other one.
                            Interlocked.Increment(ref cutOff);
                            await phone.Reconnect(failover, Code);
                        }

                        await Task.Delay(200);
                    }
                }
            })).ToList();

            await Eventually.Until(() => until() || writers.Any(w => w.IsFaulted), "notes acknowledged before the kill", TimeSpan.FromSeconds(60));
            var atTheKill = _acknowledged.Values.ToList();
            Interlocked.Exchange(ref killedAt, clock.Elapsed.Ticks);
            await fault();
            foreach (var screen in Screens.Where(s => failover is not null && s.BaseUrl != failover.BaseUrl))
            {
                await screen.Reconnect(failover!, Code);
            }

            // How long the screens that only watch stayed frozen: until each shows a note the cluster took after the kill.
            var screensMoving = TimeSpan.Zero;
            foreach (var screen in Screens)
            {
                await Eventually.Until(async () => (await screen.Screen()).Overlaps(sentAfterKill.Keys), moving => moving, $"the screen on {screen.BaseUrl} to move again", RecoveryDeadline);
                screensMoving = clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref killedAt));
            }

            try
            {
                await Eventually.Until(
                    () => writers.Any(w => w.IsFaulted) || Writers.All(w => afterKill.GetValueOrDefault(w) >= AcknowledgedAfterTheKill),
                    "every writer to have notes acknowledged again",
                    RecoveryDeadline);
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            return new Outage(atTheKill, recovered.Values.Max(), recovered.Values.Min(), screensMoving, calls.Max(), refusals, cutOff);
        }

        /// <summary>Every writer sends again everything it sent, with the same operation ids: all of it is answered as accepted.</summary>
        public async Task ResendEverything() => await Task.WhenAll(Writers.Select(async phone =>
        {
            foreach (var (operation, (_, text)) in _sent.Where(s => s.Value.Phone == phone))
            {
                var answer = await phone.Hub.AddNote(new HubAddNoteRequest(operation, "c1", text));
                Assert.Null(answer.Error);
            }
        }));

        /// <summary>The wall as storage holds it: note text to how many times it is there.</summary>
        public async Task<IReadOnlyDictionary<string, int>> Wall()
        {
            var snapshot = await Writers[0].Hub.Resync();
            return snapshot!.View.Notes.GroupBy(n => n.Text).ToDictionary(g => g.Key, g => g.Count());
        }

        /// <summary>Waits until every phone's screen shows the whole wall; how long that took.</summary>
        public async Task<TimeSpan> ScreensConverge(IReadOnlyDictionary<string, int> wall)
        {
            var clock = Stopwatch.StartNew();
            foreach (var phone in Phones)
            {
                await Eventually.Until(async () => (await phone.Screen()).SetEquals(wall.Keys), same => same, $"the screen of a phone on {phone.BaseUrl} to show the whole wall", RecoveryDeadline);
            }

            return clock.Elapsed;
        }
    }
}
