using Microsoft.JSInterop;

namespace CollectifLive.Web.State;

/// <summary>
/// One of the app's JavaScript modules, imported into the circuit's browser on first use, and imported again if an
/// earlier import failed (a dropped connection while loading).
/// </summary>
public sealed class BrowserModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    public Task<IJSObjectReference> Get()
    {
        if (_module is null || _module.IsFaulted || _module.IsCanceled)
        {
            _module = js.InvokeAsync<IJSObjectReference>("import", path).AsTask();
        }

        return _module;
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } module)
        {
            try
            {
                await module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with its browser; nothing to release there.
            }
        }
    }
}
