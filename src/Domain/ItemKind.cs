using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// One kind of item the screens show, declared once (<see cref="ItemKinds"/>): where its items are in the state, in
/// which order, what an audience sees of one (null: nothing, not even its id), and what else in the state that view
/// depends on. Snapshots and changes for every audience are derived from it, so a new kind costs one declaration.
/// </summary>
internal sealed class ItemKind<TItem, TView>(
    Func<WorkshopState, ImmutableDictionary<string, TItem>> items,
    Func<TItem, long> order,
    Func<WorkshopState, TItem, Audience, TView?> view,
    Func<WorkshopState, TItem, object?>? dependsOn = null)
    where TItem : class
    where TView : class, IKeyed
{
    public ImmutableDictionary<string, TItem> ItemsOf(WorkshopState state) => items(state);

    /// <summary>What <paramref name="audience"/> sees of this kind, in order.</summary>
    public ImmutableArray<TView> View(WorkshopState state, Audience audience) =>
        [.. items(state).Values.OrderBy(order).Select(item => view(state, item, audience)).OfType<TView>()];

    public TView? ViewOf(WorkshopState state, TItem item, Audience audience) => view(state, item, audience);

    /// <summary>
    /// The ids whose view may differ between the states, for any audience: items added, removed or replaced (states
    /// are immutable, so an unchanged item is the same object), and items whose view depends on something that changed.
    /// </summary>
    public IReadOnlyList<string> Touched(WorkshopState? before, WorkshopState after)
    {
        var now = items(after);
        if (before is null)
        {
            return [.. now.Keys];
        }

        var was = items(before);
        if (ReferenceEquals(was, now))
        {
            return dependsOn is null ? [] : [.. now.Where(p => !Equals(dependsOn(before, p.Value), dependsOn(after, p.Value))).Select(p => p.Key)];
        }

        var touched = new List<string>();
        foreach (var (id, item) in now)
        {
            if (!was.TryGetValue(id, out var old) || !ReferenceEquals(old, item)
                || (dependsOn is not null && !Equals(dependsOn(before, old), dependsOn(after, item))))
            {
                touched.Add(id);
            }
        }

        touched.AddRange(was.Keys.Where(id => !now.ContainsKey(id)));
        return touched;
    }

    /// <summary>What <paramref name="audience"/> is told of the <paramref name="touched"/> items: views that differ, ids it no longer sees.</summary>
    public Changes<TView> Changes(WorkshopState? before, WorkshopState after, IReadOnlyList<string> touched, Audience audience)
    {
        var changes = ViewComparison.Compare(touched, id => Seen(before, id, audience), id => Seen(after, id, audience));
        var now = items(after);
        return changes.Upserts.Length < 2 ? changes : changes with { Upserts = [.. changes.Upserts.OrderBy(v => order(now[v.Id]))] };
    }

    private TView? Seen(WorkshopState? state, string id, Audience audience) =>
        state is not null && items(state).TryGetValue(id, out var item) ? view(state, item, audience) : null;
}

/// <summary>What differs between two sets of views of the same ids.</summary>
internal static class ViewComparison
{
    /// <summary>Compares the views of <paramref name="ids"/> before and after, by value.</summary>
    public static Changes<T> Compare<T>(IEnumerable<string> ids, Func<string, T?> was, Func<string, T?> now)
        where T : class, IKeyed
    {
        var upserts = ImmutableArray.CreateBuilder<T>();
        var removed = ImmutableArray.CreateBuilder<string>();
        foreach (var id in ids)
        {
            var old = was(id);
            var current = now(id);
            if (current is not null && !current.Equals(old))
            {
                upserts.Add(current);
            }
            else if (current is null && old is not null)
            {
                removed.Add(id);
            }
        }

        return upserts.Count == 0 && removed.Count == 0 ? CollectifLive.Workshops.Changes.None<T>() : new Changes<T>(upserts.ToImmutable(), removed.ToImmutable());
    }
}
