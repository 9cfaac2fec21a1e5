namespace CollectifLive.Workshops;

/// <summary>A secret presented with a command: the facilitator key, the projector key or a participant key.</summary>
[GenerateSerializer, Immutable, Alias("cl.Credential")]
public sealed record Credential(CredentialKind Kind, string Secret, string? ParticipantId = null)
{
    private const char TokenSeparator = '.';

    public static Credential Facilitator(string secret) => new(CredentialKind.Facilitator, secret);

    public static Credential Projector(string secret) => new(CredentialKind.Projector, secret);

    public static Credential Participant(string participantId, string secret) => new(CredentialKind.Participant, secret, participantId);

    /// <summary>The single string a browser keeps for a participant: "participantId.secret".</summary>
    public string ToParticipantToken() => $"{ParticipantId}{TokenSeparator}{Secret}";

    /// <summary>Reads a participant token; null when it is not of the expected shape.</summary>
    public static Credential? FromParticipantToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        var separator = token.IndexOf(TokenSeparator, StringComparison.Ordinal);
        if (separator <= 0 || separator == token.Length - 1)
        {
            return null;
        }

        return Participant(token[..separator], token[(separator + 1)..]);
    }

    /// <summary>Secrets never reach logs through a record's generated ToString.</summary>
    public override string ToString() => $"Credential {{ Kind = {Kind}, ParticipantId = {ParticipantId} }}";
}
