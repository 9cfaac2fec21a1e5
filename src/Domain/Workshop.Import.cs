using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>A workshop made again from its archive: a new id, code and keys; everything it said, checked as if typed.</summary>
internal static partial class Workshop
{
    public static Decision Import(string workshopId, WorkshopArchive? archive, string joinCode, string facilitatorSecret, string projectorSecret, DateTimeOffset now)
    {
        if (archive?.Workshop is not { } archived)
        {
            return Decision.Refuse(WorkshopError.ArchiveInvalid);
        }

        // The title, question and columns are checked as at a creation, with the same refusals.
        var created = Create(workshopId, new CreateWorkshop(archived.Title, archived.Question, [.. Defaulted(archived.Columns).Select(c => c.Title)], archived.TemplateId, facilitatorSecret, projectorSecret), joinCode, now);
        if (!created.IsAccepted)
        {
            return created;
        }

        var state = Evolve(null, created.Events.Single()) with { CreatedAt = archived.CreatedAt };
        if (!Defaulted(archived.Columns).Select(c => c.Id).SequenceEqual(state.Columns.Select(c => c.Id))
            || ImportedContent(state, archived) is not { } imported)
        {
            return Decision.Refuse(WorkshopError.ArchiveInvalid);
        }

        return Decision.Accept(new WorkshopImported(imported), joinCode);
    }

    private static ImmutableArray<T> Defaulted<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    /// <summary>The archive's content on top of a new workshop, or null when any of it breaks a rule or a reference.</summary>
    private static WorkshopState? ImportedContent(WorkshopState fresh, ArchivedWorkshop archived)
    {
        var participants = Defaulted(archived.Participants);
        var notes = Defaulted(archived.Notes);
        var themes = Defaulted(archived.Themes);
        var rounds = Defaulted(archived.Rounds);
        var recommendations = Defaulted(archived.Recommendations);
        if (participants.Length > Limits.ParticipantsPerWorkshopMax || notes.Length > Limits.NotesPerWorkshopMax || themes.Length > Limits.ClustersPerWorkshopMax
            || rounds.Length > Limits.VoteRoundsPerWorkshopMax || recommendations.Length > Limits.RecommendationsPerWorkshopMax
            || archived.Settings is null || archived.Locks is null || !Enum.IsDefined(archived.Phase))
        {
            return null;
        }

        var people = participants.Where(p => p is not null && Text.Clean(p.DisplayName, multiline: false).Length <= Limits.DisplayNameMaxLength && Enum.IsDefined(p.Presence))
            .ToImmutableDictionary(p => p.Id ?? "", p => new Participant(p.Id, p.DisplayName, p.Presence, "", p.JoinedAt, p.Blocked));
        var themesById = themes.Where(t => t is not null && Text.Clean(t.Name, multiline: false).Length is > 0 and <= Limits.ClusterNameMaxLength).ToImmutableDictionary(t => t.Id ?? "");
        var notesById = notes.Where(n => n is not null && ValidNote(fresh, n, people, themesById)).ToImmutableDictionary(n => n.Id ?? "");
        var roundsById = rounds.Where(r => r is not null && ValidRound(r, people)).ToImmutableDictionary(
            r => r.Id ?? "",
            r => new VoteRound(r.Id, r.Seq, r.Setup, r.Status, Defaulted(r.Options), r.Ballots.ToImmutableDictionary(b => b.ParticipantId), r.Paper ?? ImmutableDictionary<string, int>.Empty, r.Merges ?? ImmutableDictionary<string, string>.Empty, r.OpenedAt, r.ClosedItems));
        var state = fresh with
        {
            Phase = archived.Phase,
            Settings = archived.Settings,
            Locks = archived.Locks,
            Participants = people,
            Notes = notesById,
            Clusters = themesById,
            Rounds = roundsById,
        };
        var recommendationsById = recommendations.Where(r => r is not null && ValidRecommendation(state, r.Title, r.Text, Defaulted(r.Sources), out _) is null && ValidDisagreements(state, r))
            .ToImmutableDictionary(r => r.Id ?? "");

        // Every item kept, every id unique, every sequence number below the next one, one round open at most.
        var seqs = notesById.Values.Select(n => n.Seq).Concat(themesById.Values.Select(t => t.Seq)).Concat(roundsById.Values.Select(r => r.Seq)).Concat(recommendationsById.Values.Select(r => r.Seq)).ToList();
        var ids = people.Keys.Concat(notesById.Keys).Concat(themesById.Keys).Concat(roundsById.Keys).Concat(recommendationsById.Keys).ToList();
        var complete = people.Count == participants.Length && notesById.Count == notes.Length && themesById.Count == themes.Length
            && roundsById.Count == rounds.Length && recommendationsById.Count == recommendations.Length;
        if (!complete || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || seqs.Any(s => s < 1 || s >= archived.NextSeq)
            || roundsById.Values.Count(r => r.Status == RoundStatus.Open) > 1
            || !recommendationsById.Values.OrderBy(r => r.Rank).Select(r => r.Rank).SequenceEqual(Enumerable.Range(1, recommendationsById.Count)))
        {
            return null;
        }

        return state with { Recommendations = recommendationsById, NextSeq = archived.NextSeq };
    }

    private static bool ValidNote(WorkshopState fresh, Note note, ImmutableDictionary<string, Participant> people, ImmutableDictionary<string, Cluster> themes) =>
        note.Id is not null && Text.Clean(note.Text, multiline: true).Length is > 0 and <= Limits.NoteTextMaxLength
        && fresh.HasColumn(note.ColumnId) && Enum.IsDefined(note.Colour) && Enum.IsDefined(note.Status) && Enum.IsDefined(note.Origin)
        && (note.AuthorId is null ? note.Origin == Presence.Paper : people.ContainsKey(note.AuthorId))
        && (note.ClusterId is null || themes.ContainsKey(note.ClusterId));

    private static bool ValidRound(ArchivedRound round, ImmutableDictionary<string, Participant> people) =>
        round.Id is not null && round.Setup is not null && Enum.IsDefined(round.Setup.Kind) && Enum.IsDefined(round.Status)
        && Text.Clean(round.Setup.Question, multiline: false).Length <= Limits.VoteQuestionMaxLength
        && !round.Ballots.IsDefault && round.Ballots.All(b => b is not null && people.ContainsKey(b.ParticipantId ?? "") && b.Marks is not null && b.Marks.Values.All(v => v is >= 0 and <= Limits.DotBudgetMax)
            && Text.Clean(b.Reason, multiline: true).Length <= Limits.ObjectionReasonMaxLength)
        && round.Ballots.Select(b => b.ParticipantId).Distinct().Count() == round.Ballots.Length
        && (round.Paper ?? ImmutableDictionary<string, int>.Empty).Values.All(v => v is >= 0 and <= Limits.PaperVotesMax);

    private static bool ValidDisagreements(WorkshopState state, Recommendation recommendation) =>
        Defaulted(recommendation.Disagreements).Length <= Limits.DisagreementsPerRecommendationMax
        && Defaulted(recommendation.Disagreements).All(d => d is not null && d.Id is not null && Text.Clean(d.Text, multiline: true).Length is > 0 and <= Limits.DisagreementTextMaxLength
            && Defaulted(d.NoteIds).All(state.Notes.ContainsKey));
}
