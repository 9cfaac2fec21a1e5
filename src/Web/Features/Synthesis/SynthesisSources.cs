using CollectifLive.Web.Features.Votes;
using CollectifLive.Web.State;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Features.Synthesis;

public enum SourceKind
{
    Note = 0,
    Theme = 1,
    Round = 2,
}

/// <summary>Who wrote the notes behind a source: in the room, remotely, on paper.</summary>
public sealed record OriginCounts(int Room, int Remote, int Paper)
{
    public static readonly OriginCounts None = new(0, 0, 0);

    public int Total => Room + Remote + Paper;

    public static OriginCounts Of(IEnumerable<NoteView> notes)
    {
        int room = 0, remote = 0, paper = 0;
        foreach (var note in notes)
        {
            switch (note.Origin)
            {
                case Presence.Remote: remote++; break;
                case Presence.Paper: paper++; break;
                default: room++; break;
            }
        }

        return new OriginCounts(room, remote, paper);
    }
}

/// <summary>
/// One source of a recommendation as an audience sees it now: a note (its text, where it came from, the votes it
/// got), a theme (its name, its notes by origin, its votes) or a vote round (its question, its voters).
/// </summary>
public sealed record SourceLine(SourceKind Kind, string Id, string Label, OriginCounts Origins, int Votes, IReadOnlyList<NoteView> Notes);

/// <summary>Resolves what recommendations come from against one audience's view of the wall, live.</summary>
public static class SynthesisSources
{
    /// <summary>The sources this audience can see, in the order they were linked; the others are left out.</summary>
    public static IReadOnlyList<SourceLine> Of(AudienceModel wall, RecommendationView recommendation, IStringLocalizer localizer) =>
        [.. recommendation.Sources.Select(id => Resolve(wall, id, localizer)).OfType<SourceLine>()];

    public static SourceLine? Resolve(AudienceModel wall, string id, IStringLocalizer localizer)
    {
        if (wall.Notes.TryGetValue(id, out var note))
        {
            return new SourceLine(SourceKind.Note, id, note.Text, OriginCounts.Of([note]), VotesFor(wall, id), [note]);
        }

        if (wall.Themes.TryGetValue(id, out var theme))
        {
            // A theme's votes: those on the theme itself, and those on its notes.
            var notes = wall.NotesOfTheme(id).Where(n => n.Status == NoteStatus.Visible).ToList();
            return new SourceLine(SourceKind.Theme, id, theme.Name, OriginCounts.Of(notes), VotesFor(wall, id) + notes.Sum(n => VotesFor(wall, n.Id)), notes);
        }

        return wall.Rounds.TryGetValue(id, out var round)
            ? new SourceLine(SourceKind.Round, id, localizer.Title(round.Setup), OriginCounts.None, round.Voters, [])
            : null;
    }

    /// <summary>The votes an item (a note or a theme) got, over every round whose results this audience sees.</summary>
    public static int VotesFor(AudienceModel wall, string itemId) =>
        wall.Rounds.Values
            .Where(r => r.Setup.Kind == VoteKind.Dots && r.Results is not null)
            .Sum(r => r.Results!.Tallies.FirstOrDefault(t => t.ItemId == itemId)?.Total ?? 0);

    /// <summary>The recommendations a note feeds: directly, through its theme, or as a disagreement's note.</summary>
    public static IReadOnlyList<RecommendationView> Feeding(AudienceModel wall, NoteView note) =>
        [.. wall.RecommendationsInOrder.Where(r =>
            r.Sources.Contains(note.Id)
            || (note.ClusterId is { } theme && r.Sources.Contains(theme))
            || r.Disagreements.Any(d => d.NoteIds.Contains(note.Id)))];
}
