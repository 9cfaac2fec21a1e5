using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using CollectifLive.Testing;
using Microsoft.AspNetCore.Http.Connections;
using System.Text.Json.Serialization;
using CollectifLive.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>A script's connection to /hubs/workshop, recording what it is pushed.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private int _resyncRequests;

    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public ConcurrentQueue<HubChange> Changes { get; } = new();

    public ConcurrentQueue<HubOwnChange> OwnChanges { get; } = new();

    /// <summary>How many times the server said it lost track and asked for a Resync.</summary>
    public int ResyncRequests => _resyncRequests;

    /// <summary>Set when the server said the workshop was deleted.</summary>
    public TaskCompletionSource Deleted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the server said it is stopping.</summary>
    public TaskCompletionSource Restarting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A connection; from <paramref name="from"/> (a loopback address of its own) when given, as another machine's would be.</summary>
    public static async Task<HubClient> Connect(string baseUrl, string language = "fr", IPAddress? from = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/workshop", options =>
            {
                options.Headers["Accept-Language"] = language;
                if (from is not null)
                {
                    options.SkipNegotiation = true;
                    options.Transports = HttpTransportType.WebSockets;
                    options.WebSocketFactory = async (context, cancellation) =>
                    {
                        var socket = new ClientWebSocket();
                        socket.Options.SetRequestHeader("Accept-Language", language);
                        await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(LoopbackClient.HandlerFrom(from)), cancellation);
                        return socket;
                    };
                }
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new HubClient(connection);
        connection.On<HubChange>(HubMessages.Change, client.Changes.Enqueue);
        connection.On<HubOwnChange>(HubMessages.Own, client.OwnChanges.Enqueue);
        connection.On(HubMessages.Deleted, () => client.Deleted.TrySetResult());
        connection.On(HubMessages.Restarting, () => client.Restarting.TrySetResult());
        connection.On(HubMessages.Resync, () => Interlocked.Increment(ref client._resyncRequests));
        await connection.StartAsync();
        return client;
    }

    public Task<HubJoinResponse> Join(HubJoinRequest request) => Connection.InvokeAsync<HubJoinResponse>("Join", request);

    public Task<HubCommandResponse> AddNote(HubAddNoteRequest request) => Connection.InvokeAsync<HubCommandResponse>("AddNote", request);

    public Task<HubCommandResponse> CastBallot(HubCastBallotRequest request) => Connection.InvokeAsync<HubCommandResponse>("CastBallot", request);

    public Task<HubSnapshot?> Resync() => Connection.InvokeAsync<HubSnapshot?>("Resync");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
