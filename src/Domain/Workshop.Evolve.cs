using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

internal static partial class Workshop
{
    /// <summary>Applies an event. Only <see cref="WorkshopCreated"/> and <see cref="WorkshopImported"/> may start from no state.</summary>
    public static WorkshopState Evolve(WorkshopState? state, WorkshopEvent @event)
    {
        if (@event is WorkshopCreated created)
        {
            return new WorkshopState(
                created.Id,
                0,
                created.At,
                created.Title,
                created.Question,
                created.Columns,
                created.TemplateId,
                created.JoinCode,
                created.FacilitatorKeyHash,
                created.ProjectorKeyHash,
                ImmutableDictionary<string, Participant>.Empty,
                ImmutableDictionary<string, Note>.Empty,
                1,
                Phase.Welcome,
                WallOptions.Default,
                Locks.Open,
                WorkshopTimer.Idle,
                null,
                ImmutableDictionary<string, Cluster>.Empty,
                ImmutableDictionary<string, VoteRound>.Empty,
                ImmutableDictionary<string, Recommendation>.Empty,
                created.EventId,
                created.OrganiserKeyHash,
                created.OrganiserProjectorKeyHash,
                []);
        }

        if (@event is WorkshopImported imported)
        {
            return imported.State;
        }

        var s = state ?? throw new InvalidOperationException("The workshop does not exist yet.");
        return @event switch
        {
            ParticipantJoined joined => s with
            {
                Participants = s.Participants.Add(joined.Participant.Id, joined.Participant),
                NextSeq = s.NextSeq + 1,
            },
            ParticipantNameRemoved named => s with
            {
                Participants = s.Participants.SetItem(named.ParticipantId, s.Participants[named.ParticipantId] with { DisplayName = null }),
            },
            ParticipantLeft left => s with
            {
                Participants = s.Participants.SetItem(left.ParticipantId, s.Participants[left.ParticipantId] with { DisplayName = null, KeyHash = "", Left = true }),
                Notes = s.Notes.RemoveRange(left.DeletedNoteIds).SetItems(s.Notes.Values
                    .Where(n => n.AuthorId == left.ParticipantId && !left.DeletedNoteIds.Contains(n.Id))
                    .Select(n => KeyValuePair.Create(n.Id, n with { AuthorId = null }))),
            },
            ParticipantBlocked blocked => s with
            {
                Participants = s.Participants.SetItem(blocked.ParticipantId, s.Participants[blocked.ParticipantId] with { Blocked = blocked.Blocked }),
            },
            NoteAdded added => s with { Notes = s.Notes.Add(added.Note.Id, added.Note), NextSeq = s.NextSeq + 1 },
            NoteEdited edited => WithNote(s, edited.NoteId, n => n with
            {
                Text = edited.Text,
                ColumnId = edited.ColumnId,
                Colour = edited.Colour,
                Status = edited.Status,
                EditedAt = edited.At,
            }),
            NoteDeleted deleted => s with { Notes = s.Notes.Remove(deleted.NoteId) },
            NoteModerated moderated => WithNote(s, moderated.NoteId, n => n with { Status = moderated.Status }),
            NotesRevealed revealed => WithNotes(s, revealed.NoteIds, n => n with { Revealed = true }),
            NotesMoved moved => WithNotes(s, moved.NoteIds, n => n with { ClusterId = moved.ClusterId }),
            ClusterCreated cluster => s with { Clusters = s.Clusters.Add(cluster.Cluster.Id, cluster.Cluster), NextSeq = s.NextSeq + 1 },
            ClusterRenamed renamed => s with { Clusters = s.Clusters.SetItem(renamed.ClusterId, s.Clusters[renamed.ClusterId] with { Name = renamed.Name }) },
            ClusterDissolved dissolved => s with { Clusters = s.Clusters.Remove(dissolved.ClusterId) },
            PhaseChanged phase => s with { Phase = phase.Phase },
            SettingsChanged settings => s with { Settings = settings.Settings },
            LocksChanged locks => s with { Locks = locks.Locks },
            TimerChanged timer => s with { Timer = timer.Timer },
            SpotlightChanged spotlight => s with { Spotlight = spotlight.Spotlight },
            JoinCodeRotated code => s with { JoinCode = code.JoinCode, PastJoinCodes = [.. s.AllJoinCodes] },
            KeptChanged kept => s with { Kept = kept.Kept },
            KeysReissued keys => s with { FacilitatorKeyHash = keys.FacilitatorKeyHash, ProjectorKeyHash = keys.ProjectorKeyHash, KeyGeneration = s.KeyGeneration + 1 },
            VoteRoundOpened opened => s with { Rounds = s.Rounds.Add(opened.Round.Id, opened.Round), NextSeq = s.NextSeq + 1 },
            VoteRoundClosed closed => WithRound(s, closed.RoundId, r => r with
            {
                Status = RoundStatus.Closed,
                ClosedItems = r.Setup.Kind == VoteKind.Dots ? VoteItems(s, r) : null,
            }),
            VoteRoundReopened reopened => WithRound(s, reopened.RoundId, r => r with { Status = RoundStatus.Open, ClosedItems = null }),
            VoteRoundDiscarded discarded => s with { Rounds = s.Rounds.Remove(discarded.RoundId) },
            BallotCast cast => WithRound(s, cast.RoundId, r => r with
            {
                Ballots = cast.Ballot.Marks.IsEmpty ? r.Ballots.Remove(cast.Ballot.ParticipantId) : r.Ballots.SetItem(cast.Ballot.ParticipantId, cast.Ballot),
            }),
            PaperVotesSet paper => WithRound(s, paper.RoundId, r => r with
            {
                Paper = paper.Count == 0 ? r.Paper.Remove(paper.ItemId) : r.Paper.SetItem(paper.ItemId, paper.Count),
            }),
            WordsMerged merged => WithRound(s, merged.RoundId, r => r with
            {
                // Merges stay one level deep: what pointed to a merged word now points to the word kept.
                Merges = r.Merges
                    .SetItems(r.Merges.Where(m => merged.Words.Contains(m.Value)).Select(m => KeyValuePair.Create(m.Key, merged.Into)))
                    .SetItems(merged.Words.Where(w => w != merged.Into).Select(w => KeyValuePair.Create(w, merged.Into)))
                    .Remove(merged.Into),
            }),
            RecommendationAdded added => s with
            {
                Recommendations = s.Recommendations.Add(added.Recommendation.Id, added.Recommendation),
                NextSeq = s.NextSeq + 1,
            },
            RecommendationChanged changed => s with { Recommendations = s.Recommendations.SetItem(changed.Recommendation.Id, changed.Recommendation) },
            RecommendationRemoved removed => s with { Recommendations = Ranked(s.Recommendations.Remove(removed.RecommendationId), null) },
            RecommendationsReordered reordered => s with { Recommendations = Ranked(s.Recommendations, reordered.RecommendationIds) },
            NoteKeptAsDisagreement kept => WithNote(s, kept.NoteId, n => n with { KeptAsDisagreement = kept.Keep }),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown event"),
        };
    }

