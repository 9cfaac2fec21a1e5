using System.Collections.Immutable;
using CollectifLive.Events;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Events;

/// <summary>What an event's workshop is made from (a template, or a title, question and columns of its own).</summary>
public sealed record WorkshopSpec(string? TemplateId, string? Title, string? Question, IReadOnlyList<string>? Columns)
{
    /// <summary>Fills what is left empty from the template (or the blank one), as a workshop's creation does.</summary>
    public (string Title, string? Question, IReadOnlyList<string> Columns, string? TemplateId) Resolve()
    {
        var template = WorkshopTemplates.Find(TemplateId);
        return (
            string.IsNullOrWhiteSpace(Title) ? template?.Title ?? "" : Title,
            string.IsNullOrWhiteSpace(Question) ? template?.Question : Question,
            Columns is { Count: > 0 } given ? given : template?.Columns ?? WorkshopTemplates.Blank.Columns,
            template?.Id);
    }
}

/// <summary>An event just created: its organiser key (which only its creator ever sees) and its workshops' keys.</summary>
public sealed record CreatedEvent(EventView Event, string OrganiserKey, ImmutableArray<CreatedWorkshop> Workshops)
{
    public override string ToString() => $"CreatedEvent {{ EventId = {Event.EventId} }}";
}

/// <summary>
/// One workshop of an event as its organiser follows it; <paramref name="Model"/> is null when it cannot be read
/// (deleted meanwhile, storage unavailable).
/// </summary>
public sealed record EventWorkshopStatus(string WorkshopId, AudienceModel? Model, WorkshopError Error);

/// <summary>The web server's way to events, as <see cref="WorkshopGateway"/> is to workshops.</summary>
public sealed partial class EventGateway(IGrainFactory grains, WorkshopGateway workshops, ILogger<EventGateway> logger)
{
    /// <summary>Creates an event and its workshops for <paramref name="client"/>; each workshop counts toward the creation limit.</summary>
    public async Task<Outcome<CreatedEvent>> Create(string client, string title, DateOnly date, string? place, IReadOnlyList<WorkshopSpec> specs)
    {
        for (var i = 0; i < Math.Max(1, specs.Count); i++)
        {
            if (await workshops.CountCreation(client) is { IsGranted: false } refused)
            {
                return Outcome.Fail<CreatedEvent>(refused.Error, refused.Limit, refused.RetryAfter);
            }
        }

        var organiserKey = Secrets.NewKey();
        var workshopsToMake = specs.Select(NewWorkshop).ToImmutableArray();
        var command = new CreateEvent(title, date, place, organiserKey, Secrets.ProjectorKeyFor(organiserKey), workshopsToMake);
        try
        {
            var result = await grains.GetGrain<IEventGrain>(Secrets.NewWorkshopId()).Create(command);
            if (result.View is not { } view)
            {
                return Outcome.Fail<CreatedEvent>(result.Error, result.Limit);
            }

            var created = workshopsToMake.Select((w, i) => new CreatedWorkshop(w.WorkshopId, result.JoinCodes[i], w.FacilitatorSecret, w.ProjectorSecret));
            return new Outcome<CreatedEvent>(new CreatedEvent(view, organiserKey, [.. created]));
        }
        catch (Exception exception) when (WorkshopGateway.IsTransient(exception))
        {
            LogUnavailable(exception);
            return Outcome.Fail<CreatedEvent>(WorkshopError.StorageUnavailable);
        }
    }

    /// <summary>The event, for its organiser.</summary>
    public Task<Outcome<EventView>> View(string eventId, string organiserKey) =>
        Call(eventId, async grain =>
        {
            var result = await grain.View(organiserKey);
            return result.View is { } view ? new Outcome<EventView>(view) : Outcome.Fail<EventView>(result.Error, result.Limit);
        });

    /// <summary>The event's ateliers for a holder of its day code: what a participant sees of each, to choose one.</summary>
    public async Task<Outcome<(EventView Event, IReadOnlyList<WorkshopHeader> Ateliers)>> Ateliers(string eventId, string dayCode, WorkshopFeeds feeds)
    {
        var view = await Call(eventId, async grain =>
        {
            var result = await grain.Ateliers(dayCode);
            return result.View is { } found ? new Outcome<EventView>(found) : Outcome.Fail<EventView>(result.Error, result.Limit);
        });
        if (view.Value is not { } found)
        {
            return Outcome.Fail<(EventView, IReadOnlyList<WorkshopHeader>)>(view.Error, view.Limit);
        }

        var headers = new List<WorkshopHeader>();
        foreach (var workshopId in found.WorkshopIds)
        {
            // The participants' view: what the join page of the atelier shows anyway. The feed stays a minute, so the
            // room choosing at once reads it from memory.
            var (_, subscription) = await feeds.Subscribe(workshopId, NoListener.Instance);
            if (subscription is not null)
            {
                headers.Add(subscription.Initial.Participants.Header);
                subscription.Dispose();
            }
        }

        return new Outcome<(EventView, IReadOnlyList<WorkshopHeader>)>((found, headers));
    }

