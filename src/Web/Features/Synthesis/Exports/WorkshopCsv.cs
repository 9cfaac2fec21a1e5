using System.Globalization;
using CollectifLive.Web.Features.Votes;
using CollectifLive.Web.State;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Features.Synthesis.Exports;

/// <summary>The workshop's notes and votes as spreadsheets (<see cref="CsvWriter"/>), from the facilitator's view.</summary>
public static class WorkshopCsv
{
    /// <summary>
    /// One row per accepted note: its column, theme, text, where it came from, the name its author gave (never anything
    /// else about them), the votes it got, and whether it was kept as a disagreement.
    /// </summary>
    public static CsvWriter Notes(AudienceModel wall, IStringLocalizer localizer)
    {
        var columns = wall.Header.Columns.ToDictionary(c => c.Id, c => c.Title);
        var csv = new CsvWriter().Row(
            localizer["Export.Csv.Id"], localizer["Export.Csv.Column"], localizer["Export.Csv.Theme"], localizer["Export.Csv.Text"],
            localizer["Export.Csv.Origin"], localizer["Export.Csv.Author"], localizer["Export.Csv.Votes"], localizer["Export.Csv.Disagreement"],
            localizer["Export.Csv.Written"]);
        foreach (var note in wall.Notes.Values.Where(n => n.Status == NoteStatus.Visible).OrderBy(n => n.Seq))
        {
            csv.Row(
                note.Id,
                columns.GetValueOrDefault(note.ColumnId),
                note.ClusterId is { } theme ? wall.Themes.GetValueOrDefault(theme)?.Name : null,
                note.Text,
                localizer[$"Presence.{note.Origin}"].Value,
                note.AuthorName,
                SynthesisSources.VotesFor(wall, note.Id),
                note.KeptAsDisagreement ? localizer["Export.Csv.Yes"].Value : "",
                note.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        return csv;
    }

    /// <summary>One row per item of every round whose results are shown: room, remote and paper apart.</summary>
    public static CsvWriter Votes(AudienceModel wall, IStringLocalizer localizer)
    {
        var csv = new CsvWriter().Row(
            localizer["Export.Csv.Round"], localizer["Export.Csv.Kind"], localizer["Export.Csv.Question"], localizer["Export.Csv.Status"],
            localizer["Export.Item"], localizer["Export.Total"], localizer["Vote.Room"], localizer["Vote.Remote"], localizer["Vote.Paper"]);
        foreach (var round in wall.Rounds.Values.Where(r => r.Results is not null).OrderBy(r => r.Seq))
        {
            foreach (var tally in round.Results!.Tallies)
            {
                csv.Row(
                    round.Id,
                    localizer[$"Vote.Kind.{round.Setup.Kind}"].Value,
                    localizer.Title(round.Setup),
                    localizer[$"Vote.Status.{round.Status}"].Value,
                    localizer.ItemLabel(round.Setup, tally.ItemId, tally.Label),
                    tally.Total,
                    tally.Room,
                    tally.Remote,
                    tally.Paper);
            }
        }

        return csv;
    }
}
