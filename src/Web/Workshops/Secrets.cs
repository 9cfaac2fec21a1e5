using System.Security.Cryptography;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Workshops;

/// <summary>Random identifiers and keys made by the web server; the grain stores only hashes of the keys.</summary>
public static class Secrets
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A 256-bit key in base64url: facilitator, projector and participant keys.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A workshop id for URLs: 14 symbols of 5 bits, too many to enumerate.</summary>
    public static string NewWorkshopId() => RandomNumberGenerator.GetString(IdAlphabet, 14);

    /// <summary>True for what <see cref="NewWorkshopId"/> can make, so that junk never reaches a grain.</summary>
    public static bool IsWorkshopId(string? id) => id is { Length: 14 } && id.All(c => IdAlphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// The projector key is derived from the facilitator key, so the console can always show the projector link
    /// while the projector link (on a public screen) never reveals the facilitator key.
    /// </summary>
    public static string ProjectorKeyFor(string facilitatorKey) =>
        Base64Url(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(facilitatorKey), "collectiflive/projector"u8));

    /// <summary>
    /// A participant's key, made by the web servers rather than chosen by the client: derived from the cluster's service
    /// key, the workshop and the join's operation id, so a join retried with its operation id (on any web server of the
    /// cluster) yields the same participant and key, and no one without the service key can compute it.
    /// </summary>
    public static string ParticipantKeyFor(ServiceKey service, string workshopId, Guid operationId) =>
        Base64Url(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(service.Secret), System.Text.Encoding.UTF8.GetBytes($"collectiflive/participant/{workshopId}/{operationId:N}")));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
