using CollectifLive.Web.State;
using Microsoft.AspNetCore.Components;

namespace CollectifLive.Web.Components.Shared;

/// <summary>
/// A component that shows one slice of the circuit's workshop state and re-renders only when that slice changes
/// (DESIGN rule 7: someone else's note costs a phone's composer nothing).
/// </summary>
public abstract class WorkshopComponent<TSlice> : ComponentBase, IDisposable
{
    private ISlice<TSlice>? _subscription;

    [Inject]
    protected WorkshopStore Store { get; set; } = null!;

    protected TSlice Slice { get; private set; } = default!;

    protected WorkshopSessionState State => Store.State;

    protected abstract TSlice Select(WorkshopSessionState state);

    /// <summary>Called on the circuit's thread when a new slice arrives, before it is rendered.</summary>
    protected virtual void SliceChanged()
    {
    }

    protected override void OnInitialized()
    {
        _subscription = Store.Select(Select, OnSliceChanged);
        Slice = _subscription.Value;
    }

    /// <summary>
    /// Notifications come from several threads (the circuit, the feed, effects after a grain call), and Blazor may run
    /// one inline before another that was queued: each render therefore takes the newest slice, not the one it was
    /// posted with, so a late-running older notification cannot put a stale slice back on screen. What a component's
    /// <see cref="SliceChanged"/> throws reaches its error boundary.
    /// </summary>
    private void OnSliceChanged(TSlice slice) => _ = ComponentWork.Post(InvokeAsync, DispatchExceptionAsync, () =>
    {
        var newest = _subscription is { } subscription ? subscription.Value : slice;
        if (EqualityComparer<TSlice>.Default.Equals(newest, Slice))
        {
            return;
        }

        Slice = newest;
        SliceChanged();
        StateHasChanged();
    });

    /// <summary>Releases what a component holds besides its slice.</summary>
    protected virtual void OnDispose()
    {
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        OnDispose();
        GC.SuppressFinalize(this);
    }
}
