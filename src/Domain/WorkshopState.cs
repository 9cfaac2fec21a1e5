using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// The whole durable state of one workshop. Immutable: every accepted command makes a new one.
/// <paramref name="PastJoinCodes"/>: codes it had before a rotation, still reserved to it until it is deleted.
/// </summary>
public sealed record WorkshopState(
    string Id,
    long Version,
    DateTimeOffset CreatedAt,
    string Title,
    string? Question,
    ImmutableArray<Column> Columns,
    string? TemplateId,
    string JoinCode,
    string FacilitatorKeyHash,
    string ProjectorKeyHash,
    ImmutableDictionary<string, Participant> Participants,
    ImmutableDictionary<string, Note> Notes,
    long NextSeq,
    Phase Phase,
    WallOptions Settings,
    Locks Locks,
    WorkshopTimer Timer,
    Spotlight? Spotlight,
    ImmutableDictionary<string, Cluster> Clusters,
    ImmutableDictionary<string, VoteRound> Rounds,
    ImmutableDictionary<string, Recommendation> Recommendations,
    string? EventId = null,
    string? OrganiserKeyHash = null,
    string? OrganiserProjectorKeyHash = null,
    ImmutableArray<string> PastJoinCodes = default,
    int KeyGeneration = 0,
    bool Kept = false)
{
    public bool HasColumn(string? columnId) => Columns.Any(c => c.Id == columnId);

    /// <summary>
    /// Fills what an older stored shape lacks (read from JSON, missing members come back null), so the rest of the
    /// code can trust the declared types.
    /// </summary>
    public WorkshopState Upgraded() => this with
    {
        Settings = Settings ?? WallOptions.Default,
        Locks = Locks ?? Locks.Open,
        Timer = Timer ?? WorkshopTimer.Idle,
        Clusters = Clusters ?? ImmutableDictionary<string, Cluster>.Empty,
        Rounds = Rounds ?? ImmutableDictionary<string, VoteRound>.Empty,
        Recommendations = Recommendations ?? ImmutableDictionary<string, Recommendation>.Empty,
        PastJoinCodes = PastJoinCodes.IsDefault ? [] : PastJoinCodes,
    };

    /// <summary>Every code this workshop holds: the current one and those it had before.</summary>
    public IEnumerable<string> AllJoinCodes => PastJoinCodes.IsDefault ? [JoinCode] : [JoinCode, .. PastJoinCodes];

    public VoteRound? OpenRound => Rounds.Values.FirstOrDefault(r => r.Status == RoundStatus.Open);
}

/// <summary>A participant; one who left keeps only their presence (for the counts), with no name and no key.</summary>
public sealed record Participant(string Id, string? DisplayName, Presence Presence, string KeyHash, DateTimeOffset JoinedAt, bool Blocked = false, bool Left = false);

/// <summary>
/// A note keeps a stable id and its author for life, so the synthesis can link back to it. Moderation and grouping
/// change its status and theme; nothing but a deletion removes it.
/// </summary>
public sealed record Note(
    string Id,
    long Seq,
    string ColumnId,
    string Text,
    NoteColour Colour,
    Presence Origin,
    string? AuthorId,
    DateTimeOffset CreatedAt,
    NoteStatus Status = NoteStatus.Visible,
    bool Revealed = true,
    string? ClusterId = null,
    DateTimeOffset? EditedAt = null,
    bool KeptAsDisagreement = false);

/// <summary>
/// A vote round and everything cast in it. Results are never stored: they are computed from the ballots and the
/// paper counts each time they are shown (WorkshopProjection), so they cannot drift from what was cast.
/// <paramref name="ClosedItems"/>: the notes or themes a dot vote was on when it closed, so that its results stay
/// as they were counted when the wall changes afterwards (a note deleted, a theme renamed).
/// </summary>
public sealed record VoteRound(
    string Id,
    long Seq,
    RoundSetup Setup,
    RoundStatus Status,
    ImmutableArray<RoundItem> Options,
    ImmutableDictionary<string, Ballot> Ballots,
    ImmutableDictionary<string, int> Paper,
    ImmutableDictionary<string, string> Merges,
    DateTimeOffset OpenedAt,
    ImmutableArray<RoundItem>? ClosedItems = null);

/// <summary>
/// One participant's ballot in a round; the presence is kept so results show room and remote apart, and the reason
/// of an objection in a consent round.
/// </summary>
public sealed record Ballot(string ParticipantId, Presence Presence, ImmutableDictionary<string, int> Marks, DateTimeOffset At, string? Reason = null);

/// <summary>
/// A recommendation (préconisation) of the synthesis: where it stands in the list, what it says, what it comes from
/// (ids of notes, themes and vote rounds, kept even when those are later deleted, so the record says what was
/// linked), and the points of disagreement that no vote removes.
/// </summary>
public sealed record Recommendation(
    string Id,
    long Seq,
    int Rank,
    string Title,
    string? Text,
    bool Priority,
    ImmutableArray<string> Sources,
    ImmutableArray<Disagreement> Disagreements,
    DateTimeOffset CreatedAt);

/// <summary>What a minority said against a recommendation, and the notes that say it.</summary>
public sealed record Disagreement(string Id, string Text, ImmutableArray<string> NoteIds);

/// <summary>A theme notes are grouped into.</summary>
public sealed record Cluster(string Id, long Seq, string Name, DateTimeOffset CreatedAt);

/// <summary>Who is acting, as established from their credential by <see cref="WorkshopAccess"/>.</summary>
internal sealed record Actor(CredentialKind Role, string? ParticipantId = null)
{
    public static readonly Actor Facilitator = new(CredentialKind.Facilitator);
    public static readonly Actor Projector = new(CredentialKind.Projector);

    public static Actor Participant(string id) => new(CredentialKind.Participant, id);

    public bool IsFacilitator => Role == CredentialKind.Facilitator;
}
