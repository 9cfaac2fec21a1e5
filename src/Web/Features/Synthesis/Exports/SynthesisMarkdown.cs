using System.Globalization;
using System.Text;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.Features.Votes;
using CollectifLive.Web.State;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Features.Synthesis.Exports;

/// <summary>
/// The synthesis of a workshop as a Markdown document, from the facilitator's view: what was asked, who took part,
/// the recommendations with their sources, consent and disagreements, the themes with their notes, the votes. Only
/// accepted notes count (pending or hidden ones are moderation, not the record). Every user text goes through
/// <see cref="MarkdownText"/>.
/// </summary>
public static class SynthesisMarkdown
{
    public static string Write(AudienceModel wall, IStringLocalizer localizer, DateTimeOffset exportedAt)
    {
        var md = new StringBuilder();
        var header = wall.Header;
        var counts = header.Counts;
        var culture = CultureInfo.CurrentCulture;
        md.Append("# ").AppendLine(MarkdownText.Inline(header.Title)).AppendLine();
        if (header.Question is { } question)
        {
            md.Append("> ").AppendLine(MarkdownText.Block(question)).AppendLine();
        }

        md.AppendLine(localizer["Export.Dates", header.CreatedAt.ToString("D", culture), exportedAt.ToString("D", culture)]).AppendLine();

        md.Append("## ").AppendLine(localizer["Export.Participation"]).AppendLine();
        md.Append("- ").AppendLine(localizer["Export.People", counts.InRoom + counts.Remote, counts.InRoom, counts.Remote]);
        md.Append("- ").AppendLine(localizer["Export.Notes", counts.Notes, counts.NotesFromRoom, counts.NotesFromRemote, counts.NotesFromPaper]);
        md.Append("- ").AppendLine(localizer["Export.Rounds", wall.Rounds.Count]).AppendLine();

        WriteRecommendations(md, wall, localizer);
        WriteThemes(md, wall, localizer);
        WriteRounds(md, wall, localizer);
        return md.ToString();
    }

