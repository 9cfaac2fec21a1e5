namespace CollectifLive.Workshops;

/// <summary>
/// The answer to a command: accepted at a version (durable once returned), or refused with an error that changed nothing.
/// <paramref name="Value"/> carries what the command created (a note id, a participant id, a join code).
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.CommandResult")]
public sealed record CommandResult(WorkshopError Error, long Version, string? Value = null, int? Limit = null)
{
    public bool IsAccepted => Error == WorkshopError.None;

    public static CommandResult Accepted(long version, string? value = null) => new(WorkshopError.None, version, value);

    public static CommandResult Refused(WorkshopError error, int? limit = null) => new(error, 0, null, limit);
}

/// <summary>What a credential gives access to, and for a participant their own slice at <see cref="OwnView.Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("cl.AccessResult")]
public sealed record AccessResult(WorkshopError Error, CredentialKind Role, OwnView? Own)
{
    public bool IsGranted => Error == WorkshopError.None;

    public static AccessResult Denied(WorkshopError error) => new(error, CredentialKind.Participant, null);
}

/// <summary>A workshop's archive (JSON, format collectiflive/1), or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("cl.ArchiveResult")]
public sealed record ArchiveResult(WorkshopError Error, string? Json);

/// <summary>The answer to a feed's request for a snapshot: none when the feed is already at the current version.</summary>
[GenerateSerializer, Immutable, Alias("cl.FeedSync")]
public sealed record FeedSync(WorkshopError Error, long Version, FeedSnapshot? Snapshot);
