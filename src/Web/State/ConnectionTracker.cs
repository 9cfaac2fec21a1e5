using CollectifLive.Web.Hosting;
using CollectifLive.Web.Workshops;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace CollectifLive.Web.State;

/// <summary>
/// Notes who the circuit's browser is, for the per-client limits, and tells the circuit's store when its browser comes
/// back after a drop, so an unsent note is sent again; lists the circuit's page among those told of a restart.
/// </summary>
public sealed class ConnectionTracker(WorkshopStore store, CircuitClient client, IHttpContextAccessor http, ShutdownNotices notices, IJSRuntime page) : CircuitHandler
{
    private int _connections;

    /// <summary>
    /// Opened within the request of the circuit's own connection, whose remote address is the browser's (the page's
    /// request is over by then; nothing else of that context is kept).
    /// </summary>
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        client.Current = Client.OfCircuit(http.HttpContext, circuit.Id);
        notices.Opened(circuit.Id, page);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        notices.Closed(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _connections) > 1)
        {
            store.Dispatch(new ConnectionRestored());
        }

        return Task.CompletedTask;
    }
}

/// <summary>The client (address and circuit) of this circuit, as the per-client limits count it.</summary>
public sealed class CircuitClient
{
    public Client Current { get; set; } = Client.OfCircuit(null, Guid.NewGuid().ToString("N"));
}
