using System.Collections.Immutable;

namespace CollectifLive.Workshops;

/// <summary>
/// Writes a recommendation (préconisation) from the wall: <paramref name="Sources"/> are the ids of the notes, themes
/// and vote rounds it comes from. The result's value is the recommendation's id.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.AddRecommendation")]
public sealed record AddRecommendation(string Title, string? Text, ImmutableArray<string> Sources) : WorkshopCommand;

/// <summary>Replaces a recommendation's title, text and sources.</summary>
[GenerateSerializer, Immutable, Alias("cl.EditRecommendation")]
public sealed record EditRecommendation(string RecommendationId, string Title, string? Text, ImmutableArray<string> Sources) : WorkshopCommand;

/// <summary>Removes a recommendation, its points of disagreement with it; its consent rounds stay in the record.</summary>
[GenerateSerializer, Immutable, Alias("cl.RemoveRecommendation")]
public sealed record RemoveRecommendation(string RecommendationId) : WorkshopCommand;

/// <summary>Moves a recommendation to <paramref name="Position"/> (1 is first) in the list.</summary>
[GenerateSerializer, Immutable, Alias("cl.MoveRecommendation")]
public sealed record MoveRecommendation(string RecommendationId, int Position) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.SetRecommendationPriority")]
public sealed record SetRecommendationPriority(string RecommendationId, bool Priority) : WorkshopCommand;

/// <summary>
/// Records a point of disagreement (point de désaccord) with a recommendation: what the minority said, and the notes
/// that say it. A vote never removes it; only the facilitator does, by <see cref="RemoveDisagreement"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.AddDisagreement")]
public sealed record AddDisagreement(string RecommendationId, string Text, ImmutableArray<string> NoteIds) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.RemoveDisagreement")]
public sealed record RemoveDisagreement(string RecommendationId, string DisagreementId) : WorkshopCommand;

/// <summary>Marks a note as a disagreement to keep in the synthesis (or no longer).</summary>
[GenerateSerializer, Immutable, Alias("cl.KeepNoteAsDisagreement")]
public sealed record KeepNoteAsDisagreement(string NoteId, bool Keep) : WorkshopCommand;

/// <summary>A point of disagreement as every screen shows it.</summary>
[GenerateSerializer, Immutable, Alias("cl.DisagreementView")]
public sealed record DisagreementView(string Id, string Text, ImmutableArray<string> NoteIds)
{
    public bool Equals(DisagreementView? other) => other is not null && Id == other.Id && Text == other.Text && NoteIds.SequenceEqual(other.NoteIds);

    public override int GetHashCode() => HashCode.Combine(Id, Text);
}

/// <summary>
/// A recommendation as the screens show it, in the list's order (<paramref name="Rank"/>, 1 first). Sources are ids
/// the screens resolve against what they see of the wall, so a note hidden from an audience shows nowhere.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.RecommendationView")]
public sealed record RecommendationView(
    string Id,
    long Seq,
    int Rank,
    string Title,
    string? Text,
    bool Priority,
    ImmutableArray<string> Sources,
    ImmutableArray<DisagreementView> Disagreements,
    DateTimeOffset CreatedAt) : IKeyed
{
    public bool Equals(RecommendationView? other) =>
        other is not null && Id == other.Id && Seq == other.Seq && Rank == other.Rank && Title == other.Title && Text == other.Text
        && Priority == other.Priority && Sources.SequenceEqual(other.Sources) && Disagreements.SequenceEqual(other.Disagreements)
        && CreatedAt == other.CreatedAt;

    public override int GetHashCode() => HashCode.Combine(Id, Rank, Title);
}
