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
