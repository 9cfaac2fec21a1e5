using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollectifLive.Bench;

/// <summary>
/// The baseline: a bare ASP.NET Core SignalR hub, in its own process (the benchmark started again with
/// <c>--role bare</c>) so that its memory and CPU are measured alone, on Kestrel at 127.0.0.1 on a free port. It prints
/// "ready URL", then serves until "exit" comes on its input.
/// </summary>
internal static class BareServer
{
    public const string HubPath = "/hubs/bare";

    public static async Task<int> Run()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BareRooms>();
        await using var app = builder.Build();
        app.MapHub<BareHub>(HubPath);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Console.WriteLine($"ready {address}");
        while (await Console.In.ReadLineAsync() is { } line && line != "exit")
        {
            Console.WriteLine("error the bare hub takes no command but exit");
        }

        await app.StopAsync();
        return 0;
    }
}

/// <summary>How many joined each room (group), for the "joined" push.</summary>
internal sealed class BareRooms
{
    private readonly ConcurrentDictionary<string, int> _joined = new();

    public int Join(string room) => _joined.AddOrUpdate(room, 1, (_, count) => count + 1);
}

/// <summary>
/// What the real hub does for fan-out, and nothing else: a join adds the connection to its room's group and pushes the
/// new head count to the room (the real app pushes its counts); a note is pushed to the room, padded to the size of the
/// real app's push. Nothing is checked or stored.
/// </summary>
internal sealed class BareHub(BareRooms rooms) : Hub
{
    public async Task<string> Join(string room)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, room);
        await Clients.Group(room).SendAsync("Joined", rooms.Join(room));
        return "ok";
    }

    public async Task<int> AddNote(string room, string text, int padding)
    {
        await Clients.Group(room).SendAsync("Change", text, new string('.', padding));
        return 0;
    }
}
