using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>The synthesis: recommendations linked to what they come from, and the disagreements kept with them.</summary>
internal static partial class Workshop
{
    private static Decision DecideAddRecommendation(WorkshopState state, AddRecommendation command, DateTimeOffset now)
    {
        if (state.Recommendations.Count >= Limits.RecommendationsPerWorkshopMax)
        {
            return Decision.Refuse(WorkshopError.TooManyRecommendations, Limits.RecommendationsPerWorkshopMax);
        }

        if (ValidRecommendation(state, command.Title, command.Text, command.Sources, out var content) is { } invalid)
        {
            return invalid;
        }

        var recommendation = new Recommendation(
            $"r{state.NextSeq}",
            state.NextSeq,
            state.Recommendations.Count + 1,
            content.Title,
            content.Text,
            false,
            content.Sources,
            [],
            now);
        return Decision.Accept(new RecommendationAdded(recommendation), recommendation.Id);
    }

    private static Decision DecideEditRecommendation(WorkshopState state, EditRecommendation command)
    {
        if (RecommendationOf(state, command.RecommendationId) is not { } recommendation)
        {
            return Decision.Refuse(WorkshopError.UnknownRecommendation);
        }

        if (ValidRecommendation(state, command.Title, command.Text, command.Sources, out var content) is { } invalid)
        {
            return invalid;
        }

        var edited = recommendation with { Title = content.Title, Text = content.Text, Sources = content.Sources };
        return Changed(recommendation, edited);
    }

    private static Decision DecideRemoveRecommendation(WorkshopState state, RemoveRecommendation command) =>
        RecommendationOf(state, command.RecommendationId) is { } recommendation
            ? Decision.Accept(WithoutSpotlightOn(state, SpotlightKind.Recommendation, recommendation.Id, new RecommendationRemoved(recommendation.Id)), recommendation.Id)
            : Decision.Refuse(WorkshopError.UnknownRecommendation);

    private static Decision DecideMoveRecommendation(WorkshopState state, MoveRecommendation command)
    {
        if (RecommendationOf(state, command.RecommendationId) is not { } recommendation)
        {
            return Decision.Refuse(WorkshopError.UnknownRecommendation);
        }

        if (command.Position < 1 || command.Position > state.Recommendations.Count)
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (recommendation.Rank == command.Position)
        {
            return Decision.Unchanged;
        }

        var order = state.Recommendations.Values.OrderBy(r => r.Rank).Select(r => r.Id).Where(id => id != recommendation.Id).ToList();
        order.Insert(command.Position - 1, recommendation.Id);
        return Decision.Accept(new RecommendationsReordered([.. order]), recommendation.Id);
    }

    private static Decision DecidePriority(WorkshopState state, SetRecommendationPriority command) =>
        RecommendationOf(state, command.RecommendationId) is { } recommendation
            ? Changed(recommendation, recommendation with { Priority = command.Priority })
            : Decision.Refuse(WorkshopError.UnknownRecommendation);

