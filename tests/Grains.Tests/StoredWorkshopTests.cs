using System.Text.Json;
using System.Text.Json.Nodes;
using CollectifLive.Domain;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Privacy;
using CollectifLive.Silo.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

/// <summary>What storage holds of a workshop, without a cluster: content sealed with its own key, older shapes upgraded on read.</summary>
public class StoredWorkshopTests
{
    [Fact]
    public void Sealed_content_opens_only_with_its_key_and_its_owner()
    {
        var key = ContentCipher.NewKey();
        var sealedContent = ContentCipher.Seal(key, "workshop-a", "Une idée très personnelle"u8);

        Assert.Equal("Une idée très personnelle"u8.ToArray(), ContentCipher.Open(key, "workshop-a", sealedContent));
        Assert.DoesNotContain("personnelle", System.Text.Encoding.UTF8.GetString(sealedContent.Data), StringComparison.Ordinal);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ContentCipher.Open(ContentCipher.NewKey(), "workshop-a", sealedContent));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ContentCipher.Open(key, "workshop-b", sealedContent));
        var altered = sealedContent with { Data = [.. sealedContent.Data.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b)] };
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ContentCipher.Open(key, "workshop-a", altered));
    }

    [Fact]
    public void A_workshop_stored_before_steps_existed_comes_back_taking_notes()
    {
        var created = Workshop.Create(
            "ws1", new CreateWorkshop("Émergence", null, ["Idées"], null, Workshops.FacilitatorKey, Workshops.ProjectorKey), "ABC234", DateTimeOffset.UnixEpoch);
        var before = Workshop.Apply(null, created.Events) with { Phase = Phase.Welcome };

        Assert.Equal(Phase.Contribution, new WorkshopDocument { Schema = 1, State = before }.UpgradedState()!.Phase);
        Assert.Equal(Phase.Welcome, new WorkshopDocument { State = before }.UpgradedState()!.Phase);
        Assert.Null(new WorkshopDocument { Schema = 1 }.UpgradedState());
    }

    /// <summary>
    /// A workshop as storage held it while its state embedded view records (ColumnView, WallSettings, WorkshopLocks,
    /// TimerView, SpotlightView, VoteSetup, VoteItem), written by that code: it reads back whole into the domain's own
    /// records, and they are written again in the same shape.
    /// </summary>
    [Fact]
    public void A_workshop_stored_with_view_records_reads_back_whole_and_is_written_in_the_same_shape()
    {
        var stored = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workshop-stored-with-view-records.json"));

        var state = JsonSerializer.Deserialize<WorkshopDocument>(stored, JsonGrainStateSerializer.Options)!.UpgradedState()!;

        Assert.Equal([new Column("c1", "Idées"), new Column("c2", "Freins")], state.Columns.AsEnumerable());
        Assert.Equal(new WallOptions(false, false, true, true, true, WallLayout.Themes), state.Settings);
        Assert.Equal(new Locks(JoinsClosed: true, NotesClosed: false), state.Locks);
        Assert.Equal(new WorkshopTimer(TimerStatus.Paused, 120, null, 120), state.Timer);
        Assert.Equal(new Spotlight(SpotlightKind.Note, "n1"), state.Spotlight);
        Assert.Equal(RoundSetup.Of(VoteSetup.Dots(3, 2, title: "Priorités", anonymous: false)), state.Rounds["v2"].Setup);
        Assert.Equal([new RoundItem("n1", "Un tiers-lieu")], state.Rounds["v2"].ClosedItems!.Value.AsEnumerable());
        Assert.Equal(RoundSetup.Of(VoteSetup.Poll("Quel soir ?", ["Lundi", "Mardi"]) with { TimerSeconds = 120 }), state.Rounds["v3"].Setup);
        Assert.Equal([new RoundItem("o1", "Lundi"), new RoundItem("o2", "Mardi")], state.Rounds["v3"].Options.AsEnumerable());

        var read = JsonNode.Parse(stored)!["State"]!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(new WorkshopDocument { State = state }, JsonGrainStateSerializer.Options))!["State"]!;
        foreach (var part in new[] { "Columns", "Settings", "Locks", "Timer", "Spotlight", "Rounds" })
        {
            Assert.True(JsonNode.DeepEquals(read[part], written[part]), $"{part} is written as {written[part]}, was stored as {read[part]}");
        }
    }
}
