using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Events;

/// <summary>A workshop of an event, with the id and keys its creator made.</summary>
[GenerateSerializer, Immutable, Alias("cl.EventWorkshop")]
public sealed record EventWorkshop(
    string WorkshopId,
    string Title,
    string? Question,
    ImmutableArray<string> Columns,
    string? TemplateId,
    string FacilitatorSecret,
    string ProjectorSecret)
{
    public override string ToString() => $"EventWorkshop {{ WorkshopId = {WorkshopId}, Title = {Title} }}";
}

/// <summary>
/// Creates an event. The organiser's secrets are made by the caller (the projector one derived from the other, as
/// for a workshop) and stored hashed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.CreateEvent")]
public sealed record CreateEvent(
    string Title,
    DateOnly Date,
    string? Place,
    string OrganiserSecret,
    string OrganiserProjectorSecret,
    ImmutableArray<EventWorkshop> Workshops)
{
    public override string ToString() => $"CreateEvent {{ Title = {Title}, Workshops = {Workshops.Length} }}";
}

/// <summary>
/// What the organiser sees of the event itself (each workshop's live state comes from its own feed).
/// <paramref name="DayCode"/>: the one code for the whole day, with which a participant chooses their atelier.
/// <paramref name="DayConsents"/>: the consent the plenary gathered on each recommendation it showed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.EventView")]
public sealed record EventView(
    string EventId,
    string Title,
    DateOnly Date,
    string? Place,
    ImmutableArray<string> WorkshopIds,
    DateTimeOffset CreatedAt,
    string? DayCode = null,
    ImmutableArray<DayConsentTally> DayConsents = default)
{
    /// <summary>The consent the plenary gathered on a recommendation of an atelier, if any was given.</summary>
    public DayConsentTally? ConsentOn(string workshopId, string recommendationId)
    {
        var key = PlenaryStep.KeyOf(workshopId, recommendationId);
        return DayConsents.IsDefault ? null : DayConsents.FirstOrDefault(c => c.Key == key && c.Voters > 0);
    }
}

/// <summary>
/// The event, or why it was refused (<paramref name="Limit"/> quotes the bound that was passed). A creation also
/// gives each workshop's join code, in the order of <see cref="EventView.WorkshopIds"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.EventResult")]
public sealed record EventResult(WorkshopError Error, EventView? View, int? Limit = null, ImmutableArray<string> JoinCodes = default)
{
    public static EventResult Refused(WorkshopError error, int? limit = null) => new(error, null, limit);
}