    /// <summary>
    /// Ranks 1..n in the given order (ids not named keep their relative order after those named); only the
    /// recommendations whose rank changes are replaced, so the others stay the same objects.
    /// </summary>
    private static ImmutableDictionary<string, Recommendation> Ranked(ImmutableDictionary<string, Recommendation> recommendations, ImmutableArray<string>? order)
    {
        var named = order ?? [];
        var ordered = named.Where(recommendations.ContainsKey).Select(id => recommendations[id])
            .Concat(recommendations.Values.Where(r => !named.Contains(r.Id)).OrderBy(r => r.Rank).ThenBy(r => r.Seq));
        return recommendations.SetItems(ordered
            .Select((r, i) => (Recommendation: r, Rank: i + 1))
            .Where(x => x.Recommendation.Rank != x.Rank)
            .Select(x => KeyValuePair.Create(x.Recommendation.Id, x.Recommendation with { Rank = x.Rank })));
    }

    private static WorkshopState WithRound(WorkshopState state, string roundId, Func<VoteRound, VoteRound> change) =>
        state with { Rounds = state.Rounds.SetItem(roundId, change(state.Rounds[roundId])) };

    private static WorkshopState WithNote(WorkshopState state, string noteId, Func<Note, Note> change) =>
        state with { Notes = state.Notes.SetItem(noteId, change(state.Notes[noteId])) };

    private static WorkshopState WithNotes(WorkshopState state, ImmutableArray<string> noteIds, Func<Note, Note> change) =>
        state with { Notes = state.Notes.SetItems(noteIds.Select(id => KeyValuePair.Create(id, change(state.Notes[id])))) };
}