    private static void WriteRecommendations(StringBuilder md, AudienceModel wall, IStringLocalizer localizer)
    {
        md.Append("## ").AppendLine(localizer["Synthesis.Restitution"]).AppendLine();
        if (wall.Recommendations.IsEmpty)
        {
            md.AppendLine(localizer["Synthesis.Empty"]).AppendLine();
            return;
        }

        foreach (var recommendation in wall.RecommendationsInOrder)
        {
            md.Append("### ").Append(recommendation.Rank.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(MarkdownText.Inline(recommendation.Title));
            md.AppendLine(recommendation.Priority ? $" ({localizer["Synthesis.Priority"]})" : "").AppendLine();
            if (recommendation.Text is { } text)
            {
                md.AppendLine(MarkdownText.Block(text)).AppendLine();
            }

            var sources = SynthesisSources.Of(wall, recommendation, localizer);
            if (sources.Count > 0)
            {
                md.Append("**").Append(localizer["Synthesis.Sources"]).AppendLine("**").AppendLine();
                foreach (var source in sources)
                {
                    md.Append("- ").Append(localizer[$"Synthesis.SourceKind.{source.Kind}"]).Append(" : ").Append(MarkdownText.Block(source.Label, 2)).Append(" — ");
                    md.AppendLine(source.Kind == SourceKind.Round
                        ? localizer.Plural("Synthesis.Voters", source.Votes)
                        : $"{localizer["Synthesis.Origins", source.Origins.Room, source.Origins.Remote, source.Origins.Paper]} · {localizer.Plural("Synthesis.Votes", source.Votes)}");
                    if (source.Kind == SourceKind.Theme)
                    {
                        foreach (var note in source.Notes)
                        {
                            md.Append("  - ").AppendLine(MarkdownText.Block(note.Text, 4));
                        }
                    }
                }

                md.AppendLine();
            }

            WriteConsent(md, wall, recommendation, localizer);
            if (!recommendation.Disagreements.IsEmpty)
            {
                md.Append("**").Append(localizer["Synthesis.Disagreements"]).AppendLine("**").AppendLine();
                foreach (var disagreement in recommendation.Disagreements)
                {
                    md.Append("- ").AppendLine(MarkdownText.Block(disagreement.Text, 2));
                    foreach (var noteId in disagreement.NoteIds)
                    {
                        if (wall.Notes.TryGetValue(noteId, out var note))
                        {
                            md.Append("  - « ").Append(MarkdownText.Block(note.Text, 4)).AppendLine(" »");
                        }
                    }
                }

                md.AppendLine();
            }
        }
    }

    private static void WriteConsent(StringBuilder md, AudienceModel wall, RecommendationView recommendation, IStringLocalizer localizer)
    {
        if (ConsentSummary.LatestFor(wall, recommendation.Id) is not { Results: { } results } round)
        {
            return;
        }

        md.Append("**").Append(localizer["Consent.Latest"]).Append("** (").Append(localizer[$"Vote.Status.{round.Status}"]).AppendLine(")").AppendLine();
        foreach (var tally in results.Tallies)
        {
            md.Append("- ").Append(localizer[$"Consent.{tally.ItemId}"]).Append(" : ").Append(tally.Total.ToString(CultureInfo.InvariantCulture))
                .Append(" (").Append(localizer["Synthesis.Origins", tally.Room, tally.Remote, tally.Paper]).AppendLine(")");
        }

        md.AppendLine();
        if (!round.Reasons.IsDefaultOrEmpty)
        {
            md.Append("**").Append(localizer["Consent.Objections"]).AppendLine("**").AppendLine();
            foreach (var reason in round.Reasons)
            {
                md.Append("- ").AppendLine(MarkdownText.Block(reason, 2));
            }

            md.AppendLine();
        }
    }

    private static void WriteThemes(StringBuilder md, AudienceModel wall, IStringLocalizer localizer)
    {
        md.Append("## ").AppendLine(localizer["Export.ThemesAndNotes"]).AppendLine();
        foreach (var theme in wall.ThemesInOrder)
        {
            WriteNotes(md, MarkdownText.Inline(theme.Name), wall.NotesOfTheme(theme.Id), wall, localizer);
        }

        WriteNotes(md, localizer["Export.Unthemed"], wall.NotesOfTheme(null), wall, localizer);
        WriteNotes(md, localizer["Synthesis.KeptNotes"], wall.Notes.Values.Where(n => n.KeptAsDisagreement).OrderBy(n => n.Seq), wall, localizer);
    }

    private static void WriteNotes(StringBuilder md, string title, IEnumerable<NoteView> notes, AudienceModel wall, IStringLocalizer localizer)
    {
        var accepted = notes.Where(n => n.Status == NoteStatus.Visible).ToList();
        if (accepted.Count == 0)
        {
            return;
        }

        md.Append("### ").Append(title).Append(" (").Append(localizer.Plural("Synthesis.NoteCount", accepted.Count)).AppendLine(")").AppendLine();
        foreach (var note in accepted)
        {
            var votes = SynthesisSources.VotesFor(wall, note.Id);
            md.Append("- ").Append(MarkdownText.Block(note.Text, 2)).Append(" — ").Append(localizer[$"Presence.{note.Origin}"]);
            md.AppendLine(votes > 0 ? $" · {localizer.Plural("Synthesis.Votes", votes)}" : "");
        }

        md.AppendLine();
    }

    private static void WriteRounds(StringBuilder md, AudienceModel wall, IStringLocalizer localizer)
    {
        var rounds = wall.Rounds.Values.OrderBy(r => r.Seq).ToList();
        if (rounds.Count == 0)
        {
            return;
        }

        md.Append("## ").AppendLine(localizer["Vote.Title"]).AppendLine();
        foreach (var round in rounds)
        {
            md.Append("### ").Append(MarkdownText.Inline(localizer.Title(round.Setup))).Append(" (").Append(localizer[$"Vote.Kind.{round.Setup.Kind}"])
                .Append(", ").Append(localizer[$"Vote.Status.{round.Status}"]).Append(", ").Append(localizer.Plural("Synthesis.Voters", round.Voters)).AppendLine(")").AppendLine();
            if (round.Results is not { } results)
            {
                md.AppendLine(localizer["Vote.ResultsHidden"]).AppendLine();
                continue;
            }

            md.Append("| ").Append(localizer["Export.Item"]).Append(" | ").Append(localizer["Export.Total"]).Append(" | ").Append(localizer["Vote.Room"])
                .Append(" | ").Append(localizer["Vote.Remote"]).Append(" | ").Append(localizer["Vote.Paper"]).AppendLine(" |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            var tallies = round.Setup.KeepsItemOrder() ? results.Tallies.ToList() : [.. results.Tallies.OrderByDescending(t => t.Total)];
            foreach (var tally in tallies)
            {
                md.Append("| ").Append(MarkdownText.Inline(localizer.ItemLabel(round.Setup, tally.ItemId, tally.Label)))
                    .Append(" | ").Append(tally.Total.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(tally.Room.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(tally.Remote.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(tally.Paper.ToString(CultureInfo.InvariantCulture)).AppendLine(" |");
            }

            md.AppendLine();
            if (!round.Reasons.IsDefaultOrEmpty)
            {
                foreach (var reason in round.Reasons)
                {
                    md.Append("- ").AppendLine(MarkdownText.Block(reason, 2));
                }

                md.AppendLine();
            }
        }
    }
}
