using CollectifLive.Domain;
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
}
