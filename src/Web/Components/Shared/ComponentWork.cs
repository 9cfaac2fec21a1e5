namespace CollectifLive.Web.Components.Shared;

/// <summary>
/// Work a component is given from another thread (a feed, a plenary, its store): posted to the component's
/// dispatcher, and what it throws reaches the renderer (the nearest error boundary) as an event handler's would,
/// instead of being lost in a task nobody awaits.
/// </summary>
public static class ComponentWork
{
    /// <param name="invoke">The component's <c>InvokeAsync</c>.</param>
    /// <param name="report">The component's <c>DispatchExceptionAsync</c>.</param>
    /// <param name="work">What to run on the component's dispatcher.</param>
    public static async Task Post(Func<Action, Task> invoke, Func<Exception, Task> report, Action work)
    {
        try
        {
            await invoke(work);
        }
        catch (Exception exception)
        {
            await report(exception);
        }
    }
}
