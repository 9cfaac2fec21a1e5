namespace CollectifLive.Web.State;

/// <summary>Marks an action: a fact or an intent dispatched to a store.</summary>
public interface IAction;

/// <summary>Something that dispatches actions (the store, as seen by effects).</summary>
public interface IDispatcher
{
    void Dispatch(IAction action);
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
    public IDisposable Select<TSlice>(Func<TState, TSlice> selector, Action<TSlice> onChange)
    {
        var subscription = new SliceSubscription<TSlice>(this, selector, onChange);
        StateChanged += subscription.OnStateChanged;
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

    private sealed class SliceSubscription<TSlice>(Store<TState> store, Func<TState, TSlice> selector, Action<TSlice> onChange) : IDisposable
    {
        private TSlice _last = selector(store.State);

        public void OnStateChanged(TState state)
        {
            var next = selector(state);
            if (!EqualityComparer<TSlice>.Default.Equals(next, _last))
            {
                _last = next;
                onChange(next);
            }
        }

        public void Dispose() => store.StateChanged -= OnStateChanged;
    }
}
