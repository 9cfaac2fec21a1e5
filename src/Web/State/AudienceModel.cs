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
    ImmutableDictionary<string, ClusterView> Clusters,
    ImmutableDictionary<string, VoteRoundView> Rounds)
{
    public static AudienceModel From(AudienceView view, long version) => new(
        view.Audience,
        version,
        view.Header,
        view.Notes.ToImmutableDictionary(n => n.Id),
        view.Roster.ToImmutableDictionary(p => p.Id),
        view.Clusters.ToImmutableDictionary(c => c.Id),
        view.Rounds.ToImmutableDictionary(r => r.Id));

    public AudienceModel Apply(AudienceDelta delta, long toVersion) => this with
    {
        Version = toVersion,
        Header = Stable(delta.Header),
        Notes = Replaced(Notes, delta.RemovedNotes, delta.Notes, n => n.Id),
        Roster = Replaced(Roster, delta.RemovedRoster, delta.Roster, p => p.Id),
        Clusters = Replaced(Clusters, delta.RemovedClusters, delta.Clusters, c => c.Id),
        Rounds = Replaced(Rounds, delta.RemovedRounds, delta.Rounds, r => r.Id),
    };

    /// <summary>Items removed, then items replaced by id; with nothing to do, the same dictionary (so slices stay equal).</summary>
    internal static ImmutableDictionary<string, T> Replaced<T>(
        ImmutableDictionary<string, T> items, ImmutableArray<string> removed, ImmutableArray<T> upserts, Func<T, string> key)
    {
        if (!removed.IsEmpty)
        {
            items = items.RemoveRange(removed);
        }

        return upserts.IsEmpty ? items : items.SetItems(upserts.Select(item => KeyValuePair.Create(key(item), item)));
    }

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
    public IEnumerable<NoteView> NotesOfCluster(string? clusterId) => Notes.Values.Where(n => n.ClusterId == clusterId).OrderBy(n => n.Seq);

    public IEnumerable<ClusterView> ClustersInOrder => Clusters.Values.OrderBy(c => c.Seq);

    /// <summary>The round open now, if any.</summary>
    public VoteRoundView? OpenRound => Rounds.Values.FirstOrDefault(r => r.Status == RoundStatus.Open);

    /// <summary>The round to show: the open one, else the one closed last.</summary>
    public VoteRoundView? CurrentRound => OpenRound ?? Rounds.Values.OrderByDescending(r => r.Seq).FirstOrDefault();

    public AudienceView ToView() => new(
        Audience,
        Header,
        [.. Notes.Values.OrderBy(n => n.Seq)],
        [.. Roster.Values.OrderBy(p => p.JoinedAt)],
        [.. ClustersInOrder],
        [.. Rounds.Values.OrderBy(r => r.Seq)]);
}

/// <summary>What one participant sees of their own (themself, notes, ballots by round), at the version it was read or last changed.</summary>
public sealed record OwnModel(long Version, ParticipantView Me, ImmutableDictionary<string, NoteView> Notes, ImmutableDictionary<string, ImmutableDictionary<string, int>> Ballots)
{
    public static OwnModel From(OwnView view) => new(
        view.Version,
        view.Me,
        view.Notes.ToImmutableDictionary(n => n.Id),
        view.Ballots.ToImmutableDictionary(b => b.RoundId, b => b.Marks));

    /// <summary>Applies a delta published at <paramref name="toVersion"/>; older than what this slice holds, it is ignored.</summary>
    public OwnModel Apply(OwnDelta delta, long toVersion)
    {
        if (toVersion <= Version)
        {
            return this;
        }

        var notes = AudienceModel.Replaced(Notes, delta.RemovedNotes, delta.Notes, n => n.Id);
        var ballots = Ballots;
        foreach (var ballot in delta.Ballots)
        {
            ballots = ballot.Marks.IsEmpty ? ballots.Remove(ballot.RoundId) : ballots.SetItem(ballot.RoundId, ballot.Marks);
        }

        return this with { Version = toVersion, Me = delta.Me ?? Me, Notes = notes, Ballots = ballots };
    }
}
