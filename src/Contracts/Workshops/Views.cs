using System.Text.Json.Serialization;
using System.Collections.Immutable;

namespace CollectifLive.Workshops;

[GenerateSerializer, Immutable, Alias("cl.ColumnView")]
public sealed record ColumnView(string Id, string Title);

/// <summary>Live counts: people in the room and remote, and visible notes by origin.</summary>
[GenerateSerializer, Immutable, Alias("cl.ParticipationCounts")]
public sealed record ParticipationCounts(int InRoom, int Remote, int Notes, int NotesFromRoom, int NotesFromRemote, int NotesFromPaper)
{
    public static readonly ParticipationCounts Zero = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// How the wall behaves. <paramref name="SilentWriting"/>: notes stay unrevealed to other participants until the
/// facilitator reveals them (and to the projector too when <paramref name="SilentOnProjector"/>).
/// <paramref name="PreModeration"/>: participants' notes wait in a queue until accepted.
/// <paramref name="LateNotes"/>: participants may still post during grouping and vote.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.WallSettings")]
public sealed record WallSettings(
    bool SilentWriting,
    bool SilentOnProjector,
    bool PreModeration,
    bool ParticipantsSeeWall,
    bool LateNotes,
    WallLayout ProjectorLayout)
{
    public static readonly WallSettings Default = new(false, true, false, true, false, WallLayout.Columns);
}

/// <summary>What the facilitator has closed.</summary>
[GenerateSerializer, Immutable, Alias("cl.WorkshopLocks")]
public sealed record WorkshopLocks(bool JoinsClosed, bool NotesClosed)
{
    public static readonly WorkshopLocks Open = new(false, false);
}

/// <summary>
/// The timer, on the server's clock: running until <paramref name="EndsAt"/>, or paused with
/// <paramref name="RemainingSeconds"/> left. Screens count down from the remaining time the server gives them.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.TimerView")]
public sealed record TimerView(TimerStatus Status, int DurationSeconds, DateTimeOffset? EndsAt, int RemainingSeconds)
{
    public static readonly TimerView Idle = new(TimerStatus.Idle, 0, null, 0);

