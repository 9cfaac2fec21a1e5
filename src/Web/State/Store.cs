namespace CollectifLive.Web.State;

/// <summary>Marks an action: a fact or an intent dispatched to a store.</summary>
public interface IAction;

/// <summary>Something that dispatches actions (the store, as seen by effects).</summary>
public interface IDispatcher
{
    void Dispatch(IAction action);
}

/// <summary>A live selection of part of a store's state; dispose to stop following it.</summary>
public interface ISlice<out TSlice> : IDisposable
{
    /// <summary>The slice as last notified (or as first selected).</summary>
    TSlice Value { get; }
}

/// <summary>Side effects run after an action has been reduced: grain calls, browser storage. They dispatch results.</summary>
public interface IEffects<in TState>
{
    Task Handle(IAction action, TState state, IDispatcher dispatcher);
}

/// <summary>
/// A small store of Fluxor's shape (Fluxor is not served by the registry here): one immutable state, pure reducers,
/// effects, and slice subscriptions so that a component re-renders only when the part it shows changes.
/// Thread-safe: the feed dispatches from its own thread, components from the circuit's.
/// </summary>
public class Store<TState> : IDispatcher
    where TState : class
{
    private readonly Lock _gate = new();
    private readonly Func<TState, IAction, TState> _reduce;
    private readonly IEffects<TState>? _effects;
    private readonly Action<Exception>? _onEffectError;

    public Store(TState initial, Func<TState, IAction, TState> reduce, IEffects<TState>? effects, Action<Exception>? onEffectError = null)
    {
        State = initial;
        _reduce = reduce;
        _effects = effects;
        _onEffectError = onEffectError;
    }

    public TState State { get; private set; }

    /// <summary>Raised after each state change, outside the store's lock, with the new state.</summary>
    public event Action<TState>? StateChanged;

    public void Dispatch(IAction action)
    {
        TState before, after;
        lock (_gate)
        {
            before = State;
            after = _reduce(before, action);
            State = after;
        }

        if (!ReferenceEquals(before, after))
        {
            StateChanged?.Invoke(after);
        }

        if (_effects is not null)
        {
            _ = RunEffects(action, after);
        }
    }

    /// <summary>Calls <paramref name="onChange"/> whenever the selected slice changes (by value); dispose to stop.</summary>
    public ISlice<TSlice> Select<TSlice>(Func<TState, TSlice> selector, Action<TSlice> onChange)
    {
        var subscription = new SliceSubscription<TSlice>(this, selector, onChange);
        StateChanged += subscription.OnStateChanged;
        subscription.OnStateChanged(State);
        return subscription;
    }

    private async Task RunEffects(IAction action, TState state)
    {
        // Effects never run inside the caller's stack (the feed holds its lock while it dispatches).
        await Task.Yield();
        try
        {
            await _effects!.Handle(action, state, this);
        }
        catch (Exception exception) when (_onEffectError is not null)
        {
            _onEffectError(exception);
        }
    }

    /// <summary>
    /// Notifications from two threads may arrive in any order, so each one selects from the store's latest state,
    /// under a lock: the last notification a subscriber gets always carries the newest slice.
    /// </summary>
    private sealed class SliceSubscription<TSlice>(Store<TState> store, Func<TState, TSlice> selector, Action<TSlice> onChange) : ISlice<TSlice>
    {
        private readonly Lock _gate = new();

        public TSlice Value { get; private set; } = selector(store.State);

        public void OnStateChanged(TState notified)
        {
            lock (_gate)
            {
                var next = selector(store.State);
                if (!EqualityComparer<TSlice>.Default.Equals(next, Value))
                {
                    Value = next;
                    onChange(next);
                }
            }
        }

        public void Dispose() => store.StateChanged -= OnStateChanged;
    }
}
