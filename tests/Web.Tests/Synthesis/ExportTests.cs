using System.Text;
using CollectifLive.Testing;
using CollectifLive.Web.Features.Synthesis.Exports;

namespace CollectifLive.Web.Tests.Synthesis;

/// <summary>
/// The exports of a workshop full of hostile texts, compared with golden files read by a person (set
/// UPDATE_GOLDEN=1 to write them again after a deliberate change, then read the diff before committing it).
/// </summary>
public class ExportTests
{
    private static readonly string Golden = Path.Combine(RepoPaths.Root, "tests", "Web.Tests", "Synthesis", "Golden");

    [Fact]
    public void The_markdown_synthesis_matches_its_golden_file_in_french_and_in_english()
    {
        AssertGolden("synthese.fr.md", HostileWorkshop.InCulture("fr", () => SynthesisMarkdown.Write(HostileWorkshop.Wall(), HostileWorkshop.Localizer(), HostileWorkshop.At)));
        AssertGolden("synthese.en.md", HostileWorkshop.InCulture("en", () => SynthesisMarkdown.Write(HostileWorkshop.Wall(), HostileWorkshop.Localizer(), HostileWorkshop.At)));
    }

    [Fact]
    public void The_spreadsheets_match_their_golden_files()
    {
        AssertGolden("idees.fr.csv", HostileWorkshop.InCulture("fr", () => WorkshopCsv.Notes(HostileWorkshop.Wall(), HostileWorkshop.Localizer()).ToString()));
        AssertGolden("votes.fr.csv", HostileWorkshop.InCulture("fr", () => WorkshopCsv.Votes(HostileWorkshop.Wall(), HostileWorkshop.Localizer()).ToString()));
    }

    [Fact]
    public void Note_texts_stay_text_in_markdown()
    {
        var markdown = HostileWorkshop.InCulture("fr", () => SynthesisMarkdown.Write(HostileWorkshop.Wall(), HostileWorkshop.Localizer(), HostileWorkshop.At));

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](http", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**gras**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", markdown, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", markdown, StringComparison.Ordinal);
        Assert.Contains("🌱🏡", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# Titre", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n- =une permanence", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spreadsheet_cell_that_would_run_as_a_formula_is_neutralised_and_the_file_opens_as_utf8()
    {
        var csv = HostileWorkshop.InCulture("fr", () => WorkshopCsv.Notes(HostileWorkshop.Wall(), HostileWorkshop.Localizer()));
        var bytes = csv.ToBytes();
        var text = csv.ToString();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"cliquez\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"'+33 6 12 34 56 78 @mention -moins\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Amina =1+1\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n=", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), row => Assert.StartsWith("\"", row, StringComparison.Ordinal));
        Assert.Equal("'=SOMME(A1)", CsvWriter.Neutralised("=SOMME(A1)"));
        Assert.Equal("'-1", CsvWriter.Neutralised("-1"));
        Assert.Equal("'@x", CsvWriter.Neutralised("@x"));
        Assert.Equal("'\tx", CsvWriter.Neutralised("\tx"));
        Assert.Equal("'\rx", CsvWriter.Neutralised("\rx"));
        Assert.Equal("Un jardin", CsvWriter.Neutralised("Un jardin"));
    }

    private static void AssertGolden(string file, string actual)
    {
        var path = Path.Combine(Golden, file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with UPDATE_GOLDEN=1 and read it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
