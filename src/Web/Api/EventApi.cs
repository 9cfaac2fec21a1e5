using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectifLive.Events;
using CollectifLive.Web.Events;
using CollectifLive.Web.Features.Synthesis.Exports;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Api;

/// <summary>One workshop of a new event: a template, or a title, question and columns of its own (empty fields from the template).</summary>
public sealed record EventWorkshopRequest(string? TemplateId, string? Title, string? Question, IReadOnlyList<string>? Columns);

/// <summary>Creates an event (une journée) with its workshops in one step.</summary>
public sealed record CreateEventRequest(string? Title, DateOnly? Date, string? Place, IReadOnlyList<EventWorkshopRequest>? Workshops);

/// <summary>The new event: the organiser's links hold its key (keep them), and each workshop's links as a workshop's creation gives them.</summary>
public sealed record CreateEventResponse(
    string EventId,
    string Title,
    DateOnly Date,
    string? Place,
    string OrganiserUrl,
    string? DayCode,
    string? DayJoinUrl,
    IReadOnlyList<CreateWorkshopResponse> Workshops);

/// <summary>A workshop of the event as its organiser follows it; <paramref name="Error"/> says why it could not be read.</summary>
public sealed record EventWorkshopResponse(
    string WorkshopId,
    string? Title,
    Phase? Phase,
    string? JoinCode,
    int InRoom,
    int Remote,
    int Notes,
    string? OpenVote,
    int Recommendations,
    string ConsoleUrl,
    string ProjectorUrl,
    string? Error);

public sealed record EventResponse(string EventId, string Title, DateOnly Date, string? Place, string? DayCode, IReadOnlyList<EventWorkshopResponse> Workshops);

/// <summary>New console and projector links for a workshop (the old ones stop working).</summary>
public sealed record ReissuedKeysResponse(string FacilitatorUrl, string ProjectorUrl);