    private static Decision DecideAddDisagreement(WorkshopState state, AddDisagreement command)
    {
        if (RecommendationOf(state, command.RecommendationId) is not { } recommendation)
        {
            return Decision.Refuse(WorkshopError.UnknownRecommendation);
        }

        var text = Text.Clean(command.Text, multiline: true);
        if (text.Length == 0)
        {
            return Decision.Refuse(WorkshopError.DisagreementTextRequired);
        }

        if (text.Length > Limits.DisagreementTextMaxLength)
        {
            return Decision.Refuse(WorkshopError.DisagreementTextTooLong, Limits.DisagreementTextMaxLength);
        }

        if (recommendation.Disagreements.Length >= Limits.DisagreementsPerRecommendationMax)
        {
            return Decision.Refuse(WorkshopError.TooManyDisagreements, Limits.DisagreementsPerRecommendationMax);
        }

        ImmutableArray<string> notes = [.. (command.NoteIds.IsDefault ? [] : command.NoteIds).Distinct()];
        if (notes.Length > Limits.RecommendationSourcesMax)
        {
            return Decision.Refuse(WorkshopError.TooManySources, Limits.RecommendationSourcesMax);
        }

        if (notes.Any(id => id is null || !state.Notes.ContainsKey(id)))
        {
            return Decision.Refuse(WorkshopError.UnknownNote);
        }

        // Ids only grow, so a removed point's id is never given again.
        var next = recommendation.Disagreements.Select(d => int.Parse(d.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        var disagreement = new Disagreement($"d{next}", text, notes);
        return Decision.Accept(new RecommendationChanged(recommendation with { Disagreements = recommendation.Disagreements.Add(disagreement) }), disagreement.Id);
    }

    private static Decision DecideRemoveDisagreement(WorkshopState state, RemoveDisagreement command)
    {
        if (RecommendationOf(state, command.RecommendationId) is not { } recommendation)
        {
            return Decision.Refuse(WorkshopError.UnknownRecommendation);
        }

        return recommendation.Disagreements.FirstOrDefault(d => d.Id == command.DisagreementId) is { } disagreement
            ? Decision.Accept(new RecommendationChanged(recommendation with { Disagreements = recommendation.Disagreements.Remove(disagreement) }), disagreement.Id)
            : Decision.Refuse(WorkshopError.UnknownDisagreement);
    }

    private static Decision DecideKeepAsDisagreement(WorkshopState state, KeepNoteAsDisagreement command)
    {
        if (command.NoteId is null || !state.Notes.TryGetValue(command.NoteId, out var note))
        {
            return Decision.Refuse(WorkshopError.UnknownNote);
        }

        return note.KeptAsDisagreement == command.Keep ? Decision.Unchanged : Decision.Accept(new NoteKeptAsDisagreement(note.Id, command.Keep), note.Id);
    }

    private static Recommendation? RecommendationOf(WorkshopState state, string? id) =>
        id is null ? null : state.Recommendations.GetValueOrDefault(id);

    private static Decision Changed(Recommendation before, Recommendation after) =>
        before == after || (before.Title == after.Title && before.Text == after.Text && before.Priority == after.Priority
            && before.Sources.SequenceEqual(after.Sources) && before.Disagreements.SequenceEqual(after.Disagreements))
            ? Decision.Unchanged
            : Decision.Accept(new RecommendationChanged(after), after.Id);

    private readonly record struct RecommendationContent(string Title, string? Text, ImmutableArray<string> Sources);

    /// <summary>Checks a recommendation's content; returns its cleaned form, or the refusal.</summary>
    private static Decision? ValidRecommendation(WorkshopState state, string? title, string? text, ImmutableArray<string> sources, out RecommendationContent content)
    {
        content = default;
        var cleanTitle = Text.Clean(title, multiline: false);
        if (cleanTitle.Length == 0)
        {
            return Decision.Refuse(WorkshopError.RecommendationTitleRequired);
        }

        if (cleanTitle.Length > Limits.RecommendationTitleMaxLength)
        {
            return Decision.Refuse(WorkshopError.RecommendationTitleTooLong, Limits.RecommendationTitleMaxLength);
        }

        var cleanText = Text.Clean(text, multiline: true);
        if (cleanText.Length > Limits.RecommendationTextMaxLength)
        {
            return Decision.Refuse(WorkshopError.RecommendationTextTooLong, Limits.RecommendationTextMaxLength);
        }

        ImmutableArray<string> ids = [.. (sources.IsDefault ? [] : sources).Distinct()];
        if (ids.Length > Limits.RecommendationSourcesMax)
        {
            return Decision.Refuse(WorkshopError.TooManySources, Limits.RecommendationSourcesMax);
        }

        if (!ids.All(id => IsSource(state, id)))
        {
            return Decision.Refuse(WorkshopError.UnknownSource);
        }

        content = new RecommendationContent(cleanTitle, cleanText.Length == 0 ? null : cleanText, ids);
        return null;
    }

    /// <summary>A recommendation comes from notes, themes and vote rounds (their results).</summary>
    private static bool IsSource(WorkshopState state, string? id) =>
        id is not null && (state.Notes.ContainsKey(id) || state.Clusters.ContainsKey(id) || state.Rounds.ContainsKey(id));
}
