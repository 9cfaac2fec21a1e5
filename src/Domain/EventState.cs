using System.Collections.Immutable;
using CollectifLive.Events;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>An event as stored: what it is, who organises it (hashed keys) and its workshops in order.</summary>
public sealed record EventState(
    string Id,
    string Title,
    DateOnly Date,
    string? Place,
    string OrganiserKeyHash,
    string OrganiserProjectorKeyHash,
    ImmutableArray<string> WorkshopIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt = null,
    string? DayCode = null,
    PlenaryStep? Plenary = null,
    long PlenaryVersion = 0,
    ImmutableDictionary<string, ImmutableDictionary<string, string>>? DayConsents = null)
{
    /// <summary>The day's consent, per recommendation key, per voter ("workshopId/participantId"): their answer.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Consents => DayConsents ?? ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    public DayConsentTally TallyOf(string key)
    {
        var answers = Consents.GetValueOrDefault(key)?.Values ?? [];
        return new DayConsentTally(
            key,
            answers.Count(a => a == ConsentAnswers.Agree),
            answers.Count(a => a == ConsentAnswers.LiveWith),
            answers.Count(a => a == ConsentAnswers.Objection));
    }

    public PlenaryView PlenaryView() => new(Id, Title, PlenaryVersion, Plenary, Plenary is { } step ? TallyOf(step.Key) : null);

    /// <summary>When the event last changed, for the retention period.</summary>
    public DateTimeOffset LastActivity => UpdatedAt ?? CreatedAt;

    public EventView View() => new(Id, Title, Date, Place, WorkshopIds, CreatedAt, DayCode, [.. Consents.Keys.Order(StringComparer.Ordinal).Select(TallyOf)]);

    /// <summary>The organiser key, or the projector key derived from it.</summary>
    public bool OpensScreens(string? secret) =>
        IsOrganiser(secret) || (WorkshopAccess.IsWellFormedSecret(secret) && WorkshopAccess.Matches(OrganiserProjectorKeyHash, secret!));

    public bool IsOrganiser(string? secret) => WorkshopAccess.IsWellFormedSecret(secret) && WorkshopAccess.Matches(OrganiserKeyHash, secret!);
}

/// <summary>The rules of an event's own fields; each workshop's are the workshop's (<see cref="Workshop.Create"/>).</summary>
internal static class EventRules
{
    /// <summary>Dates an event may have: a year back (an event typed in late) to three years ahead.</summary>
    public static bool IsPlausibleDate(DateOnly date, DateTimeOffset now) =>
        date >= DateOnly.FromDateTime(now.UtcDateTime).AddYears(-1) && date <= DateOnly.FromDateTime(now.UtcDateTime).AddYears(3);

    /// <summary>The event as it will be stored, or why it cannot be; every workshop is checked before anything is made.</summary>
    public static (EventState? State, WorkshopError Error, int? Limit) Create(string eventId, CreateEvent command, DateTimeOffset now)
    {
        var title = Text.Clean(command.Title, multiline: false);
        if (title.Length == 0)
        {
            return (null, WorkshopError.TitleRequired, null);
        }

        if (title.Length > Limits.TitleMaxLength)
        {
            return (null, WorkshopError.TitleTooLong, Limits.TitleMaxLength);
        }

        var place = Text.Clean(command.Place, multiline: false);
        if (place.Length > Limits.PlaceMaxLength)
        {
            return (null, WorkshopError.PlaceTooLong, Limits.PlaceMaxLength);
        }

        if (!IsPlausibleDate(command.Date, now))
        {
            return (null, WorkshopError.EventDateInvalid, null);
        }

        var workshops = command.Workshops.IsDefault ? [] : command.Workshops;
        if (workshops.Length > Limits.WorkshopsPerEventMax)
        {
            return (null, WorkshopError.TooManyEventWorkshops, Limits.WorkshopsPerEventMax);
        }

        if (!WorkshopAccess.IsWellFormedSecret(command.OrganiserSecret) || !WorkshopAccess.IsWellFormedSecret(command.OrganiserProjectorSecret)
            || workshops.Select(w => w.WorkshopId).Distinct(StringComparer.Ordinal).Count() != workshops.Length)
        {
            return (null, WorkshopError.InvalidRequest, null);
        }

        foreach (var workshop in workshops)
        {
            var check = CheckWorkshop(CreateCommand(eventId, WorkshopAccess.Hash(command.OrganiserSecret), WorkshopAccess.Hash(command.OrganiserProjectorSecret), workshop), workshop.WorkshopId, now);
            if (!check.IsAccepted)
            {
                return (null, check.Error, check.Limit);
            }
        }

        var state = new EventState(
            eventId,
            title,
            command.Date,
            place.Length == 0 ? null : place,
            WorkshopAccess.Hash(command.OrganiserSecret),
            WorkshopAccess.Hash(command.OrganiserProjectorSecret),
            [.. workshops.Select(w => w.WorkshopId)],
            now);
        return (state, WorkshopError.None, null);
    }

    /// <summary>A workshop's creation checked by the workshop's own rules, before any code is claimed for it.</summary>
    public static Decision CheckWorkshop(CreateWorkshop command, string workshopId, DateTimeOffset now) =>
        Workshop.Create(workshopId, command, CheckCode, now);

    /// <summary>A well-formed join code the checks decide with; the real one is claimed when the workshop is made.</summary>
    private const string CheckCode = "ABCDEF";

    /// <summary>Recommendation ids are short ("r12"); anything longer is not one.</summary>
    private const int RecommendationIdMaxLength = 40;

    /// <summary>Whether the organiser's page may show <paramref name="step"/>: an atelier of the day, texts within their limits.</summary>
    public static bool IsValidStep(EventState state, PlenaryStep step) =>
        state.WorkshopIds.Contains(step.WorkshopId)
        && step.WorkshopTitle is { Length: > 0 and <= Limits.TitleMaxLength }
        && step.RecommendationId is { Length: > 0 and <= RecommendationIdMaxLength }
        && step.Title is { Length: > 0 and <= Limits.RecommendationTitleMaxLength }
        && (step.Text?.Length ?? 0) <= Limits.RecommendationTextMaxLength
        && step.Position >= 1 && step.Position <= step.Total && step.Total <= Limits.WorkshopsPerEventMax * Limits.RecommendationsPerWorkshopMax
        && step.Rank >= 1;

    /// <summary>The creation of one of the event's workshops, carrying the organiser's keys.</summary>
    public static CreateWorkshop CreateCommand(string eventId, string organiserKeyHash, string organiserProjectorKeyHash, EventWorkshop workshop) =>
        new(workshop.Title, workshop.Question, workshop.Columns, workshop.TemplateId, workshop.FacilitatorSecret, workshop.ProjectorSecret, eventId, organiserKeyHash, organiserProjectorKeyHash);

    public static CreateWorkshop CreateCommand(EventState state, EventWorkshop workshop) =>
        CreateCommand(state.Id, state.OrganiserKeyHash, state.OrganiserProjectorKeyHash, workshop);
}