    /// <summary>Time left at <paramref name="now"/> (never negative).</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => Status switch
    {
        TimerStatus.Running when EndsAt is { } end => end > now ? end - now : TimeSpan.Zero,
        TimerStatus.Paused => TimeSpan.FromSeconds(RemainingSeconds),
        _ => TimeSpan.Zero,
    };
}

/// <summary>A note or a theme shown full-screen on the projector.</summary>
[GenerateSerializer, Immutable, Alias("cl.SpotlightView")]
public sealed record SpotlightView(SpotlightKind Kind, string Id);

/// <summary>
/// The part of a workshop every screen shows at the top: what it is about, where it stands, who is here.
/// <paramref name="KeyGeneration"/> goes up when the console and projector keys are reissued, so that screens opened
/// with the old keys check them again. <paramref name="Kept"/>: not deleted automatically after the retention period.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.WorkshopHeader")]
public sealed record WorkshopHeader(
    string WorkshopId,
    string Title,
    string? Question,
    ImmutableArray<ColumnView> Columns,
    string JoinCode,
    ParticipationCounts Counts,
    DateTimeOffset CreatedAt,
    Phase Phase,
    WallSettings Settings,
    WorkshopLocks Locks,
    TimerView Timer,
    SpotlightView? Spotlight,
    int PendingNotes,
    string? EventId = null,
    int KeyGeneration = 0,
    bool Kept = false);

/// <summary>
/// A note as one audience may see it; author fields are only filled for the facilitator and the author, and only
/// they ever see a note that is pending, hidden, or (for other participants) not yet revealed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.NoteView")]
public sealed record NoteView(
    string Id,
    long Seq,
    string ColumnId,
    string Text,
    NoteColour Colour,
    Presence Origin,
    string? AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    NoteStatus Status,
    bool Revealed,
    string? ClusterId,
    DateTimeOffset? EditedAt,
    bool KeptAsDisagreement = false) : IKeyed;

/// <summary>A theme that notes are grouped into.</summary>
[GenerateSerializer, Immutable, Alias("cl.ThemeView")]
public sealed record ThemeView(string Id, long Seq, string Name) : IKeyed;

/// <summary>A participant as the facilitator sees them, and as a participant sees themself.</summary>
[GenerateSerializer, Immutable, Alias("cl.ParticipantView")]
public sealed record ParticipantView(string Id, string? DisplayName, Presence Presence, DateTimeOffset JoinedAt, bool Blocked) : IKeyed;

/// <summary>A whole workshop as one audience sees it.</summary>
[GenerateSerializer, Immutable, Alias("cl.AudienceView")]
public sealed record AudienceView(
    Audience Audience,
    WorkshopHeader Header,
    ImmutableArray<NoteView> Notes,
    ImmutableArray<ParticipantView> Roster,
    ImmutableArray<ThemeView> Themes,
    ImmutableArray<VoteRoundView> Rounds,
    ImmutableArray<RecommendationView> Recommendations);

/// <summary>
/// What changed for one audience: the header when more than its counts changed, else the counts alone when they
/// changed (every note and every join changes them: the title, question, columns and settings are not sent again),
/// and each kind of item's changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.AudienceDelta")]
public sealed record AudienceDelta(
    WorkshopHeader? Header,
    Changes<NoteView> Notes,
    Changes<ParticipantView> Roster,
    Changes<ThemeView> Themes,
    Changes<VoteRoundView> Rounds,
    Changes<RecommendationView> Recommendations,
    ParticipationCounts? Counts = null)
{
    public static readonly AudienceDelta Empty = new(
        null, Changes.None<NoteView>(), Changes.None<ParticipantView>(), Changes.None<ThemeView>(), Changes.None<VoteRoundView>(), Changes.None<RecommendationView>());

    [JsonIgnore]
    public bool IsEmpty => Header is null && Counts is null && Notes.IsEmpty && Roster.IsEmpty && Themes.IsEmpty && Rounds.IsEmpty && Recommendations.IsEmpty;
}

/// <summary>What one participant sees of their own: themself, their notes whatever the wall shows, their ballots.</summary>
[GenerateSerializer, Immutable, Alias("cl.OwnView")]
public sealed record OwnView(long Version, ParticipantView Me, ImmutableArray<NoteView> Notes, ImmutableArray<OwnBallot> Ballots);

/// <summary>What changed in one participant's own slice: themself, their notes, their ballots (removed: withdrawn or discarded).</summary>
[GenerateSerializer, Immutable, Alias("cl.OwnDelta")]
public sealed record OwnDelta(string ParticipantId, ParticipantView? Me, Changes<NoteView> Notes, Changes<OwnBallot> Ballots)
{
    [JsonIgnore]
    public bool IsEmpty => Me is null && Notes.IsEmpty && Ballots.IsEmpty;
}

/// <summary>
/// Everything that became durable in one storage write, covering versions <paramref name="FromVersion"/> to
/// <paramref name="ToVersion"/>, already cut per audience. Pushed to each web server's feed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.WorkshopChange")]
public sealed record WorkshopChange(
    string WorkshopId,
    long FromVersion,
    long ToVersion,
    AudienceDelta Facilitator,
    AudienceDelta Projector,
    AudienceDelta Participants,
    ImmutableArray<OwnDelta> Private)
{
    public AudienceDelta For(Audience audience) => audience switch
    {
        Audience.Facilitator => Facilitator,
        Audience.Projector => Projector,
        _ => Participants,
    };
}

/// <summary>The three shared views at one version, pulled by a feed on (re)subscription or on a version gap.</summary>
[GenerateSerializer, Immutable, Alias("cl.FeedSnapshot")]
public sealed record FeedSnapshot(long Version, AudienceView Facilitator, AudienceView Projector, AudienceView Participants)
{
    public AudienceView For(Audience audience) => audience switch
    {
        Audience.Facilitator => Facilitator,
        Audience.Projector => Projector,
        _ => Participants,
    };
}
