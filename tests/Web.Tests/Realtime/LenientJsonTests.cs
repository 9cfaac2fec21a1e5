using System.Text.Json;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.Realtime;

/// <summary>How the hub reads values of the wrong shape: as values no rule accepts, never as a failure to bind.</summary>
public class LenientJsonTests
{
    private static readonly JsonSerializerOptions Options = Lenient();

    private static JsonSerializerOptions Lenient()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Web);
        LenientJson.AddTo(options.Converters);
        return options;
    }

    private sealed record Sample(Guid Id, int Count, NoteColour Colour, Dictionary<NoteColour, int>? ByColour = null);

    [Theory]
    [InlineData("""{ "id": "not-a-guid", "count": 1.5, "colour": "Octarine" }""")]
    [InlineData("""{ "id": 12345, "count": 1e12, "colour": 2.5 }""")]
    [InlineData("""{ "id": null, "count": null, "colour": null }""")]
    [InlineData("""{ "id": { "a": 1 }, "count": [1, 2], "colour": { "b": [] } }""")]
    public void Wrong_shapes_become_values_no_rule_accepts(string json)
    {
        var sample = JsonSerializer.Deserialize<Sample>(json, Options)!;

        Assert.Equal(Guid.Empty, sample.Id);
        Assert.Equal(LenientJson.NotAnInteger, sample.Count);
        Assert.False(Enum.IsDefined(sample.Colour));
    }

    [Fact]
    public void Right_shapes_read_and_write_as_before()
    {
        var id = Guid.NewGuid();
        var sample = JsonSerializer.Deserialize<Sample>($$"""{ "id": "{{id}}", "count": 3, "colour": "blue", "byColour": { "Yellow": 2, "Octarine": 1 } }""", Options)!;

        Assert.Equal(new Sample(id, 3, NoteColour.Blue), sample with { ByColour = null });
        Assert.Equal(2, sample.ByColour![NoteColour.Yellow]);
        Assert.Contains(sample.ByColour.Keys, k => !Enum.IsDefined(k));
        Assert.Equal($$$"""{"id":"{{{id}}}","count":3,"colour":"Blue","byColour":{"Yellow":2}}""", JsonSerializer.Serialize(new Sample(id, 3, NoteColour.Blue, new() { [NoteColour.Yellow] = 2 }), Options));
    }
}
