using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CollectifLive.Web.State;

/// <summary>Tells the circuit's store when its browser comes back after a drop, so an unsent note is sent again.</summary>
public sealed class ConnectionTracker(WorkshopStore store) : CircuitHandler
{
    private int _connections;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _connections) > 1)
        {
            store.Dispatch(new ConnectionRestored());
        }

        return Task.CompletedTask;
    }
}
