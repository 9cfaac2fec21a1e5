using System.Text.RegularExpressions;
using System.Xml.Linq;
using CollectifLive.Testing;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.Resources;

/// <summary>Every text the UI asks for exists in French and in English.</summary>
public partial class ResourceTests
{
    private static readonly string WebRoot = Path.Combine(RepoPaths.Root, "src", "Web");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static readonly Dictionary<string, string> French = Load("Strings.resx");
    private static readonly Dictionary<string, string> English = Load("Strings.en.resx");

    [GeneratedRegex("""L\["([^"]+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""Plural\("([^"]+)",""")]
    private static partial Regex PluralKey();

    [Fact]
    public void French_and_English_have_the_same_texts_with_the_same_placeholders()
    {
        Assert.Equal(French.Keys.Order(), English.Keys.Order());
        foreach (var (key, french) in French)
        {
            Assert.False(string.IsNullOrWhiteSpace(french), key);
            Assert.Equal(Placeholders(french), Placeholders(English[key]));
        }

        static string[] Placeholders(string text) => [.. Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order()];
    }

    [Fact]
    public void Every_text_a_page_names_exists()
    {
        var used = Directory.EnumerateFiles(WebRoot, "*.razor", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(text => LiteralKey().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(PluralKey().Matches(text).SelectMany(m => new[] { m.Groups[1].Value + ".One", m.Groups[1].Value + ".Other" })))
            .Distinct();
        Assert.All(used, key => Assert.True(French.ContainsKey(key), $"missing resource {key}"));
    }

    [Fact]
    public void Every_easy_reading_text_is_the_simpler_twin_of_a_usual_one()
    {
        var easy = French.Keys.Where(key => key.StartsWith("Easy.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(easy);
        Assert.All(easy, key => Assert.True(French.ContainsKey(key["Easy.".Length..]), $"{key} has no usual text to stand in for"));
    }

    [Fact]
    public void Every_error_presence_colour_and_template_has_a_text()
    {
        var keys = Enum.GetNames<WorkshopError>().Select(e => $"Error.{e}")
            .Concat(Enum.GetNames<Presence>().Select(p => $"Presence.{p}"))
            .Concat(Enum.GetNames<NoteColour>().Select(c => $"Colour.{c}"))
            .Concat(WorkshopTemplates.All.Select(t => $"Template.{t.Id}"))
            .Concat(Enum.GetNames<Phase>().SelectMany(p => new[] { $"Phase.{p}", $"Phase.{p}.Hint" }))
            .Concat(Enum.GetNames<NoteStatus>().SelectMany(s => new[] { $"Status.{s}", $"Own.Status.{s}" }))
            .Concat(Enum.GetNames<WallLayout>().Select(l => $"Layout.{l}"));
        Assert.All(keys, key => Assert.True(French.ContainsKey(key), $"missing resource {key}"));
    }
}
