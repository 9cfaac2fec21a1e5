using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops.Domain;

/// <summary>
/// Cuts the state into what each audience may see. Everything that leaves the grain goes through here, so a note an
/// audience may not see (pending, hidden, not yet revealed, or a wall kept from participants) is never in its views
/// or deltas: not greyed out, absent.
/// </summary>
public static class WorkshopProjection
{
    /// <summary>Whether <paramref name="audience"/> sees <paramref name="note"/> at all.</summary>
    public static bool Sees(WorkshopState state, Note note, Audience audience) => audience switch
    {
        Audience.Facilitator => true,
        Audience.Projector => note.Status == NoteStatus.Visible && (note.Revealed || !state.Settings.SilentOnProjector),
        _ => note.Status == NoteStatus.Visible && note.Revealed && state.Settings.ParticipantsSeeWall,
    };

    public static WorkshopHeader Header(WorkshopState state, Audience audience)
    {
        int inRoom = 0, remote = 0;
        foreach (var participant in state.Participants.Values)
        {
            if (participant.Presence == Presence.Remote)
            {
                remote++;
            }
            else
            {
                inRoom++;
            }
        }

        int fromRoom = 0, fromRemote = 0, fromPaper = 0, pending = 0;
        foreach (var note in state.Notes.Values)
        {
            if (note.Status == NoteStatus.Pending)
            {
                pending++;
            }

            if (note.Status != NoteStatus.Visible)
            {
                continue;
            }

            switch (note.Origin)
            {
                case Presence.Remote: fromRemote++; break;
                case Presence.Paper: fromPaper++; break;
                default: fromRoom++; break;
            }
        }

        return new WorkshopHeader(
            state.Id,
            state.Title,
            state.Question,
            state.Columns,
            state.JoinCode,
            new ParticipationCounts(inRoom, remote, fromRoom + fromRemote + fromPaper, fromRoom, fromRemote, fromPaper),
            state.CreatedAt,
            state.Phase,
            state.Settings,
            state.Locks,
            state.Timer,
            state.Spotlight,
            audience == Audience.Facilitator ? pending : 0);
    }

    /// <summary>The note as <paramref name="audience"/> sees it, or null when it may not see it.</summary>
    public static NoteView? NoteFor(WorkshopState state, Note note, Audience audience) =>
        Sees(state, note, audience) ? View(state, note, withAuthor: audience == Audience.Facilitator) : null;

    public static ParticipantView ParticipantFor(Participant participant) =>
        new(participant.Id, participant.DisplayName, participant.Presence, participant.JoinedAt, participant.Blocked);

    public static ClusterView ClusterFor(Cluster cluster) => new(cluster.Id, cluster.Seq, cluster.Name);

    /// <summary>Themes are part of the wall: participants get them only while they may see it.</summary>
    public static bool SeesClusters(WorkshopState state, Audience audience) =>
        audience != Audience.Participants || state.Settings.ParticipantsSeeWall;

    public static AudienceView View(WorkshopState state, Audience audience)
    {
        var notes = state.Notes.Values
            .OrderBy(n => n.Seq)
            .Select(n => NoteFor(state, n, audience))
            .OfType<NoteView>()
            .ToImmutableArray();
        var roster = audience == Audience.Facilitator
            ? state.Participants.Values.OrderBy(p => p.JoinedAt).Select(ParticipantFor).ToImmutableArray()
            : [];
        ImmutableArray<ClusterView> clusters = SeesClusters(state, audience) ? [.. state.Clusters.Values.OrderBy(c => c.Seq).Select(ClusterFor)] : [];
        ImmutableArray<VoteRoundView> rounds = [.. state.Rounds.Values.OrderBy(r => r.Seq).Select(r => RoundFor(state, r, audience))];
        return new AudienceView(audience, Header(state, audience), notes, roster, clusters, rounds);
    }

