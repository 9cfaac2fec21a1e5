using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

// The parts of a stored workshop that screens see through a view of their own. The domain owns them, so that a view
// may be renamed or reshaped without losing what storage holds: each keeps the JSON shape (member names and order) of
// the view it was first stored as, and WorkshopProjection turns it into that view.

/// <summary>A column of the wall.</summary>
public sealed record Column(string Id, string Title)
{
    public ColumnView ToView() => new(Id, Title);
}

/// <summary>How the wall behaves (see <see cref="WallSettings"/>, the view and the command's shape).</summary>
public sealed record WallOptions(
    bool SilentWriting,
    bool SilentOnProjector,
    bool PreModeration,
    bool ParticipantsSeeWall,
    bool LateNotes,
    WallLayout ProjectorLayout)
{
    public static readonly WallOptions Default = Of(WallSettings.Default);

    public static WallOptions Of(WallSettings settings) =>
        new(settings.SilentWriting, settings.SilentOnProjector, settings.PreModeration, settings.ParticipantsSeeWall, settings.LateNotes, settings.ProjectorLayout);

    public WallSettings ToView() => new(SilentWriting, SilentOnProjector, PreModeration, ParticipantsSeeWall, LateNotes, ProjectorLayout);
}

/// <summary>What the facilitator has closed.</summary>
public sealed record Locks(bool JoinsClosed, bool NotesClosed)
{
    public static readonly Locks Open = new(false, false);

    public static Locks Of(WorkshopLocks locks) => new(locks.JoinsClosed, locks.NotesClosed);

    public WorkshopLocks ToView() => new(JoinsClosed, NotesClosed);
}

/// <summary>The timer on the server's clock: running until <paramref name="EndsAt"/>, or paused with <paramref name="RemainingSeconds"/> left.</summary>
public sealed record WorkshopTimer(TimerStatus Status, int DurationSeconds, DateTimeOffset? EndsAt, int RemainingSeconds)
{
    public static readonly WorkshopTimer Idle = new(TimerStatus.Idle, 0, null, 0);

    /// <summary>Time left at <paramref name="now"/> (never negative).</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => ToView().RemainingAt(now);

    public TimerView ToView() => new(Status, DurationSeconds, EndsAt, RemainingSeconds);
}

/// <summary>What the projector shows full-screen: a note, a theme, a round's results or a recommendation.</summary>
public sealed record Spotlight(SpotlightKind Kind, string Id)
{
    public static Spotlight Of(SpotlightView spotlight) => new(spotlight.Kind, spotlight.Id);

    public SpotlightView ToView() => new(Kind, Id);
}

/// <summary>How a vote round works, as it was opened (see <see cref="VoteSetup"/> for each member's meaning).</summary>
public sealed record RoundSetup(
    VoteKind Kind,
    string? Question,
    int DotBudget,
    int DotCap,
    VoteTarget Target,
    ImmutableArray<string> Options,
    bool MultipleChoice,
    ScaleRange Scale,
    bool Anonymous,
    bool HideResultsUntilClosed,
    int? TimerSeconds,
    string? Subject = null)
{
    /// <summary>By content, the options included: a setup read back from storage or an archive is the same setup.</summary>
    public bool Equals(RoundSetup? other) =>
        other is not null && Kind == other.Kind && Question == other.Question && DotBudget == other.DotBudget && DotCap == other.DotCap
        && Target == other.Target && (Options.IsDefaultOrEmpty ? other.Options.IsDefaultOrEmpty : !other.Options.IsDefault && Options.SequenceEqual(other.Options))
        && MultipleChoice == other.MultipleChoice && Scale == other.Scale && Anonymous == other.Anonymous
        && HideResultsUntilClosed == other.HideResultsUntilClosed && TimerSeconds == other.TimerSeconds && Subject == other.Subject;

    public override int GetHashCode() => HashCode.Combine(Kind, Question, DotBudget, Subject);

    public static RoundSetup Of(VoteSetup setup) => new(
        setup.Kind,
        setup.Question,
        setup.DotBudget,
        setup.DotCap,
        setup.Target,
        setup.Options,
        setup.MultipleChoice,
        setup.Scale,
        setup.Anonymous,
        setup.HideResultsUntilClosed,
        setup.TimerSeconds,
        setup.Subject);

    public VoteSetup ToView() =>
        new(Kind, Question, DotBudget, DotCap, Target, Options, MultipleChoice, Scale, Anonymous, HideResultsUntilClosed, TimerSeconds, Subject);
}

/// <summary>Something one votes for in a round: a note, a theme, a poll option, a scale value, a word or a consent answer.</summary>
public sealed record RoundItem(string Id, string Label)
{
    public VoteItem ToView() => new(Id, Label);
}
