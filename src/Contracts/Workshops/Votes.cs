using System.Collections.Immutable;

namespace CollectifLive.Workshops;

public enum VoteKind
{
    /// <summary>Vote par gommettes: a budget of dots spread over notes or themes.</summary>
    Dots = 0,

    /// <summary>Sondage: one or several of the options the facilitator typed.</summary>
    Poll = 1,

    /// <summary>Agreement with a statement on a scale.</summary>
    Scale = 2,

    /// <summary>Nuage de mots: answers of one to three words.</summary>
    WordCloud = 3,

    /// <summary>
    /// Tour de consentement on a recommendation (<see cref="VoteSetup.Subject"/>): agree, can live with it, or object
    /// (with a reason). Objections are part of the record.
    /// </summary>
    Consent = 4,
}

/// <summary>The three answers of a consent round, as item ids.</summary>
public static class ConsentAnswers
{
    public const string Agree = "agree";
    public const string LiveWith = "live";
    public const string Objection = "object";

    public static readonly ImmutableArray<string> All = [Agree, LiveWith, Objection];
}

public enum VoteTarget
{
    Notes = 0,
    Themes = 1,
}

public enum ScaleRange
{
    OneToFive = 0,
    ZeroToTen = 1,
}

public enum RoundStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// How a vote round works. <paramref name="Question"/> is the poll's question, the scale's statement or the word
/// cloud's prompt. Dots: <paramref name="DotBudget"/> per participant, at most <paramref name="DotCap"/> on one item.
/// <paramref name="Anonymous"/>: nobody, the facilitator included, sees who voted for what.
/// <paramref name="HideResultsUntilClosed"/>: nobody sees the results before the close, only how many voted.
/// <paramref name="TimerSeconds"/>: when set, opening the round starts the workshop's timer.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.VoteSetup")]
public sealed record VoteSetup(
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
    public bool Equals(VoteSetup? other) =>
        other is not null && Kind == other.Kind && Question == other.Question && DotBudget == other.DotBudget && DotCap == other.DotCap
        && Target == other.Target && (Options.IsDefaultOrEmpty ? other.Options.IsDefaultOrEmpty : !other.Options.IsDefault && Options.SequenceEqual(other.Options))
        && MultipleChoice == other.MultipleChoice && Scale == other.Scale && Anonymous == other.Anonymous
        && HideResultsUntilClosed == other.HideResultsUntilClosed && TimerSeconds == other.TimerSeconds && Subject == other.Subject;

    public override int GetHashCode() => HashCode.Combine(Kind, Question, DotBudget, Subject);

    public static VoteSetup Dots(int budget, int cap, VoteTarget target = VoteTarget.Notes, string? title = null, bool anonymous = true, bool hideResults = false) =>
        new(VoteKind.Dots, title, budget, cap, target, [], false, ScaleRange.OneToFive, anonymous, hideResults, null);

    public static VoteSetup Poll(string question, ImmutableArray<string> options, bool multipleChoice = false, bool anonymous = true, bool hideResults = false) =>
        new(VoteKind.Poll, question, 0, 0, VoteTarget.Notes, options, multipleChoice, ScaleRange.OneToFive, anonymous, hideResults, null);

    public static VoteSetup ScaleOf(string statement, ScaleRange scale = ScaleRange.OneToFive, bool anonymous = true, bool hideResults = false) =>
        new(VoteKind.Scale, statement, 0, 0, VoteTarget.Notes, [], false, scale, anonymous, hideResults, null);

    public static VoteSetup WordCloud(string prompt, bool anonymous = true, bool hideResults = false) =>
        new(VoteKind.WordCloud, prompt, 0, 0, VoteTarget.Notes, [], false, ScaleRange.OneToFive, anonymous, hideResults, null);

    /// <summary>A consent round on a recommendation; its question is the recommendation's title.</summary>
    public static VoteSetup Consent(string recommendationId, bool anonymous = true, bool hideResults = true) =>
        new(VoteKind.Consent, null, 0, 0, VoteTarget.Notes, [], false, ScaleRange.OneToFive, anonymous, hideResults, null, recommendationId);
}

/// <summary>Something one votes for: a note, a theme, a poll option, a scale value or a word.</summary>
[GenerateSerializer, Immutable, Alias("cl.VoteItem")]
public sealed record VoteItem(string Id, string Label);

/// <summary>The votes an item received, by origin; the total is their sum.</summary>
[GenerateSerializer, Immutable, Alias("cl.VoteTally")]
public sealed record VoteTally(string ItemId, string Label, int Room, int Remote, int Paper)
{
    public int Total => Room + Remote + Paper;
}

/// <summary>A round's results, always computed from the ballots (and the paper counts), never kept apart.</summary>
[GenerateSerializer, Immutable, Alias("cl.VoteResults")]
public sealed record VoteResults(ImmutableArray<VoteTally> Tallies)
{
    public bool Equals(VoteResults? other) => other is not null && Tallies.SequenceEqual(other.Tallies);

    public override int GetHashCode() => Tallies.Length;
}

/// <summary>Who voted what: given to the facilitator only, and only for rounds that are not anonymous.</summary>
[GenerateSerializer, Immutable, Alias("cl.BallotView")]
public sealed record BallotView(string ParticipantId, string? DisplayName, ImmutableDictionary<string, int> Marks);

/// <summary>
/// A vote round as one audience sees it: <paramref name="Results"/> is null while results are hidden,
/// <paramref name="Ballots"/> is empty but for the facilitator of a round that is not anonymous.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.VoteRoundView")]
public sealed record VoteRoundView(
    string Id,
    long Seq,
    VoteSetup Setup,
    RoundStatus Status,
    ImmutableArray<VoteItem> Items,
    int Voters,
    VoteResults? Results,
    ImmutableArray<BallotView> Ballots,
    DateTimeOffset OpenedAt,
    ImmutableArray<string> Reasons = default) : IKeyed
{
    /// <summary>By content, arrays included: a round projected again with the same items and results is the same round.</summary>
    public bool Equals(VoteRoundView? other) =>
        other is not null && Id == other.Id && Seq == other.Seq && Setup == other.Setup && Status == other.Status
        && Items.SequenceEqual(other.Items) && Voters == other.Voters && Equals(Results, other.Results)
        && Ballots.SequenceEqual(other.Ballots) && OpenedAt == other.OpenedAt
        && (Reasons.IsDefault ? other.Reasons.IsDefaultOrEmpty : !other.Reasons.IsDefault && Reasons.SequenceEqual(other.Reasons));

    public override int GetHashCode() => HashCode.Combine(Id, Seq, Status, Voters);
}

/// <summary>Ballot marks (item id to count) compared by content, whatever their order.</summary>
public static class VoteMarks
{
    public static bool Same(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(m => b.TryGetValue(m.Key, out var count) && count == m.Value);
}

/// <summary>A participant's own ballot in a round, kept by the round's id, with the reason of an objection.</summary>
[GenerateSerializer, Immutable, Alias("cl.OwnBallot")]
public sealed record OwnBallot(string RoundId, ImmutableDictionary<string, int> Marks, string? Reason = null) : IKeyed
{
    string IKeyed.Id => RoundId;
}
