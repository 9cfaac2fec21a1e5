using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// Cuts the state into what each audience may see. Everything that leaves the grain goes through here, so a note an
/// audience may not see (pending, hidden, not yet revealed, or a wall kept from participants) is never in its views
/// or deltas: not greyed out, absent.
/// </summary>
internal static class WorkshopProjection
{
    /// <summary>Whether <paramref name="audience"/> sees <paramref name="note"/> at all.</summary>
    public static bool Sees(WorkshopState state, Note note, Audience audience) => audience switch
    {
        Audience.Facilitator => true,
        Audience.Projector => note.Status == NoteStatus.Visible && (note.Revealed || !state.Settings.SilentOnProjector),
        _ => note.Status == NoteStatus.Visible && note.Revealed && state.Settings.ParticipantsSeeWall,
    };

    public static WorkshopHeader Header(WorkshopState state, Audience audience) => Header(state, audience, HeaderCounts.Of(state));

    /// <summary>
    /// The counts every header shows, counted once per state: they scan every participant and note, and a write's
    /// change needs them for three audiences, before and after.
    /// </summary>
    private sealed record HeaderCounts(ParticipationCounts Counts, int Pending)
    {
        public static HeaderCounts Of(WorkshopState state)
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

            return new HeaderCounts(new ParticipationCounts(inRoom, remote, fromRoom + fromRemote + fromPaper, fromRoom, fromRemote, fromPaper), pending);
        }
    }

    private static WorkshopHeader Header(WorkshopState state, Audience audience, HeaderCounts tally)
    {
        return new WorkshopHeader(
            state.Id,
            state.Title,
            state.Question,
            [.. state.Columns.Select(c => c.ToView())],
            state.JoinCode,
            tally.Counts,
            state.CreatedAt,
            state.Phase,
            state.Settings.ToView(),
            state.Locks.ToView(),
            state.Timer.ToView(),
            state.Spotlight?.ToView(),
            audience == Audience.Facilitator ? tally.Pending : 0,
            state.EventId,
            state.KeyGeneration,
            state.Kept);
    }

    /// <summary>The note as <paramref name="audience"/> sees it, or null when it may not see it.</summary>
    public static NoteView? NoteFor(WorkshopState state, Note note, Audience audience) =>
        Sees(state, note, audience) ? View(state, note, withAuthor: audience == Audience.Facilitator) : null;

    public static ParticipantView ParticipantFor(Participant participant) =>
        new(participant.Id, participant.DisplayName, participant.Presence, participant.JoinedAt, participant.Blocked);

    /// <summary>The roster is the facilitator's alone, and lists those still there: one who left (or was removed) has nothing left to act on.</summary>
    public static ParticipantView? ParticipantFor(Participant participant, Audience audience) =>
        audience == Audience.Facilitator && !participant.Left ? ParticipantFor(participant) : null;

    /// <summary>Themes are part of the wall: participants get them only while they may see it.</summary>
    public static ThemeView? ThemeFor(WorkshopState state, Cluster theme, Audience audience) =>
        SeesThemes(state, audience) ? new ThemeView(theme.Id, theme.Seq, theme.Name) : null;

    public static bool SeesThemes(WorkshopState state, Audience audience) =>
        audience != Audience.Participants || state.Settings.ParticipantsSeeWall;

    public static AudienceView View(WorkshopState state, Audience audience) => new(
        audience,
        Header(state, audience),
        ItemKinds.Notes.View(state, audience),
        ItemKinds.Roster.View(state, audience),
        ItemKinds.Themes.View(state, audience),
        ItemKinds.Rounds.View(state, audience),
        ItemKinds.Recommendations.View(state, audience));

    /// <summary>Recommendations are for everyone: the room, the remote contributors and the record.</summary>
    public static RecommendationView RecommendationFor(Recommendation recommendation) => new(
        recommendation.Id,
        recommendation.Seq,
        recommendation.Rank,
        recommendation.Title,
        recommendation.Text,
        recommendation.Priority,
        recommendation.Sources,
        [.. recommendation.Disagreements.Select(d => new DisagreementView(d.Id, d.Text, d.NoteIds))],
        recommendation.CreatedAt);

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
                .Select(r => new OwnBallot(r.Id, r.Ballots[participantId].Marks, r.Ballots[participantId].Reason)),
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
        // A consent round's results are the facilitator's to follow live and to show the room when they choose.
        var hidden = round.Setup.HideResultsUntilClosed && round.Status == RoundStatus.Open
            && !(round.Setup.Kind == VoteKind.Consent && audience == Audience.Facilitator);

        // A word cloud's items are the answers given: hidden results hide them too.
        ImmutableArray<VoteItem> items = hidden && round.Setup.Kind == VoteKind.WordCloud ? [] : [.. Workshop.VoteItems(state, round).Select(i => i.ToView())];
        ImmutableArray<BallotView> ballots = audience == Audience.Facilitator && !round.Setup.Anonymous && !hidden
            ? [.. round.Ballots.Values.OrderBy(b => b.At).Select(b => new BallotView(b.ParticipantId, state.Participants.GetValueOrDefault(b.ParticipantId)?.DisplayName, b.Marks))]
            : [];
        ImmutableArray<string> reasons = hidden ? [] : [.. round.Ballots.Values.Where(b => b.Reason is not null).OrderBy(b => b.At).Select(b => b.Reason!)];
        return new VoteRoundView(round.Id, round.Seq, round.Setup.ToView(), round.Status, items, round.Ballots.Count, hidden ? null : Tally(round, items), ballots, round.OpenedAt, reasons);
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

    /// <summary>
    /// What each audience is told of a write: for every kind of item, the views that differ between the two states,
    /// and the header where it differs. Found by comparing what each audience sees, so no event can change a screen
    /// without it being told, whatever the event.
    /// </summary>
    public static WorkshopChange Change(WorkshopState? before, WorkshopState after)
    {
        var roster = ItemKinds.Roster.Touched(before, after);
        var notes = ItemKinds.Notes.Touched(before, after);
        var rounds = ItemKinds.Rounds.Touched(before, after);

        // A name shows on its author's notes and ballots too: when it changes, they are told again.
        var renamed = before is null
            ? []
            : roster.Where(id => before.Participants.GetValueOrDefault(id)?.DisplayName != after.Participants.GetValueOrDefault(id)?.DisplayName).ToHashSet();
        if (renamed.Count > 0)
        {
            notes = [.. notes.Union(after.Notes.Values.Where(n => n.AuthorId is { } author && renamed.Contains(author)).Select(n => n.Id))];
            rounds = [.. rounds.Union(after.Rounds.Values.Where(r => r.Ballots.Keys.Any(renamed.Contains)).Select(r => r.Id))];
        }

        var touched = new TouchedItems(
            notes,
            roster,
            ItemKinds.Themes.Touched(before, after),
            rounds,
            ItemKinds.Recommendations.Touched(before, after));
        var tallies = (Before: before is null ? null : HeaderCounts.Of(before), After: HeaderCounts.Of(after));
        return new WorkshopChange(
            after.Id,
            (before?.Version ?? 0) + 1,
            after.Version,
            Delta(before, after, touched, tallies, Audience.Facilitator),
            Delta(before, after, touched, tallies, Audience.Projector),
            Delta(before, after, touched, tallies, Audience.Participants),
            OwnDeltas(before, after, touched));
    }

    private sealed record TouchedItems(
        IReadOnlyList<string> Notes, IReadOnlyList<string> Roster, IReadOnlyList<string> Themes, IReadOnlyList<string> Rounds, IReadOnlyList<string> Recommendations);

    private static AudienceDelta Delta(WorkshopState? before, WorkshopState after, TouchedItems touched, (HeaderCounts? Before, HeaderCounts After) tallies, Audience audience)
    {
        var header = Header(after, audience, tallies.After);
        var previous = before is null ? null : Header(before, audience, tallies.Before!);

        // A note or a join changes only the counts: send those, not the whole header again to every screen. Each header
        // maps the columns anew, so they are compared by content.
        var countsOnly = previous is not null && previous.Columns.SequenceEqual(header.Columns)
            && previous with { Counts = header.Counts, Columns = header.Columns } == header;
        var delta = new AudienceDelta(
            countsOnly ? null : header,
            ItemKinds.Notes.Changes(before, after, touched.Notes, audience),
            ItemKinds.Roster.Changes(before, after, touched.Roster, audience),
            ItemKinds.Themes.Changes(before, after, touched.Themes, audience),
            ItemKinds.Rounds.Changes(before, after, touched.Rounds, audience),
            ItemKinds.Recommendations.Changes(before, after, touched.Recommendations, audience),
            countsOnly && previous!.Counts != header.Counts ? header.Counts : null);
        return delta.IsEmpty ? AudienceDelta.Empty : delta;
    }

    /// <summary>Each participant's own slice where it changed: themself, their notes whatever the wall shows, their ballots.</summary>
    private static ImmutableArray<OwnDelta> OwnDeltas(WorkshopState? before, WorkshopState after, TouchedItems touched)
    {
        var owned = new Dictionary<string, (List<string> Notes, List<string> Rounds)>();
        List<string> Of(string participantId, bool notes)
        {
            if (!owned.TryGetValue(participantId, out var entry))
            {
                entry = ([], []);
                owned[participantId] = entry;
            }

            return notes ? entry.Notes : entry.Rounds;
        }

        foreach (var id in touched.Notes)
        {
            if ((after.Notes.GetValueOrDefault(id) ?? before?.Notes.GetValueOrDefault(id))?.AuthorId is { } author)
            {
                Of(author, notes: true).Add(id);
            }
        }

        foreach (var id in touched.Rounds)
        {
            var was = before?.Rounds.GetValueOrDefault(id)?.Ballots ?? ImmutableDictionary<string, Ballot>.Empty;
            var now = after.Rounds.GetValueOrDefault(id)?.Ballots ?? ImmutableDictionary<string, Ballot>.Empty;
            foreach (var voter in now.Where(b => !ReferenceEquals(b.Value, was.GetValueOrDefault(b.Key))).Select(b => b.Key).Concat(was.Keys.Where(p => !now.ContainsKey(p))))
            {
                Of(voter, notes: false).Add(id);
            }
        }

        foreach (var id in touched.Roster)
        {
            Of(id, notes: true);
        }

        var deltas = ImmutableArray.CreateBuilder<OwnDelta>();
        foreach (var (participantId, (notes, rounds)) in owned.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!after.Participants.TryGetValue(participantId, out var participant))
            {
                continue;
            }

            var me = ParticipantFor(participant);
            var wasMe = before?.Participants.GetValueOrDefault(participantId) is { } old ? ParticipantFor(old) : null;
            var ownNotes = ViewComparison.Compare(notes, id => OwnNote(before, id), id => OwnNote(after, id));
            var delta = new OwnDelta(
                participantId,
                me == wasMe ? null : me,
                ownNotes.Upserts.Length < 2 ? ownNotes : ownNotes with { Upserts = [.. ownNotes.Upserts.OrderBy(n => n.Seq)] },
                ViewComparison.Compare(rounds, id => OwnBallotOf(before, id, participantId), id => OwnBallotOf(after, id, participantId)));
            if (!delta.IsEmpty)
            {
                deltas.Add(delta);
            }
        }

        return deltas.ToImmutable();
    }

    private static NoteView? OwnNote(WorkshopState? state, string noteId) =>
        state?.Notes.GetValueOrDefault(noteId) is { } note ? View(state, note, withAuthor: true) : null;

    private static OwnBallot? OwnBallotOf(WorkshopState? state, string roundId, string participantId) =>
        state?.Rounds.GetValueOrDefault(roundId)?.Ballots.GetValueOrDefault(participantId) is { } ballot ? new OwnBallot(roundId, ballot.Marks, ballot.Reason) : null;

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
            note.EditedAt,
            note.KeptAsDisagreement);
    }
}