/// <summary>The REST API of events, and deleting a workshop or reissuing its keys (docs/api.md).</summary>
public static class EventApi
{
    /// <summary>The archive of a day: the event and each workshop's archive (collectiflive/1), in order.</summary>
    public const string ArchiveFormat = "collectiflive-event/1";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEndpointRouteBuilder MapEventApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").DisableAntiforgery();
        api.MapPost("/events", Create);
        api.MapGet("/events/{eventId}", Get);
        api.MapPost("/events/{eventId}/workshops", AddWorkshop);
        api.MapDelete("/events/{eventId}", DeleteEvent);
        api.MapGet("/events/{eventId}/export/markdown", ExportMarkdown);
        api.MapGet("/events/{eventId}/export/archive.json", ExportArchive);
        api.MapDelete("/workshops/{workshopId}", DeleteWorkshop);
        api.MapPost("/workshops/{workshopId}/keys", ReissueKeys);
        return endpoints;
    }

    private static async Task<IResult> Create(CreateEventRequest? request, EventGateway events, WorkshopLinks links, HttpContext http, IStringLocalizer<Strings> localizer)
    {
        if (request is null || request.Date is not { } date)
        {
            return WorkshopApi.Refusal(localizer, request is null ? WorkshopError.InvalidRequest : WorkshopError.EventDateInvalid, null);
        }

        var specs = (request.Workshops ?? []).Select(w => new WorkshopSpec(w.TemplateId, w.Title, w.Question, w.Columns)).ToList();
        if (specs.Count > Limits.WorkshopsPerEventMax)
        {
            return WorkshopApi.Refusal(localizer, WorkshopError.TooManyEventWorkshops, Limits.WorkshopsPerEventMax);
        }

        var outcome = await events.Create(Client.AddressOf(http), request.Title ?? "", date, request.Place, specs);
        if (outcome.Value is not { } created)
        {
            return WorkshopApi.Refusal(localizer, outcome.Error, outcome.Limit, retryAfter: outcome.RetryAfter);
        }

        var baseUri = WorkshopApi.BaseUri(links, http);
        var organiserUrl = WorkshopLinks.Absolute(baseUri, WorkshopLinks.OrganiserPath(created.Event.EventId, created.OrganiserKey));
        http.Response.Headers.CacheControl = "no-store";
        return Results.Created(
            $"/api/events/{created.Event.EventId}",
            new CreateEventResponse(
                created.Event.EventId,
                created.Event.Title,
                created.Event.Date,
                created.Event.Place,
                organiserUrl,
                created.Event.DayCode,
                created.Event.DayCode is { } dayCode ? WorkshopLinks.Absolute(baseUri, WorkshopLinks.AteliersPath(created.Event.EventId, dayCode, remote: false)) : null,
                [.. created.Workshops.Select(w => WorkshopApi.Links(w, baseUri))]));
    }

    private static Task<IResult> Get(string eventId, EventGateway events, WorkshopLinks links, HttpContext http, IStringLocalizer<Strings> localizer) =>
        AsOrganiser(eventId, http, events, localizer, async (view, key) =>
        {
            var baseUri = WorkshopApi.BaseUri(links, http);
            var workshops = (await events.Workshops(view, key)).Select(status =>
            {
                var header = status.Model?.Header;
                return new EventWorkshopResponse(
                    status.WorkshopId,
                    header?.Title,
                    header?.Phase,
                    header?.JoinCode,
                    header?.Counts.InRoom ?? 0,
                    header?.Counts.Remote ?? 0,
                    header?.Counts.Notes ?? 0,
                    status.Model?.OpenRound is { } round ? round.Setup.Question ?? round.Setup.Kind.ToString() : null,
                    status.Model?.Recommendations.Count ?? 0,
                    WorkshopLinks.Absolute(baseUri, WorkshopLinks.FacilitatorPath(status.WorkshopId, key)),
                    WorkshopLinks.Absolute(baseUri, WorkshopLinks.ProjectorPath(status.WorkshopId, Secrets.ProjectorKeyFor(key))),
                    status.Model is null ? status.Error.ToString() : null);
            });
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new EventResponse(view.EventId, view.Title, view.Date, view.Place, view.DayCode, [.. workshops]));
        });

    private static Task<IResult> AddWorkshop(string eventId, EventWorkshopRequest? request, EventGateway events, WorkshopLinks links, HttpContext http, IStringLocalizer<Strings> localizer) =>
        AsOrganiser(eventId, http, events, localizer, async (_, key) =>
        {
            if (request is null)
            {
                return WorkshopApi.Refusal(localizer, WorkshopError.InvalidRequest, null);
            }

            var outcome = await events.AddWorkshop(eventId, key, Client.AddressOf(http), new WorkshopSpec(request.TemplateId, request.Title, request.Question, request.Columns));
            if (outcome.Value is not { } created)
            {
                return WorkshopApi.Refusal(localizer, outcome.Error, outcome.Limit, retryAfter: outcome.RetryAfter);
            }

            var response = WorkshopApi.Links(created, WorkshopApi.BaseUri(links, http));
            http.Response.Headers.CacheControl = "no-store";
            return Results.Created(response.ParticipantUrl, response);
        });

    private static Task<IResult> DeleteEvent(string eventId, EventGateway events, HttpContext http, IStringLocalizer<Strings> localizer) =>
        AsOrganiser(eventId, http, events, localizer, async (_, key) =>
        {
            var outcome = await events.Delete(eventId, key);
            return outcome.IsSuccess ? Results.NoContent() : WorkshopApi.Refusal(localizer, outcome.Error, outcome.Limit);
        });

    /// <summary>Deletes a workshop: its facilitator's or organiser's key (401 without a key, 403 with any other).</summary>
    private static async Task<IResult> DeleteWorkshop(string workshopId, WorkshopGateway gateway, HttpContext http, IStringLocalizer<Strings> localizer)
    {
        if (WorkshopApi.BearerKey(http) is not { } key)
        {
            return WorkshopApi.Refusal(localizer, WorkshopError.AccessDenied, null, StatusCodes.Status401Unauthorized);
        }

        var result = await gateway.Delete(workshopId, Credential.FromParticipantToken(key) ?? Credential.Facilitator(key));
        return result.IsAccepted ? Results.NoContent() : WorkshopApi.Refusal(localizer, result.Error, result.Limit);
    }

    /// <summary>New console and projector keys; the links given before stop working.</summary>
    private static async Task<IResult> ReissueKeys(string workshopId, WorkshopGateway gateway, WorkshopLinks links, HttpContext http, IStringLocalizer<Strings> localizer)
    {
        if (WorkshopApi.BearerKey(http) is not { } key)
        {
            return WorkshopApi.Refusal(localizer, WorkshopError.AccessDenied, null, StatusCodes.Status401Unauthorized);
        }

        var facilitatorKey = Secrets.NewKey();
        var projectorKey = Secrets.ProjectorKeyFor(facilitatorKey);
        var result = await gateway.Execute(workshopId, Credential.Facilitator(key), Guid.NewGuid(), new CollectifLive.Workshops.ReissueKeys(facilitatorKey, projectorKey));
        if (!result.IsAccepted)
        {
            return WorkshopApi.Refusal(localizer, result.Error, result.Limit);
        }

        var baseUri = WorkshopApi.BaseUri(links, http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new ReissuedKeysResponse(
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.FacilitatorPath(workshopId, facilitatorKey)),
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.ProjectorPath(workshopId, projectorKey))));
    }

    private static Task<IResult> ExportMarkdown(string eventId, EventGateway events, HttpContext http, IStringLocalizer<Strings> localizer, TimeProvider clock) =>
        AsOrganiser(eventId, http, events, localizer, async (view, key) =>
        {
            var workshops = await events.Workshops(view, key);
            var markdown = EventMarkdown.Write(view, [.. workshops.Where(w => w.Model is not null).Select(w => w.Model!)], localizer, clock.GetUtcNow());
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"journee-{eventId}.md");
        });

    private static Task<IResult> ExportArchive(string eventId, EventGateway events, WorkshopGateway gateway, HttpContext http, IStringLocalizer<Strings> localizer) =>
        AsOrganiser(eventId, http, events, localizer, async (view, key) =>
        {
            var archives = new JsonArray();
            foreach (var workshopId in view.WorkshopIds)
            {
                var archive = await gateway.Archive(workshopId, Credential.Facilitator(key));
                if (archive.Value is { } json)
                {
                    archives.Add(JsonNode.Parse(json));
                }
                else if (archive.Error != WorkshopError.WorkshopNotFound)
                {
                    return WorkshopApi.Refusal(localizer, archive.Error, archive.Limit);
                }
            }

            var document = new JsonObject
            {
                ["format"] = ArchiveFormat,
                ["event"] = new JsonObject
                {
                    ["id"] = view.EventId,
                    ["title"] = view.Title,
                    ["date"] = view.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["place"] = view.Place,
                },
                ["workshops"] = archives,
            };
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(document, Indented), "application/json; charset=utf-8", $"journee-{eventId}.json");
        });

    /// <summary>Runs <paramref name="run"/> once the organiser key in the Authorization header opened the event.</summary>
    private static async Task<IResult> AsOrganiser(string eventId, HttpContext http, EventGateway events, IStringLocalizer localizer, Func<EventView, string, Task<IResult>> run)
    {
        if (WorkshopApi.BearerKey(http) is not { } key)
        {
            return WorkshopApi.Refusal(localizer, WorkshopError.AccessDenied, null, StatusCodes.Status401Unauthorized);
        }

        var view = await events.View(eventId, key);
        return view.Value is { } found ? await run(found, key) : WorkshopApi.Refusal(localizer, view.Error, view.Limit);
    }
}
