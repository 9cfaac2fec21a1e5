using System.Globalization;
using System.Text;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.Features.Synthesis.Exports;
using CollectifLive.Web.State;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Api;

/// <summary>Creates a workshop. Empty fields are taken from the template when one is named.</summary>
public sealed record CreateWorkshopRequest(string? Title, string? Question, IReadOnlyList<string>? Columns, string? TemplateId);

/// <summary>Everything needed to run the workshop; the facilitator and projector URLs hold secrets.</summary>
public sealed record CreateWorkshopResponse(
    string WorkshopId,
    string JoinCode,
    string JoinUrl,
    string RemoteJoinUrl,
    string ParticipantUrl,
    string FacilitatorUrl,
    string ProjectorUrl);

public sealed record TemplateResponse(string Id, string Title, string Question, IReadOnlyList<string> Columns);

/// <summary>Moves the workshop to a step (for scripts and remote controls); the facilitator key goes in the Authorization header.</summary>
public sealed record SetPhaseRequest(Phase? Phase);

/// <summary>
/// A vote round to open; what is left out takes the console's defaults (anonymous, results shown live). Send an
/// <paramref name="OperationId"/> of your own to retry safely: the same id opens the round once.
/// </summary>
public sealed record OpenRoundRequest(
    VoteKind Kind,
    string? Question = null,
    int DotBudget = 5,
    int DotCap = 3,
    VoteTarget Target = VoteTarget.Notes,
    IReadOnlyList<string>? Options = null,
    bool MultipleChoice = false,
    ScaleRange Scale = ScaleRange.OneToFive,
    bool Anonymous = true,
    bool HideResultsUntilClosed = false,
    int? TimerSeconds = null,
    Guid? OperationId = null,
    string? RecommendationId = null)
{
    public VoteSetup ToSetup() =>
        new(Kind, Question, DotBudget, DotCap, Target, [.. Options ?? []], MultipleChoice, Scale, Anonymous, HideResultsUntilClosed, TimerSeconds, RecommendationId);
}

/// <summary>The id of the round a POST opened.</summary>
public sealed record OpenRoundResponse(string RoundId);

/// <summary>
/// A recommendation written by a script: <paramref name="Sources"/> are ids of notes, themes or vote rounds. Send an
/// <paramref name="OperationId"/> of your own to retry safely.
/// </summary>
public sealed record AddRecommendationRequest(string? Title, string? Text, IReadOnlyList<string>? Sources, Guid? OperationId = null);

/// <summary>The id of the recommendation a POST wrote.</summary>
public sealed record AddRecommendationResponse(string RecommendationId);

