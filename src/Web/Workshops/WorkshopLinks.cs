namespace CollectifLive.Web.Workshops;

/// <summary>
/// The links a workshop is shared by. Keys travel in the fragment (#cle=…), which browsers never send to the server,
/// so they stay out of access logs and Referer headers.
/// </summary>
public sealed class WorkshopLinks(IConfiguration configuration)
{
    public const string KeyParameter = "cle";

    /// <summary>The address phones use; set PublicBaseUrl when the server is reached by another name than the facilitator's.</summary>
    public Uri BaseFor(string requestBase) =>
        new(configuration["PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBase, UriKind.Absolute);

    /// <summary>The workshop's page for participants: where a kept key comes back; joining there asks for the code.</summary>
    public static string ParticipantPath(string workshopId) => $"/atelier/{workshopId}";

    /// <summary>
    /// The join link (and QR code): the workshop's page, carrying the code the join needs. The workshop id in it is
    /// unguessable, so the link opens the workshop without looking the code up: no wrong-code limit ever refuses it,
    /// even from an address a neighbour's typos blocked, and the workshop itself refuses a code that is no longer its
    /// own. Where a typed code leads too. Old links (<c>/j/CODE</c>) still work, as a typed code.
    /// </summary>
    public static string JoinPagePath(string workshopId, string code, bool remote) =>
        $"/atelier/{workshopId}?code={code}" + (remote ? "&distance=1" : "");

    public static string FacilitatorPath(string workshopId, string facilitatorKey) => $"/animer/{workshopId}#{KeyParameter}={facilitatorKey}";

    /// <summary>Marks a console opened with the organiser's key, which opens the whole day: its page offers no link to copy.</summary>
    public const string OrganiserMark = "organisation";

    /// <summary>A console opened from the organiser's page, with the organiser's key.</summary>
    public static string OrganiserConsolePath(string workshopId, string organiserKey) => $"{FacilitatorPath(workshopId, organiserKey)}&{OrganiserMark}=1";

    /// <summary>Whether a console link is the organiser's (a hint for the page only: the key decides what it may do).</summary>
    public static bool IsOrganiserLink(string uri) => uri.Contains($"&{OrganiserMark}=1", StringComparison.Ordinal);

    /// <summary>The organiser's page of an event, opened with the organiser key like a console.</summary>
    public static string OrganiserPath(string eventId, string organiserKey) => $"/journee/{eventId}#{KeyParameter}={organiserKey}";

    /// <summary>Where a day's code leads, and the day's link and QR code: the list of its ateliers to choose one (the event checks the code).</summary>
    public static string AteliersPath(string eventId, string dayCode, bool remote) =>
        $"/journee/{eventId}/ateliers?code={dayCode}" + (remote ? "&distance=1" : "");

    /// <summary>The printable synthesis of a day.</summary>
    public static string EventSynthesisPath(string eventId, string organiserKey) => $"/journee/{eventId}/synthese#{KeyParameter}={organiserKey}";

    public static string ProjectorPath(string workshopId, string projectorKey) => $"/projection/{workshopId}#{KeyParameter}={projectorKey}";

    /// <summary>The printable synthesis, opened with the facilitator key like the console.</summary>
    public static string SynthesisPath(string workshopId, string facilitatorKey) => $"/animer/{workshopId}/synthese#{KeyParameter}={facilitatorKey}";

    public static string Absolute(Uri baseUri, string path) => new Uri(baseUri, path).ToString();

    /// <summary>The key in a link's fragment, or null.</summary>
    public static string? KeyFromFragment(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return null;
        }

        foreach (var part in uri[(hash + 1)..].Split('&'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == KeyParameter && pair[1].Length > 0)
            {
                return Uri.UnescapeDataString(pair[1]);
            }
        }

        return null;
    }
}
