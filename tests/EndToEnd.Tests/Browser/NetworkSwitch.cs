using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// Cuts a browser context off the network for real, as a phone losing Wi-Fi: Playwright's offline mode blocks new
/// requests but leaves an open WebSocket alone, so the circuit's WebSocket is routed through here and closed too.
/// </summary>
public sealed class NetworkSwitch
{
    private readonly IBrowserContext _context;
    private readonly List<IWebSocketRoute> _open = [];
    private bool _offline;

    private NetworkSwitch(IBrowserContext context) => _context = context;

    public static async Task<NetworkSwitch> Attach(IBrowserContext context)
    {
        var network = new NetworkSwitch(context);
        await context.RouteWebSocketAsync(url => url.Contains("/_blazor", StringComparison.Ordinal), network.Route);
        return network;
    }

    private void Route(IWebSocketRoute socket)
    {
        lock (_open)
        {
            if (_offline)
            {
                _ = socket.CloseAsync(new() { Code = 4000, Reason = "offline" });
                return;
            }

            socket.ConnectToServer();
            _open.Add(socket);
        }
    }

    public async Task GoOffline()
    {
        IWebSocketRoute[] open;
        lock (_open)
        {
            _offline = true;
            open = [.. _open];
            _open.Clear();
        }

        await _context.SetOfflineAsync(true);
        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "offline" });
        }
    }

    public async Task GoOnline()
    {
        lock (_open)
        {
            _offline = false;
        }

        await _context.SetOfflineAsync(false);
    }
}
