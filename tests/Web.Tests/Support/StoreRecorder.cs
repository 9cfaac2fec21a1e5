using System.Collections.Concurrent;
using CollectifLive.Testing;
using CollectifLive.Web.State;

namespace CollectifLive.Web.Tests.Support;

/// <summary>
/// A real store with the real reducers and the effects under test; it records every action it reduces (in order)
/// and every error an effect threw.
/// </summary>
public sealed class StoreRecorder
{
    private readonly ConcurrentQueue<IAction> _actions = new();
    private readonly ConcurrentQueue<Exception> _errors = new();

    public StoreRecorder(IEffects<WorkshopSessionState>? effects, WorkshopSessionState? initial = null) =>
        Store = new Store<WorkshopSessionState>(
            initial ?? WorkshopSessionState.Initial,
            (state, action) =>
            {
                _actions.Enqueue(action);
                return WorkshopReducers.Reduce(state, action);
            },
            effects,
            _errors.Enqueue);

    public Store<WorkshopSessionState> Store { get; }

    public WorkshopSessionState State => Store.State;

    public void Dispatch(IAction action) => Store.Dispatch(action);

    /// <summary>The actions of type <typeparamref name="T"/> reduced so far, in order.</summary>
    public IReadOnlyList<T> Reduced<T>() => [.. _actions.OfType<T>()];

    /// <summary>Waits for the state to satisfy <paramref name="condition"/>; an effect's error fails the wait at once.</summary>
    public async Task<WorkshopSessionState> Until(Func<WorkshopSessionState, bool> condition, string what)
    {
        var state = await Eventually.Until(() => Task.FromResult(Store.State), s => !_errors.IsEmpty || condition(s), what);
        Assert.Empty(_errors);
        return state;
    }

    /// <summary>Waits for an action of type <typeparamref name="T"/> to be reduced, and returns the first.</summary>
    public async Task<T> UntilReduced<T>(string what)
    {
        await Eventually.Until(() => _actions.OfType<T>().Any() || !_errors.IsEmpty, what);
        Assert.Empty(_errors);
        return _actions.OfType<T>().First();
    }
}
