using System.Security.Cryptography;
using System.Text;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// Turns a presented secret into a role; an event's organiser keys open its workshops' console and projector.
/// Secrets are high-entropy, so one SHA-256 is enough to store them.
/// </summary>
internal static class WorkshopAccess
{
    /// <summary>128 bits in base64url; shorter secrets are refused so that nobody picks a guessable key through the API.</summary>
    public const int SecretMinLength = 22;
    public const int SecretMaxLength = 128;

    public static bool IsWellFormedSecret(string? secret) =>
        secret is { Length: >= SecretMinLength and <= SecretMaxLength } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>True for what <see cref="Hash"/> makes.</summary>
    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigitUpper);

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static Actor? Authenticate(WorkshopState state, Credential credential)
    {
        if (!IsWellFormedSecret(credential.Secret))
        {
            return null;
        }

        return credential.Kind switch
        {
            CredentialKind.Facilitator when Matches(state.FacilitatorKeyHash, credential.Secret) || Matches(state.OrganiserKeyHash, credential.Secret) => Actor.Facilitator,
            CredentialKind.Projector when Matches(state.ProjectorKeyHash, credential.Secret) || Matches(state.OrganiserProjectorKeyHash, credential.Secret) => Actor.Projector,
            CredentialKind.Participant when credential.ParticipantId is { } id
                && state.Participants.TryGetValue(id, out var participant)
                && Matches(participant.KeyHash, credential.Secret) => Actor.Participant(id),
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string? storedHash, string secret) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(secret)));
}