    public static FeedSnapshot Snapshot(WorkshopState state) =>
        new(state.Version, View(state, Audience.Facilitator), View(state, Audience.Projector), View(state, Audience.Participants));

    public static OwnView Own(WorkshopState state, string participantId)
    {
        var me = state.Participants[participantId];
        var notes = state.Notes.Values
            .Where(n => n.AuthorId == participantId)
            .OrderBy(n => n.Seq)
            .Select(n => View(state, n, withAuthor: true))
            .ToImmutableArray();
        ImmutableArray<OwnBallot> ballots =
        [
            .. state.Rounds.Values.OrderBy(r => r.Seq)
                .Where(r => r.Ballots.ContainsKey(participantId))
                .Select(r => new OwnBallot(r.Id, r.Ballots[participantId].Marks)),
        ];
        return new OwnView(state.Version, ParticipantFor(me), notes, ballots);
    }

    /// <summary>
    /// A vote round as an audience sees it. Results are counted here, from the ballots and paper counts, every time;
    /// none while they are hidden, for anyone (the console may be on the big screen too). Who voted what goes to the
    /// facilitator only, only if the round is not anonymous, and not while results are hidden (it would tell them).
    /// </summary>
    public static VoteRoundView RoundFor(WorkshopState state, VoteRound round, Audience audience)
    {
        var hidden = round.Setup.HideResultsUntilClosed && round.Status == RoundStatus.Open;

        // A word cloud's items are the answers given: hidden results hide them too.
        var items = hidden && round.Setup.Kind == VoteKind.WordCloud ? [] : Workshop.VoteItems(state, round);
        ImmutableArray<BallotView> ballots = audience == Audience.Facilitator && !round.Setup.Anonymous && !hidden
            ? [.. round.Ballots.Values.OrderBy(b => b.At).Select(b => new BallotView(b.ParticipantId, state.Participants.GetValueOrDefault(b.ParticipantId)?.DisplayName, b.Marks))]
            : [];
        return new VoteRoundView(round.Id, round.Seq, round.Setup, round.Status, items, round.Ballots.Count, hidden ? null : Tally(round, items), ballots, round.OpenedAt);
    }

    /// <summary>Each item's votes by origin; merged word-cloud answers count (once per voter) for the answer they were merged into.</summary>
    public static VoteResults Tally(VoteRound round, ImmutableArray<VoteItem> items)
    {
        var room = new Dictionary<string, int>();
        var remote = new Dictionary<string, int>();
        foreach (var ballot in round.Ballots.Values)
        {
            var counts = ballot.Presence == Presence.Remote ? remote : room;
            if (round.Setup.Kind == VoteKind.WordCloud)
            {
                // Two answers of one voter merged into the same word count once for it.
                foreach (var item in ballot.Marks.Keys.Select(k => round.Merges.GetValueOrDefault(k, k)).Distinct())
                {
                    counts[item] = counts.GetValueOrDefault(item) + 1;
                }

                continue;
            }

            foreach (var (item, marks) in ballot.Marks)
            {
                counts[item] = counts.GetValueOrDefault(item) + marks;
            }
        }

        return new VoteResults(
        [
            .. items.Select(i => new VoteTally(i.Id, i.Label, room.GetValueOrDefault(i.Id), remote.GetValueOrDefault(i.Id), round.Paper.GetValueOrDefault(i.Id))),
        ]);
    }

    /// <summary>The per-audience difference between two states, limited to what <paramref name="touched"/> names.</summary>
    public static WorkshopChange Change(WorkshopState? before, WorkshopState after, ChangeTracker touched)
    {
        var notes = touched.AllNotes
            ? [.. after.Notes.Keys.Concat(before?.Notes.Keys ?? []).Distinct()]
            : touched.Notes.ToList();

        // Rounds are counted once per write: the projector and the participants see the same round.
        var rounds = TouchedRounds(before, after, touched);
        var forFacilitator = RoundChanges(before, after, rounds, Audience.Facilitator);
        var forEveryone = RoundChanges(before, after, rounds, Audience.Participants);
        return new WorkshopChange(
            after.Id,
            (before?.Version ?? 0) + 1,
            after.Version,
            Delta(before, after, touched, notes, Audience.Facilitator, forFacilitator),
            Delta(before, after, touched, notes, Audience.Projector, forEveryone),
            Delta(before, after, touched, notes, Audience.Participants, forEveryone),
            OwnDeltas(before, after, touched, notes));
    }

