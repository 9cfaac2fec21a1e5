using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Events;

/// <summary>
/// An event (une journée): several ateliers on one day, run by an organiser whose key opens every one of them.
/// The event holds their list; each workshop stays the one writer of its own content.
/// </summary>
[Alias("cl.IEventGrain")]
public interface IEventGrain : IGrainWithStringKey
{
    /// <summary>Creates the event and its workshops at once. Retrying with the same command answers the same event.</summary>
    [Alias("Create")]
    Task<EventResult> Create(CreateEvent command);

    /// <summary>The event as its organiser sees it.</summary>
    [Alias("View")]
    Task<EventResult> View(string organiserSecret);

    /// <summary>The event's ateliers, for whoever has the day's code (to choose one and join it).</summary>
    [Alias("Ateliers")]
    Task<EventResult> Ateliers(string dayCode);

    /// <summary>Adds a workshop to the event; the result's value is its join code.</summary>
    [Alias("AddWorkshop")]
    Task<CommandResult> AddWorkshop(string organiserSecret, EventWorkshop workshop);

    /// <summary>Deletes the event and every workshop in it (each as <see cref="IWorkshopGrain.Delete"/> does).</summary>
    [Alias("Delete")]
    Task<CommandResult> Delete(string organiserSecret);

    /// <summary>Moves the plenary restitution to a recommendation (the organiser's page walks the day), or closes it (null).</summary>
    [Alias("SetPlenaryStep")]
    Task<CommandResult> SetPlenaryStep(string organiserSecret, PlenaryStep? step);

    /// <summary>Whether <paramref name="secret"/> opens the plenary's projector (the organiser key or its projector key).</summary>
    [Alias("OpensPlenary")]
    Task<bool> OpensPlenary(string secret);

    /// <summary>The plenary now, for the web servers (their service key) to show the day's screens; null when the event does not exist.</summary>
    [Alias("Plenary")]
    Task<PlenaryView?> Plenary(ServiceKey service);

    /// <summary>
    /// A participant of one of the day's ateliers gives their consent on the recommendation shown now
    /// (<see cref="ConsentAnswers"/>); giving it again replaces it.
    /// </summary>
    [Alias("GiveDayConsent")]
    Task<CommandResult> GiveDayConsent(string workshopId, Credential participant, string recommendationKey, string answer);

    /// <summary>Subscribes a web server's plenary feed (refresh before the expiry).</summary>
    [Alias("Subscribe")]
    Task Subscribe(ServiceKey service, IEventObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IEventObserver observer);

    /// <summary>Drops a workshop from the list once it no longer exists (it was deleted on its own).</summary>
    [Alias("Forget")]
    Task Forget(string workshopId);
}

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
