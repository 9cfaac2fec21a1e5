using System.Text.Json.Serialization;
using Microsoft.JSInterop;

namespace CollectifLive.Web.State;

/// <summary>What a remembered entry opens: a workshop's console, or an event's organiser page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MyWorkshopsKind>))]
public enum MyWorkshopsKind
{
    [JsonStringEnumMemberName("workshop")]
    Workshop,

    [JsonStringEnumMemberName("event")]
    Event,
}

/// <summary>
/// A workshop or event as this browser remembers it. <paramref name="Step"/> is a phase name for a workshop;
/// <paramref name="Url"/> is a same-origin path holding the key in its fragment; <paramref name="SeenAt"/> is set by
/// the browser's clock when the entry is remembered (what is passed to <see cref="MyWorkshops.Remember"/> is ignored).
/// </summary>
public sealed record MyWorkshopsEntry(
    MyWorkshopsKind Kind,
    string Id,
    string Title,
    DateTimeOffset Date,
    string Step,
    string Url,
    DateTimeOffset? SeenAt = null);

/// <summary>
/// "Mes ateliers": the workshops and events this browser created or opened with a key, kept in its localStorage
/// (wwwroot/js/mine.js) so that a closed tab is not a lost workshop. Nothing of it is stored on the server: the circuit
/// reads the list only to render it, and writes to it only what it already shows. Every call may fail while the
/// connection is down (see <see cref="BrowserStorage.IsUnreachable"/>).
/// </summary>
public sealed class MyWorkshops(IJSRuntime js) : IAsyncDisposable
{
    private readonly BrowserModule _module = new(js, "./js/mine.js");

    /// <summary>Adds the entry, or updates the one with the same kind and id, and puts it first.</summary>
    public async Task Remember(MyWorkshopsEntry entry) => await (await _module.Get()).InvokeVoidAsync("remember", entry);

    /// <summary>The remembered entries, most recently seen first (how many is capped in mine.js).</summary>
    public async Task<IReadOnlyList<MyWorkshopsEntry>> List() =>
        await (await _module.Get()).InvokeAsync<MyWorkshopsEntry[]>("list");

    /// <summary>Removes the entry from this browser's list; the workshop or event itself is untouched.</summary>
    public async Task Forget(MyWorkshopsKind kind, string id) =>
        await (await _module.Get()).InvokeVoidAsync("forget", kind, id);

    /// <summary>
    /// Calls <paramref name="changed"/> on the circuit whenever another tab of this browser changes the list, until
    /// the returned handle is disposed.
    /// </summary>
    public async Task<IAsyncDisposable> Watch(Func<Task> changed)
    {
        var listener = DotNetObjectReference.Create(new ChangeListener(changed));
        try
        {
            return new Watching(listener, await (await _module.Get()).InvokeAsync<IJSObjectReference>("watch", listener));
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    private sealed class ChangeListener(Func<Task> changed)
    {
        [JSInvokable]
        public Task ListChanged() => changed();
    }

    private sealed class Watching(DotNetObjectReference<ChangeListener> listener, IJSObjectReference handle) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await handle.InvokeVoidAsync("stop");
                await handle.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with its browser, and the page's listener with it.
            }
            finally
            {
                listener.Dispose();
            }
        }
    }
}
