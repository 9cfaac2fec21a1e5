using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>
/// One audience's view of a workshop at a version, kept by the web server's feed and shared (not copied) by every
/// circuit of that audience. Applying a delta replaces only what changed, so unchanged parts keep their references
/// and components that select them do not re-render.
/// </summary>
public sealed record AudienceModel(
    Audience Audience,
    long Version,
    WorkshopHeader Header,
    ImmutableDictionary<string, NoteView> Notes,
    ImmutableDictionary<string, ParticipantView> Roster,
    ImmutableDictionary<string, ThemeView> Themes,
    ImmutableDictionary<string, VoteRoundView> Rounds,
    ImmutableDictionary<string, RecommendationView> Recommendations)
{
    public static AudienceModel From(AudienceView view, long version) => new(
        view.Audience,
        version,
        view.Header,
        view.Notes.ById(),
        view.Roster.ById(),
        view.Themes.ById(),
        view.Rounds.ById(),
        view.Recommendations.ById());

    public AudienceModel Apply(AudienceDelta delta, long toVersion) => this with
    {
        Version = toVersion,
        Header = delta.Counts is { } counts ? Stable(delta.Header) with { Counts = counts } : Stable(delta.Header),
        Notes = Notes.Apply(delta.Notes),
        Roster = Roster.Apply(delta.Roster),
        Themes = Themes.Apply(delta.Themes),
        Rounds = Rounds.Apply(delta.Rounds),
        Recommendations = Recommendations.Apply(delta.Recommendations),
    };

    /// <summary>
    /// A pushed header arrives with new arrays even when its columns did not change: keep the old array then, so that
    /// components selecting the columns (every phone's composer) do not re-render for a count.
    /// </summary>
    private WorkshopHeader Stable(WorkshopHeader? pushed) =>
        pushed is null ? Header
        : pushed.Columns.SequenceEqual(Header.Columns) ? pushed with { Columns = Header.Columns }
        : pushed;

    /// <summary>The notes of one column in the order they were posted.</summary>
    public IEnumerable<NoteView> NotesIn(string columnId) => Notes.Values.Where(n => n.ColumnId == columnId).OrderBy(n => n.Seq);

    /// <summary>The notes of one theme (or of none, for null) in the order they were posted.</summary>
    public IEnumerable<NoteView> NotesOfTheme(string? themeId) => Notes.Values.Where(n => n.ClusterId == themeId).OrderBy(n => n.Seq);

    public IEnumerable<ThemeView> ThemesInOrder => Themes.Values.OrderBy(c => c.Seq);

    /// <summary>The round open now, if any.</summary>
    public VoteRoundView? OpenRound => Rounds.Values.FirstOrDefault(r => r.Status == RoundStatus.Open);

    /// <summary>The round to show: the open one, else the one closed last.</summary>
    public VoteRoundView? CurrentRound => OpenRound ?? Rounds.Values.OrderByDescending(r => r.Seq).FirstOrDefault();

    public AudienceView ToView() => new(
        Audience,
        Header,
        [.. Notes.Values.OrderBy(n => n.Seq)],
        [.. Roster.Values.OrderBy(p => p.JoinedAt)],
        [.. ThemesInOrder],
        [.. Rounds.Values.OrderBy(r => r.Seq)],
        [.. RecommendationsInOrder]);

    /// <summary>The synthesis' recommendations in the list's order.</summary>
    public IEnumerable<RecommendationView> RecommendationsInOrder => Recommendations.Values.OrderBy(r => r.Rank);
}

/// <summary>What one participant sees of their own (themself, notes, ballots by round), at the version it was read or last changed.</summary>
public sealed record OwnModel(long Version, ParticipantView Me, ImmutableDictionary<string, NoteView> Notes, ImmutableDictionary<string, OwnBallot> Ballots)
{
    public static OwnModel From(OwnView view) => new(view.Version, view.Me, view.Notes.ById(), view.Ballots.ToImmutableDictionary(b => b.RoundId));

    /// <summary>Applies a delta published at <paramref name="toVersion"/>; older than what this slice holds, it is ignored.</summary>
    public OwnModel Apply(OwnDelta delta, long toVersion)
    {
        if (toVersion <= Version)
        {
            return this;
        }

        return this with { Version = toVersion, Me = delta.Me ?? Me, Notes = Notes.Apply(delta.Notes), Ballots = Ballots.Apply(delta.Ballots) };
    }
}
