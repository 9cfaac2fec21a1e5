using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// A whole workshop taken out of the app (format <see cref="Format"/>), to keep or to import as a new workshop. It
/// holds everything the workshop said and decided, and none of its secrets: no key, no key hash, no join code.
/// </summary>
internal sealed record WorkshopArchive(string Format, DateTimeOffset ExportedAt, ArchivedWorkshop Workshop)
{
    public const string Format1 = "collectiflive/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        MaxDepth = 16,
    };

    public static WorkshopArchive Of(WorkshopState state, DateTimeOffset now) => new(
        Format1,
        now,
        new ArchivedWorkshop(
            state.Title,
            state.Question,
            state.Columns,
            state.TemplateId,
            state.CreatedAt,
            state.Phase,
            state.Settings,
            state.Locks,
            state.NextSeq,
            [.. state.Participants.Values.OrderBy(p => p.JoinedAt).ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => new ArchivedParticipant(p.Id, p.DisplayName, p.Presence, p.JoinedAt, p.Blocked))],
            [.. state.Notes.Values.OrderBy(n => n.Seq)],
            [.. state.Clusters.Values.OrderBy(c => c.Seq)],
            [.. state.Rounds.Values.OrderBy(r => r.Seq).Select(ArchivedRound.Of)],
            [.. state.Recommendations.Values.OrderBy(r => r.Rank)]));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The archive in <paramref name="json"/>, or null when it is not one (malformed, another format).</summary>
    public static WorkshopArchive? Parse(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<WorkshopArchive>(json, Json) is { Format: Format1, Workshop: not null } archive ? archive : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record ArchivedWorkshop(
    string Title,
    string? Question,
    ImmutableArray<Column> Columns,
    string? TemplateId,
    DateTimeOffset CreatedAt,
    Phase Phase,
    WallOptions Settings,
    Locks Locks,
    long NextSeq,
    ImmutableArray<ArchivedParticipant> Participants,
    ImmutableArray<Note> Notes,
    ImmutableArray<Cluster> Themes,
    ImmutableArray<ArchivedRound> Rounds,
    ImmutableArray<Recommendation> Recommendations);

/// <summary>A participant without a key: imported, nobody can act as them again.</summary>
internal sealed record ArchivedParticipant(string Id, string? DisplayName, Presence Presence, DateTimeOffset JoinedAt, bool Blocked);

internal sealed record ArchivedRound(
    string Id,
    long Seq,
    RoundSetup Setup,
    RoundStatus Status,
    ImmutableArray<RoundItem> Options,
    ImmutableArray<Ballot> Ballots,
    ImmutableDictionary<string, int> Paper,
    ImmutableDictionary<string, string> Merges,
    DateTimeOffset OpenedAt,
    ImmutableArray<RoundItem>? ClosedItems)
{
    public static ArchivedRound Of(VoteRound round) => new(
        round.Id,
        round.Seq,
        round.Setup,
        round.Status,
        round.Options,
        [.. round.Ballots.Values.OrderBy(b => b.At).ThenBy(b => b.ParticipantId, StringComparer.Ordinal)],
        round.Paper,
        round.Merges,
        round.OpenedAt,
        round.ClosedItems);
}