    /// <summary>
    /// The rounds a write changed: directly, or for the open dot vote, through the notes or themes it is on when they
    /// changed what one may vote for (a closed round keeps the items it closed with).
    /// </summary>
    private static List<string> TouchedRounds(WorkshopState? before, WorkshopState after, ChangeTracker touched)
    {
        var rounds = touched.Rounds.ToList();
        if (after.OpenRound is { Setup.Kind: VoteKind.Dots } open && !rounds.Contains(open.Id)
            && (open.Setup.Target == VoteTarget.Notes ? touched.NoteItems : touched.ThemeItems)
            && (before?.Rounds.GetValueOrDefault(open.Id) is not { } earlier
                || !Workshop.VoteItems(before, earlier).SequenceEqual(Workshop.VoteItems(after, open))))
        {
            rounds.Add(open.Id);
        }

        return rounds;
    }

    private static (ImmutableArray<VoteRoundView> Upserts, ImmutableArray<string> Removed) RoundChanges(
        WorkshopState? before, WorkshopState after, List<string> roundIds, Audience audience)
    {
        var upserts = ImmutableArray.CreateBuilder<VoteRoundView>();
        var removed = ImmutableArray.CreateBuilder<string>();
        foreach (var roundId in roundIds)
        {
            if (after.Rounds.TryGetValue(roundId, out var round))
            {
                upserts.Add(RoundFor(after, round, audience));
            }
            else if (before?.Rounds.ContainsKey(roundId) == true)
            {
                removed.Add(roundId);
            }
        }

        return (upserts.ToImmutable(), removed.ToImmutable());
    }

    private static AudienceDelta Delta(
        WorkshopState? before,
        WorkshopState after,
        ChangeTracker touched,
        List<string> noteIds,
        Audience audience,
        (ImmutableArray<VoteRoundView> Upserts, ImmutableArray<string> Removed) rounds)
    {
        var notes = ImmutableArray.CreateBuilder<NoteView>();
        var removed = ImmutableArray.CreateBuilder<string>();
        foreach (var noteId in noteIds)
        {
            var was = before is not null && before.Notes.TryGetValue(noteId, out var old) ? NoteFor(before, old, audience) : null;
            var now = after.Notes.TryGetValue(noteId, out var current) ? NoteFor(after, current, audience) : null;
            if (now is not null && now != was)
            {
                notes.Add(now);
            }
            else if (now is null && was is not null)
            {
                removed.Add(noteId);
            }
        }

        var roster = ImmutableArray.CreateBuilder<ParticipantView>();
        if (audience == Audience.Facilitator)
        {
            foreach (var participantId in touched.Participants)
            {
                roster.Add(ParticipantFor(after.Participants[participantId]));
            }
        }

        var clusters = ImmutableArray.CreateBuilder<ClusterView>();
        var removedClusters = ImmutableArray.CreateBuilder<string>();
        var clusterIds = touched.AllNotes ? after.Clusters.Keys.Concat(before?.Clusters.Keys ?? []).Distinct() : touched.Clusters;
        foreach (var clusterId in clusterIds)
        {
            var was = before is not null && SeesClusters(before, audience) && before.Clusters.TryGetValue(clusterId, out var old) ? ClusterFor(old) : null;
            var now = SeesClusters(after, audience) && after.Clusters.TryGetValue(clusterId, out var cluster) ? ClusterFor(cluster) : null;
            if (now is not null && now != was)
            {
                clusters.Add(now);
            }
            else if (now is null && was is not null)
            {
                removedClusters.Add(clusterId);
            }
        }

        var header = touched.Header ? Header(after, audience) : null;
        if (header is null && notes.Count == 0 && removed.Count == 0 && roster.Count == 0 && clusters.Count == 0 && removedClusters.Count == 0
            && rounds.Upserts.IsEmpty && rounds.Removed.IsEmpty)
        {
            return AudienceDelta.Empty;
        }

        notes.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return new AudienceDelta(
            header,
            notes.ToImmutable(),
            removed.ToImmutable(),
            roster.ToImmutable(),
            [],
            clusters.ToImmutable(),
            removedClusters.ToImmutable(),
            rounds.Upserts,
            rounds.Removed);
    }

