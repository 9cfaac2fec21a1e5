using System.Collections.Immutable;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

public enum SessionStatus
{
    /// <summary>Nothing asked yet (the page has not read its key).</summary>
    Idle,
    Opening,

    /// <summary>A participant without a valid key: the join form is shown.</summary>
    NeedsJoin,
    Joining,
    Ready,

    /// <summary>Opening failed for good: unknown workshop, refused key.</summary>
    Failed,
}

/// <summary>A refusal to show to the user, in their language, with the limit it quotes.</summary>
public sealed record Notice(WorkshopError Error, int? Limit = null);

/// <summary>
/// The last command the grain refused, numbered so that a component can tell a new refusal from an old one (and
/// restore what the user typed, or rebuild a checkbox the browser ticked ahead of the server).
/// </summary>
public sealed record Refusal(WorkshopCommand Command, int Number);

/// <summary>A note on its way to the grain, known by its operation id until it is durable.</summary>
public sealed record NoteSubmission(Guid OperationId, bool Sending, Notice? Refusal);

/// <summary>
/// The ballot as the participant last set it, shown at once while it travels; <paramref name="Saved"/> once the grain
/// stored exactly these marks. A refused ballot is dropped, and the stored one shows again.
/// </summary>
public sealed record BallotDraft(string RoundId, ImmutableDictionary<string, int> Marks, bool Saved);

/// <summary>
/// Everything one circuit knows about the workshop it shows. While the own slice is being read (at opening, or again
/// after the feed resynced), feed updates are also kept in <see cref="OwnBacklog"/> so that their private parts
/// can be applied on top of what is read. <see cref="KeyGeneration"/> is the generation of the console or projector
/// keys this screen's key was last proven against; <see cref="JoinOperation"/> the operation id of the join to try.
/// </summary>
public sealed record WorkshopSessionState(
    SessionStatus Status,
    string? WorkshopId,
    Audience Audience,
    Credential? Credential,
    AudienceModel? Shared,
    OwnModel? Own,
    bool OwnStale,
    ImmutableList<FeedUpdate> OwnBacklog,
    NoteSubmission? Submission,
    Notice? Notice,
    Refusal? LastRefusal = null,
    BallotDraft? Ballot = null,
    int KeyGeneration = 0,
    Guid JoinOperation = default)
{
    public static readonly WorkshopSessionState Initial = new(SessionStatus.Idle, null, Audience.Participants, null, null, null, false, [], null, null);

    public WorkshopHeader? Header => Shared?.Header;
}
