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

    private void OnSliceChanged(TSlice slice) => _ = InvokeAsync(() =>
    {
        Slice = slice;
        SliceChanged();
        StateHasChanged();
    });

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