    private sealed class NoListener : IFeedListener
    {
        public static readonly NoListener Instance = new();

        public void OnFeedUpdate(FeedUpdate update)
        {
        }
    }

    /// <summary>Each workshop of the event as its console shows it (the organiser key opens them all).</summary>
    public async Task<IReadOnlyList<EventWorkshopStatus>> Workshops(EventView view, string organiserKey)
    {
        var reads = view.WorkshopIds.Select(async id =>
        {
            var model = await workshops.FacilitatorView(id, Credential.Facilitator(organiserKey));
            return new EventWorkshopStatus(id, model.Value, model.Error);
        });
        return await Task.WhenAll(reads);
    }

    /// <summary>Adds a workshop to the event, for its organiser (counts toward the creation limit).</summary>
    public async Task<Outcome<CreatedWorkshop>> AddWorkshop(string eventId, string organiserKey, string client, WorkshopSpec spec)
    {
        if (await workshops.CountCreation(client) is { IsGranted: false } refused)
        {
            return Outcome.Fail<CreatedWorkshop>(refused.Error, refused.Limit, refused.RetryAfter);
        }

        var workshop = NewWorkshop(spec);
        return await Call(eventId, async grain =>
        {
            var result = await grain.AddWorkshop(organiserKey, workshop);
            return result.IsAccepted
                ? new Outcome<CreatedWorkshop>(new CreatedWorkshop(workshop.WorkshopId, result.Value!, workshop.FacilitatorSecret, workshop.ProjectorSecret))
                : Outcome.Fail<CreatedWorkshop>(result.Error, result.Limit);
        });
    }

    /// <summary>Deletes the event and every workshop in it.</summary>
    public Task<Outcome<bool>> Delete(string eventId, string organiserKey) =>
        Call(eventId, async grain =>
        {
            var result = await grain.Delete(organiserKey);
            return result.IsAccepted ? new Outcome<bool>(true) : Outcome.Fail<bool>(result.Error, result.Limit);
        });

    /// <summary>Moves the plenary to <paramref name="step"/>, or closes it (null); for the organiser.</summary>
    public Task<Outcome<bool>> SetPlenaryStep(string eventId, string organiserKey, PlenaryStep? step) =>
        Call(eventId, async grain =>
        {
            var result = await grain.SetPlenaryStep(organiserKey, step);
            return result.IsAccepted ? new Outcome<bool>(true) : Outcome.Fail<bool>(result.Error, result.Limit);
        });

    /// <summary>Whether <paramref name="key"/> opens the plenary's projector.</summary>
    public async Task<Outcome<bool>> OpensPlenary(string eventId, string key)
    {
        var opens = await Call(eventId, async grain => new Outcome<bool>(await grain.OpensPlenary(key)));
        return opens.Value ? opens : Outcome.Fail<bool>(opens.IsSuccess ? WorkshopError.AccessDenied : opens.Error);
    }

    /// <summary>A participant's consent on the recommendation the plenary shows.</summary>
    public Task<Outcome<bool>> GiveDayConsent(string eventId, string workshopId, Credential participant, string recommendationKey, string answer) =>
        Call(eventId, async grain =>
        {
            var result = await grain.GiveDayConsent(workshopId, participant, recommendationKey, answer);
            return result.IsAccepted ? new Outcome<bool>(true) : Outcome.Fail<bool>(result.Error, result.Limit);
        });

    private static EventWorkshop NewWorkshop(WorkshopSpec spec)
    {
        var (title, question, columns, templateId) = spec.Resolve();
        var facilitatorKey = Secrets.NewKey();
        return new EventWorkshop(Secrets.NewWorkshopId(), title, question, [.. columns], templateId, facilitatorKey, Secrets.ProjectorKeyFor(facilitatorKey));
    }

    private async Task<Outcome<T>> Call<T>(string eventId, Func<IEventGrain, Task<Outcome<T>>> call)
    {
        if (!Secrets.IsWorkshopId(eventId))
        {
            return Outcome.Fail<T>(WorkshopError.EventNotFound);
        }

        try
        {
            return await call(grains.GetGrain<IEventGrain>(eventId));
        }
        catch (Exception exception) when (WorkshopGateway.IsTransient(exception))
        {
            LogUnavailable(exception);
            return Outcome.Fail<T>(WorkshopError.StorageUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event grain call could not be answered")]
    private partial void LogUnavailable(Exception exception);
}
