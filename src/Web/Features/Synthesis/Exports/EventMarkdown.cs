using System.Globalization;
using System.Text;
using CollectifLive.Events;
using CollectifLive.Web.State;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Features.Synthesis.Exports;

/// <summary>
/// The synthesis of a day as one Markdown document: the day's participation atelier by atelier, the
/// recommendations of every atelier, then each atelier's own synthesis (<see cref="SynthesisMarkdown"/>) one level down.
/// </summary>
public static class EventMarkdown
{
    public static string Write(EventView day, IReadOnlyList<AudienceModel> workshops, IStringLocalizer localizer, DateTimeOffset exportedAt)
    {
        var culture = CultureInfo.CurrentCulture;
        var md = new StringBuilder();
        md.Append("# ").AppendLine(MarkdownText.Inline(day.Title)).AppendLine();
        md.AppendLine(day.Place is { } place
            ? localizer["EventExport.DateAndPlace", day.Date.ToString("D", culture), MarkdownText.Inline(place)]
            : localizer["EventExport.Date", day.Date.ToString("D", culture)]).AppendLine();
        md.AppendLine(localizer["EventExport.Exported", exportedAt.ToString("D", culture)]).AppendLine();

        md.Append("## ").AppendLine(localizer["EventExport.Participation"]).AppendLine();
        md.Append("| ").Append(localizer["EventExport.Workshop"]).Append(" | ").Append(localizer["EventExport.People"]).Append(" | ")
            .Append(localizer["EventExport.InRoom"]).Append(" | ").Append(localizer["EventExport.Remote"]).Append(" | ")
            .Append(localizer["EventExport.Notes"]).Append(" | ").Append(localizer["EventExport.Paper"]).Append(" | ")
            .Append(localizer["EventExport.Votes"]).AppendLine(" |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var workshop in workshops)
        {
            var counts = workshop.Header.Counts;
            md.Append("| ").Append(MarkdownText.Inline(workshop.Header.Title).Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" | ").Append(Number(counts.InRoom + counts.Remote)).Append(" | ").Append(Number(counts.InRoom))
                .Append(" | ").Append(Number(counts.Remote)).Append(" | ").Append(Number(counts.Notes))
                .Append(" | ").Append(Number(counts.NotesFromPaper)).Append(" | ").Append(Number(workshop.Rounds.Count)).AppendLine(" |");
        }

        var total = workshops.Select(w => w.Header.Counts).ToList();
        md.Append("| **").Append(localizer["EventExport.Total"]).Append("** | ").Append(Number(total.Sum(c => c.InRoom + c.Remote)))
            .Append(" | ").Append(Number(total.Sum(c => c.InRoom))).Append(" | ").Append(Number(total.Sum(c => c.Remote)))
            .Append(" | ").Append(Number(total.Sum(c => c.Notes))).Append(" | ").Append(Number(total.Sum(c => c.NotesFromPaper)))
            .Append(" | ").Append(Number(workshops.Sum(w => w.Rounds.Count))).AppendLine(" |").AppendLine();

        md.Append("## ").AppendLine(localizer["EventExport.Recommendations"]).AppendLine();
        foreach (var workshop in workshops)
        {
            md.Append("### ").AppendLine(MarkdownText.Inline(workshop.Header.Title)).AppendLine();
            if (workshop.Recommendations.IsEmpty)
            {
                md.AppendLine(localizer["Synthesis.Empty"]).AppendLine();
                continue;
            }

            foreach (var recommendation in workshop.RecommendationsInOrder)
            {
                md.Append(Number(recommendation.Rank)).Append(". ").Append(MarkdownText.Inline(recommendation.Title));
                md.Append(recommendation.Priority ? $" ({localizer["Synthesis.Priority"]})" : "");
                if (day.ConsentOn(workshop.Header.WorkshopId, recommendation.Id) is { } consent)
                {
                    md.Append(" — ").Append(localizer["EventExport.DayConsent", consent.Agree, consent.LiveWith, consent.Objection]);
                }

                md.AppendLine();
            }

            md.AppendLine();
        }

        foreach (var workshop in workshops)
        {
            // Each atelier's synthesis, its headings one level down under the day's title.
            foreach (var line in SynthesisMarkdown.Write(workshop, localizer, exportedAt).Split('\n'))
            {
                md.Append(line.StartsWith('#') ? "#" : "").Append(line).Append('\n');
            }
        }

        return md.ToString();

        static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
