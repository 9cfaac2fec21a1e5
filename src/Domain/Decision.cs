using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// The outcome of deciding a command: events to apply, or an error that changes nothing. Accepted with no events
/// means there was nothing to change (two facilitators hid the same note): no new version, no write.
/// </summary>
internal sealed record Decision(WorkshopError Error, ImmutableArray<WorkshopEvent> Events, string? Value = null, int? Limit = null)
{
    public static readonly Decision Unchanged = new(WorkshopError.None, []);

    public bool IsAccepted => Error == WorkshopError.None;

    public static Decision Accept(WorkshopEvent @event, string? value = null) => new(WorkshopError.None, [@event], value);

    public static Decision Accept(IEnumerable<WorkshopEvent> events, string? value = null) => new(WorkshopError.None, [.. events], value);

    public static Decision Refuse(WorkshopError error, int? limit = null) => new(error, [], null, limit);
}