    /// <summary>Each participant's own notes and self, where they changed.</summary>
    private static ImmutableArray<OwnDelta> OwnDeltas(WorkshopState? before, WorkshopState after, ChangeTracker touched, List<string> noteIds)
    {
        var own = new Dictionary<string, (List<NoteView> Notes, List<string> Removed, ParticipantView? Me, List<OwnBallot> Ballots)>();
        (List<NoteView> Notes, List<string> Removed, ParticipantView? Me, List<OwnBallot> Ballots) For(string participantId)
        {
            if (!own.TryGetValue(participantId, out var entry))
            {
                entry = ([], [], null, []);
                own[participantId] = entry;
            }

            return entry;
        }

        foreach (var roundId in touched.BallotRounds)
        {
            var was = before?.Rounds.GetValueOrDefault(roundId)?.Ballots ?? ImmutableDictionary<string, Ballot>.Empty;
            var now = after.Rounds.GetValueOrDefault(roundId)?.Ballots ?? ImmutableDictionary<string, Ballot>.Empty;
            foreach (var participantId in was.Keys.Concat(now.Keys).Distinct())
            {
                var ballot = now.GetValueOrDefault(participantId);
                if (!ReferenceEquals(ballot, was.GetValueOrDefault(participantId)) && after.Participants.ContainsKey(participantId))
                {
                    For(participantId).Ballots.Add(new OwnBallot(roundId, ballot?.Marks ?? ImmutableDictionary<string, int>.Empty));
                }
            }
        }

        foreach (var noteId in noteIds)
        {
            var old = before?.Notes.GetValueOrDefault(noteId);
            var current = after.Notes.GetValueOrDefault(noteId);
            if ((current ?? old)?.AuthorId is not { } authorId || !after.Participants.ContainsKey(authorId))
            {
                continue;
            }

            var was = old is null ? null : View(before!, old, withAuthor: true);
            var now = current is null ? null : View(after, current, withAuthor: true);
            if (now is not null && now != was)
            {
                For(authorId).Notes.Add(now);
            }
            else if (now is null && was is not null)
            {
                For(authorId).Removed.Add(noteId);
            }
        }

        foreach (var participantId in touched.Participants)
        {
            own[participantId] = For(participantId) with { Me = ParticipantFor(after.Participants[participantId]) };
        }

        return [.. own.Select(o => new OwnDelta(o.Key, o.Value.Me, [.. o.Value.Notes.OrderBy(n => n.Seq)], [.. o.Value.Removed], [.. o.Value.Ballots]))];
    }

    private static NoteView View(WorkshopState state, Note note, bool withAuthor)
    {
        var author = withAuthor && note.AuthorId is { } id ? state.Participants.GetValueOrDefault(id) : null;
        return new NoteView(
            note.Id,
            note.Seq,
            note.ColumnId,
            note.Text,
            note.Colour,
            note.Origin,
            withAuthor ? note.AuthorId : null,
            author?.DisplayName,
            note.CreatedAt,
            note.Status,
            note.Revealed,
            note.ClusterId,
            note.EditedAt);
    }
}
