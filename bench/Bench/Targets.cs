using System.Text;
using CollectifLive.Testing;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollectifLive.Bench;

/// <summary>A server the benchmark measures: the real app, or the bare SignalR hub beside it.</summary>
internal interface ITarget
{
    string Name { get; }

    /// <summary>The server process, for its memory and CPU.</summary>
    int ProcessId { get; }

    /// <summary>The hub's WebSocket address, for raw listeners.</summary>
    Uri Hub { get; }

    /// <summary>A fresh room (a workshop, or a group) with <paramref name="senders"/> connections joined to post notes.</summary>
    Task<IRoom> OpenRoom(int senders);
}

/// <summary>One room of a target: what listeners join, and the senders that post notes to it.</summary>
internal interface IRoom : IAsyncDisposable
{
    /// <summary>"real" (a join code) or "bare" (a group name): how a listener's join is written.</summary>
    string JoinKind { get; }

    string JoinValue { get; }

    /// <summary>Posts a note without waiting for its answer (the senders take turns).</summary>
    void Send(int rank, string text);

    /// <summary>Waits for the answers of every note sent so far: how many were refused or failed.</summary>
    Task<int> Settle();
}

/// <summary>The real app (co-hosted silo), started from its build output.</summary>
internal sealed class RealTarget(ServerProcess app, AppSettings settings) : ITarget
{
    public string Name => "CollectifLive";

    public int ProcessId => app.Id;

    public Uri Hub => new(BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/hubs/workshop");

    public string BaseUrl => settings.BaseUrl;

    public async Task<IRoom> OpenRoom(int senders) => await OpenWorkshop(senders);

    /// <summary>A new workshop, in the contribution step, with <paramref name="senders"/> participants on the hub to post notes.</summary>
    public async Task<WorkshopRoom> OpenWorkshop(int senders)
    {
        using var facilitator = await Facilitator.CreateWorkshop(BaseUrl);
        var code = facilitator.Workshop.JoinCode;
        var joined = await Task.WhenAll(Enumerable.Range(1, senders).Select(i => HubParticipant.Join(BaseUrl, code, $"Autrice {i}")));
        return new WorkshopRoom(facilitator.Workshop, joined);
    }

    internal sealed class WorkshopRoom(CreateWorkshopResponse workshop, HubParticipant[] senders) : IRoom
    {
        private readonly List<Task<HubCommandResponse>> _pending = [];

        public string JoinKind => "real";

        public string JoinValue => workshop.JoinCode;

        /// <summary>The links of the workshop's screens (the projector's holds its key).</summary>
        public CreateWorkshopResponse Workshop => workshop;

        public void Send(int rank, string text) =>
            _pending.Add(senders[rank % senders.Length].Connection.InvokeAsync<HubCommandResponse>("AddNote", new HubAddNoteRequest(Guid.NewGuid(), "c1", text)));

        public async Task<int> Settle()
        {
            var answers = await Task.WhenAll(_pending.Select(async answer =>
            {
                try
                {
                    return (await answer).Error is null;
                }
                catch (HubException)
                {
                    return false;
                }
            }));
            _pending.Clear();
            return answers.Count(accepted => !accepted);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var sender in senders)
            {
                await sender.Connection.DisposeAsync();
            }
        }
    }
}

/// <summary>The bare SignalR hub, in its own process.</summary>
internal sealed class BareTarget(ChildProcess process, string baseUrl) : ITarget, IAsyncDisposable
{
    public string Name => "bare SignalR";

    public int ProcessId => process.Id;

    public Uri Hub => new(baseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + BareServer.HubPath);

    /// <summary>The size of the real app's note push, measured on its listeners: the bare hub pads its push to it.</summary>
    public int NotePushBytes { get; set; }

    public static async Task<BareTarget> Start()
    {
        // Server garbage collection, as the real app has (ASP.NET Core's default, which a console program does not take).
        var process = ChildProcess.Start("bare", "bare hub", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
        try
        {
            var ready = await process.ReadLine(TimeSpan.FromSeconds(60));
            return new BareTarget(process, ready.Split(' ')[1]);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async Task<IRoom> OpenRoom(int senders)
    {
        var name = "room-" + Guid.NewGuid().ToString("N");
        var connections = await Task.WhenAll(Enumerable.Range(1, senders).Select(async _ =>
        {
            var connection = new HubConnectionBuilder().WithUrl(baseUrl + BareServer.HubPath).Build();
            await connection.StartAsync();
            await connection.InvokeAsync<string>("Join", name);
            return connection;
        }));
        return new Room(this, name, connections);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    /// <summary>The bytes of the bare hub's note push (SignalR's JSON record and its separator) with no padding.</summary>
    private static int UnpaddedPushBytes(string text) =>
        Encoding.UTF8.GetByteCount($$"""{"type":1,"target":"Change","arguments":["{{text}}",""]}""") + 1;

    private sealed class Room(BareTarget target, string name, HubConnection[] senders) : IRoom
    {
        private readonly List<Task<int>> _pending = [];

        public string JoinKind => "bare";

        public string JoinValue => name;

        public void Send(int rank, string text)
        {
            var padding = target.NotePushBytes == 0
                ? throw new InvalidOperationException("the real app's note push must be measured before the bare hub's")
                : Math.Max(0, target.NotePushBytes - UnpaddedPushBytes(text));
            _pending.Add(senders[rank % senders.Length].InvokeAsync<int>("AddNote", name, text, padding));
        }

        public async Task<int> Settle()
        {
            var failed = 0;
            foreach (var answer in _pending)
            {
                try
                {
                    await answer;
                }
                catch (HubException)
                {
                    failed++;
                }
            }

            _pending.Clear();
            return failed;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }
    }
}
