using System.Text.Json.Serialization;
using System.Collections.Immutable;

namespace CollectifLive.Workshops;

/// <summary>An item the screens keep by id: a note, a participant, a theme, a vote round, one's own ballot.</summary>
public interface IKeyed
{
    string Id { get; }
}

/// <summary>
/// What changed in one kind of item for one audience: items new or replaced whole, and the ids of those it no longer
/// sees (deleted, or hidden from it). Every kind of item travels in this one shape.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.Changes`1")]
public sealed record Changes<T>(ImmutableArray<T> Upserts, ImmutableArray<string> Removed)
    where T : IKeyed
{
    [JsonIgnore]
    public bool IsEmpty => Upserts.IsEmpty && Removed.IsEmpty;
}

/// <summary>Nothing changed, for any kind of item (one shared instance per kind).</summary>
public static class Changes
{
    public static Changes<T> None<T>()
        where T : IKeyed => NoChanges<T>.Value;

    private static class NoChanges<T>
        where T : IKeyed
    {
        public static readonly Changes<T> Value = new([], []);
    }
}

/// <summary>Applies <see cref="Changes{T}"/> to a model kept by id.</summary>
public static class ChangesExtensions
{
    /// <summary>Removed ids, then upserts by id; with nothing to do, the same dictionary (so that slices stay equal).</summary>
    public static ImmutableDictionary<string, T> Apply<T>(this ImmutableDictionary<string, T> items, Changes<T> changes)
        where T : IKeyed
    {
        if (!changes.Removed.IsEmpty)
        {
            items = items.RemoveRange(changes.Removed);
        }

        return changes.Upserts.IsEmpty ? items : items.SetItems(changes.Upserts.Select(item => KeyValuePair.Create(item.Id, item)));
    }

    public static ImmutableDictionary<string, T> ById<T>(this IEnumerable<T> items)
        where T : IKeyed => items.ToImmutableDictionary(item => item.Id);
}