/// <summary>The REST API (documented in docs/api.md).</summary>
public static class WorkshopApi
{
    public static IEndpointRouteBuilder MapWorkshopApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").DisableAntiforgery();
        api.MapGet("/templates", () => WorkshopTemplates.All.Select(t => new TemplateResponse(t.Id, t.Title, t.Question, t.Columns)));
        api.MapPost("/workshops", Create);
        api.MapPost("/workshops/import", Import);
        api.MapGet("/workshops/{workshopId}/export/archive.json", (string workshopId, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
            Export(http, localizer, key => gateway.Archive(workshopId, key), json => Results.File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"atelier-{workshopId}.json")));
        api.MapPost("/workshops/{workshopId}/phase", SetPhase);
        api.MapPost("/workshops/{workshopId}/rounds", OpenRound);
        api.MapPost("/workshops/{workshopId}/rounds/{roundId}/close", CloseRound);
        api.MapPost("/workshops/{workshopId}/recommendations", AddRecommendation);
        api.MapGet("/workshops/{workshopId}/export/markdown", (string workshopId, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer, TimeProvider clock) =>
            Export(http, localizer, key => gateway.FacilitatorView(workshopId, key), wall => Results.File(
                Encoding.UTF8.GetBytes(SynthesisMarkdown.Write(wall, localizer, clock.GetUtcNow())), "text/markdown; charset=utf-8", $"synthese-{workshopId}.md")));
        api.MapGet("/workshops/{workshopId}/export/notes.csv", (string workshopId, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
            Export(http, localizer, key => gateway.FacilitatorView(workshopId, key), wall => Results.File(WorkshopCsv.Notes(wall, localizer).ToBytes(), "text/csv; charset=utf-8", $"idees-{workshopId}.csv")));
        api.MapGet("/workshops/{workshopId}/export/votes.csv", (string workshopId, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
            Export(http, localizer, key => gateway.FacilitatorView(workshopId, key), wall => Results.File(WorkshopCsv.Votes(wall, localizer).ToBytes(), "text/csv; charset=utf-8", $"votes-{workshopId}.csv")));
        return endpoints;
    }

    private static Task<IResult> AddRecommendation(string workshopId, AddRecommendationRequest? request, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
        Facilitate(
            workshopId,
            request is null ? null : new AddRecommendation(request.Title ?? "", request.Text, [.. request.Sources ?? []]),
            http,
            gateway,
            localizer,
            result => Results.Ok(new AddRecommendationResponse(result.Value!)),
            request?.OperationId);

    /// <summary>
    /// What the facilitator key may take away: <paramref name="read"/> fetches it with the caller's key (refused to any
    /// other), <paramref name="render"/> makes the file. Never cached: it holds everything the workshop said.
    /// </summary>
    private static async Task<IResult> Export<T>(HttpContext http, IStringLocalizer localizer, Func<Credential, Task<Outcome<T>>> read, Func<T, IResult> render)
    {
        if (BearerKey(http) is not { } key)
        {
            return Refusal(localizer, WorkshopError.AccessDenied, null, StatusCodes.Status401Unauthorized);
        }

        var outcome = await read(Credential.Facilitator(key));
        if (outcome.Value is not { } value)
        {
            return Refusal(localizer, outcome.Error, outcome.Limit);
        }

        http.Response.Headers.CacheControl = "no-store";
        return render(value);
    }

    internal static string? BearerKey(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static Task<IResult> SetPhase(string workshopId, SetPhaseRequest? request, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
        Facilitate(workshopId, request?.Phase is { } phase ? new SetPhase(phase) : null, http, gateway, localizer, _ => Results.NoContent());

    /// <summary>Opens a vote round (a poll from a script, a dot vote from a remote control); any open round is closed.</summary>
    private static Task<IResult> OpenRound(string workshopId, OpenRoundRequest? request, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
        Facilitate(workshopId, request is null ? null : new OpenVoteRound(request.ToSetup()), http, gateway, localizer, result => Results.Ok(new OpenRoundResponse(result.Value!)), request?.OperationId);

    private static Task<IResult> CloseRound(string workshopId, string roundId, HttpContext http, WorkshopGateway gateway, IStringLocalizer<Strings> localizer) =>
        Facilitate(workshopId, new CloseVoteRound(roundId), http, gateway, localizer, _ => Results.NoContent());

    /// <summary>A facilitator's command: the facilitator key in the Authorization header, checked by the grain.</summary>
    private static async Task<IResult> Facilitate(
        string workshopId,
        WorkshopCommand? command,
        HttpContext http,
        WorkshopGateway gateway,
        IStringLocalizer<Strings> localizer,
        Func<CommandResult, IResult> accepted,
        Guid? operationId = null)
    {
        if (BearerKey(http) is not { } key)
        {
            return Refusal(localizer, WorkshopError.AccessDenied, null, StatusCodes.Status401Unauthorized);
        }

        if (command is null)
        {
            return Refusal(localizer, WorkshopError.InvalidRequest, null);
        }

        var credential = Credential.Facilitator(key);
        var result = await gateway.Execute(workshopId, credential, operationId ?? Guid.NewGuid(), command);
        return result.IsAccepted
            ? accepted(result)
            : Refusal(localizer, result.Error, result.Limit);
    }

    private static async Task<IResult> Create(
        CreateWorkshopRequest? request,
        WorkshopGateway gateway,
        WorkshopLinks links,
        HttpContext http,
        IStringLocalizer<Strings> localizer)
    {
        if (request is null)
        {
            return Refusal(localizer, WorkshopError.InvalidRequest, null);
        }

        var template = WorkshopTemplates.Find(request.TemplateId);
        var title = string.IsNullOrWhiteSpace(request.Title) ? template?.Title ?? "" : request.Title;
        var question = string.IsNullOrWhiteSpace(request.Question) ? template?.Question : request.Question;
        var columns = request.Columns is { Count: > 0 } given ? given : template?.Columns ?? WorkshopTemplates.Blank.Columns;

        return Created(await gateway.Create(CreationTicket.New(), Client.AddressOf(http), title, question, columns, template?.Id), links, http, localizer);
    }

    /// <summary>
    /// A new workshop from an archive (GET …/export/archive.json): a new id, code and keys, answered like a creation.
    /// The body is read up to <see cref="Limits.ArchiveMaxBytes"/>; anything that is not an archive changes nothing.
    /// </summary>
    private static async Task<IResult> Import(HttpContext http, WorkshopGateway gateway, WorkshopLinks links, IStringLocalizer<Strings> localizer)
    {
        if (http.Request.ContentLength > Limits.ArchiveMaxBytes)
        {
            return Refusal(localizer, WorkshopError.ArchiveTooLarge, Limits.ArchiveMaxBytes / (1024 * 1024), StatusCodes.Status413PayloadTooLarge);
        }

        // Read only up to the limit, whatever the request says of its length.
        using var body = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk)) > 0)
        {
            if (body.Length + read > Limits.ArchiveMaxBytes)
            {
                return Refusal(localizer, WorkshopError.ArchiveTooLarge, Limits.ArchiveMaxBytes / (1024 * 1024), StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(chunk, 0, read);
        }

        var json = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        return Created(await gateway.Import(CreationTicket.New(), Client.AddressOf(http), json), links, http, localizer);
    }

    private static IResult Created(Outcome<CreatedWorkshop> outcome, WorkshopLinks links, HttpContext http, IStringLocalizer localizer)
    {
        if (outcome.Value is not { } created)
        {
            return Refusal(localizer, outcome.Error, outcome.Limit, retryAfter: outcome.RetryAfter);
        }

        var response = Links(created, BaseUri(links, http));

        // The answer holds the keys: no cache, shared or private, may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Created(response.ParticipantUrl, response);
    }

    internal static Uri BaseUri(WorkshopLinks links, HttpContext http) =>
        links.BaseFor($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    /// <summary>The links a new workshop is run with, its keys in their fragments.</summary>
    internal static CreateWorkshopResponse Links(CreatedWorkshop created, Uri baseUri) =>
        new(
            created.WorkshopId,
            created.JoinCode,
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.JoinPagePath(created.WorkshopId, created.JoinCode, remote: false)),
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.JoinPagePath(created.WorkshopId, created.JoinCode, remote: true)),
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.ParticipantPath(created.WorkshopId)),
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.FacilitatorPath(created.WorkshopId, created.FacilitatorKey)),
            WorkshopLinks.Absolute(baseUri, WorkshopLinks.ProjectorPath(created.WorkshopId, created.ProjectorKey)));

    internal static IResult Refusal(IStringLocalizer localizer, WorkshopError error, int? limit, int? status = null, TimeSpan? retryAfter = null)
    {
        var problem = Results.Problem(
            title: localizer.Describe(error, limit),
            statusCode: status ?? error switch
            {
                WorkshopError.StorageUnavailable or WorkshopError.Busy => StatusCodes.Status503ServiceUnavailable,
                WorkshopError.WorkshopNotFound or WorkshopError.EventNotFound => StatusCodes.Status404NotFound,
                WorkshopError.AccessDenied or WorkshopError.NotAllowedForRole => StatusCodes.Status403Forbidden,
                WorkshopError.TooManyWorkshopCreations or WorkshopError.TooManyJoinAttempts or WorkshopError.TooManyWrongCodesFromAddress
                    or WorkshopError.TooManyJoins or WorkshopError.TooManyNotesPerMinute => StatusCodes.Status429TooManyRequests,
                WorkshopError.ArchiveTooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status400BadRequest,
            },
            extensions: new Dictionary<string, object?> { ["code"] = error.ToString(), ["limit"] = limit });
        return retryAfter is { } wait ? new RetryAfterResult(problem, wait) : problem;
    }

    /// <summary>A refusal that says when to try again (RFC 9110 Retry-After, whole seconds rounded up).</summary>
    private sealed class RetryAfterResult(IResult problem, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(http);
        }
    }
}
