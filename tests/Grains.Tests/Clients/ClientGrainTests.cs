using CollectifLive.Clients;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests.Clients;

/// <summary>One address's counts, shared by every web server, at the product's default limits.</summary>
[Collection(ClusterCollection.Name)]
public class ClientGrainTests(TestClusterFixture fixture)
{
    private static readonly ServiceKey Service = TestClusterFixture.Service;

    /// <summary>An address of its own for each test, so that no test counts another's acts.</summary>
    private IClientGrain NewAddress() => fixture.Client.GetGrain<IClientGrain>($"ip:test-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_room_typing_the_right_code_at_once_is_never_refused_and_a_wrong_code_burst_is_cut_at_the_address_limit()
    {
        var address = NewAddress();

        var room = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => address.BeginCodeLookup(Service, $"phone-{i}")));
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => address.EndCodeLookup(Service, $"phone-{i}", wrong: false)));
        var burst = await Task.WhenAll(Enumerable.Range(0, 1_500).Select(i => address.BeginCodeLookup(Service, $"bot-{i}")));

        Assert.All(room, admission => Assert.True(admission.IsGranted));
        Assert.Equal(Limits.WrongJoinCodesPerAddressPerMinute, burst.Count(a => a.IsGranted));
        Assert.All(burst.Where(a => !a.IsGranted), a => Assert.Equal((WorkshopError.TooManyWrongCodesFromAddress, Limits.WrongJoinCodesPerAddressPerMinute), (a.Error, a.Limit)));
    }

    [Fact]
    public async Task A_typist_is_blocked_at_their_own_limit_and_their_neighbour_is_not()
    {
        var address = NewAddress();
        for (var i = 0; i < Limits.WrongJoinCodesPerBrowserPerMinute; i++)
        {
            Assert.True((await address.BeginCodeLookup(Service, "typist")).IsGranted);
            await address.EndCodeLookup(Service, "typist", wrong: true);
        }

        var blocked = await address.BeginCodeLookup(Service, "typist");
        var neighbour = await address.BeginCodeLookup(Service, "neighbour");

        Assert.Equal((WorkshopError.TooManyJoinAttempts, Limits.WrongJoinCodesPerBrowserPerMinute), (blocked.Error, blocked.Limit));
        Assert.InRange(blocked.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(neighbour.IsGranted);
    }

    [Fact]
    public async Task Joins_are_cut_per_browser_and_per_address_above_what_a_room_of_300_does()
    {
        var address = NewAddress();

        var room = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => address.Count(Service, ClientAct.Join, $"phone-{i}")));
        var flood = await Task.WhenAll(Enumerable.Range(0, 2_200).Select(i => address.Count(Service, ClientAct.Join, $"bot-{i}")));
        var oneBrowser = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => NewAddress().Count(Service, ClientAct.Join, "same")));
        var sameBrowser = NewAddress();
        var repeated = new List<Admission>();
        for (var i = 0; i < 15; i++)
        {
            repeated.Add(await sameBrowser.Count(Service, ClientAct.Join, "same"));
        }

        Assert.All(room, admission => Assert.True(admission.IsGranted));
        Assert.Equal(Limits.JoinsPerAddressPerMinute - 300, flood.Count(a => a.IsGranted));
        Assert.All(flood.Where(a => !a.IsGranted), a => Assert.Equal((WorkshopError.TooManyJoins, Limits.JoinsPerAddressPerMinute), (a.Error, a.Limit)));
        Assert.All(oneBrowser, admission => Assert.True(admission.IsGranted));
        Assert.Equal(Limits.JoinsPerBrowserPerMinute, repeated.Count(a => a.IsGranted));
        Assert.Equal(Limits.JoinsPerBrowserPerMinute, repeated.Last().Limit);
    }

    [Fact]
    public async Task Notes_and_creations_are_counted_per_address()
    {
        var address = NewAddress();

        var notes = await Task.WhenAll(Enumerable.Range(0, Limits.NotesPerAddressPerMinute + 50).Select(i => address.Count(Service, ClientAct.Note, $"phone-{i % 300}")));
        var creations = await Task.WhenAll(Enumerable.Range(0, Limits.WorkshopCreationsPerMinute + 5).Select(_ => address.Count(Service, ClientAct.WorkshopCreation, "")));

        Assert.Equal(Limits.NotesPerAddressPerMinute, notes.Count(a => a.IsGranted));
        Assert.All(notes.Where(a => !a.IsGranted), a => Assert.Equal(WorkshopError.TooManyNotesPerMinute, a.Error));
        Assert.Equal(Limits.WorkshopCreationsPerMinute, creations.Count(a => a.IsGranted));
    }

    [Fact]
    public async Task Counts_are_refused_without_the_service_key()
    {
        var address = NewAddress();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => address.BeginCodeLookup(new ServiceKey("not-the-key"), "b"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => address.Count(new ServiceKey("not-the-key"), ClientAct.Join, "b"));
    }
}
