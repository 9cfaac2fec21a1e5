using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CollectifLive.Bench;

/// <summary>A participant on the real app's hub through the .NET SignalR client: the voters of the vote burst, and the senders of notes.</summary>
internal sealed class HubParticipant(HubConnection connection, HubSnapshot snapshot, ConcurrentQueue<HubChange> changes)
{
    public HubConnection Connection { get; } = connection;

    public HubSnapshot Snapshot { get; } = snapshot;

    /// <summary>Every change pushed to this participant since before it joined.</summary>
    public ConcurrentQueue<HubChange> Changes { get; } = changes;

    public static async Task<HubParticipant> Join(string baseUrl, string code, string name, Presence presence = Presence.Room)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/workshop")
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var changes = new ConcurrentQueue<HubChange>();
        connection.On<HubChange>(HubMessages.Change, changes.Enqueue);
        await connection.StartAsync();
        var joined = await connection.InvokeAsync<HubJoinResponse>("Join", new HubJoinRequest(code, name, presence));
        return joined.Snapshot is { } snapshot
            ? new HubParticipant(connection, snapshot, changes)
            : throw new InvalidOperationException($"join refused: {joined.Error?.Message}");
    }
}
