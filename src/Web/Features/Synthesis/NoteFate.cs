using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Features.Synthesis;

/// <summary>
/// What became of one of my notes, as the participants' view tells it: its theme, the votes it got (directly or
/// through its theme), the recommendations it feeds (their titles, one per line) and whether it was kept as a
/// disagreement. A record of plain values, so that a phone re-renders only when one of them changes.
/// </summary>
public sealed record NoteFate(string? Theme, int Votes, string Recommendations, bool KeptAsDisagreement)
{
    public bool IsEmpty => Theme is null && Votes == 0 && Recommendations.Length == 0 && !KeptAsDisagreement;

    public IEnumerable<string> RecommendationTitles => Recommendations.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static NoteFate Of(NoteView note, AudienceModel? shared)
    {
        if (shared is null)
        {
            return new NoteFate(null, 0, "", note.KeptAsDisagreement);
        }

        var theme = note.ClusterId is { } id ? shared.Themes.GetValueOrDefault(id)?.Name : null;
        var votes = SynthesisSources.VotesFor(shared, note.Id) + (note.ClusterId is { } themeId ? SynthesisSources.VotesFor(shared, themeId) : 0);
        var feeding = string.Join('\n', SynthesisSources.Feeding(shared, note).Select(r => r.Title));
        return new NoteFate(theme, votes, feeding, note.KeptAsDisagreement);
    }
}
