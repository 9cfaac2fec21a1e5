using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Web.Workshops;
using CollectifLive.Workshops;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectifLive.Web.Tests.Support;

/// <summary>
/// A real workshop on the test cluster, made through a web server's own gateway and feeds (as a circuit reaches them),
/// in its contribution step, with two columns "c1" and "c2".
/// </summary>
public sealed class TestWorkshop : IAsyncDisposable
{
    private TestWorkshop(WorkshopFeeds feeds, WorkshopGateway gateway, CreatedWorkshop created)
    {
        Feeds = feeds;
        Gateway = gateway;
        Id = created.WorkshopId;
        JoinCode = created.JoinCode;
        Facilitator = Credential.Facilitator(created.FacilitatorKey);
    }

    public WorkshopFeeds Feeds { get; }

    public WorkshopGateway Gateway { get; }

    public string Id { get; }

    public string JoinCode { get; }

    public Credential Facilitator { get; }

    /// <summary>Every test's client counts alone, so no limit of one test touches another.</summary>
    public static Client NewClient() => new("test:" + Guid.NewGuid().ToString("N"), "browser");

    public static async Task<TestWorkshop> Create(TestClusterFixture fixture, TimeProvider? feedClock = null)
    {
        var feeds = new WorkshopFeeds(fixture.Client, TestClusterFixture.Service, feedClock ?? TimeProvider.System, TestMetrics.Web, NullLogger<WorkshopFeeds>.Instance);
        var gateway = new WorkshopGateway(fixture.Client, TestClusterFixture.Service, feeds, TestMetrics.Web, NullLogger<WorkshopGateway>.Instance);
        var created = await gateway.Create(CreationTicket.New(), NewClient().Address, "Atelier", "Quels espaces d'accueil ?", ["Idées", "Questions"], null);
        Assert.True(created.IsSuccess, created.Error.ToString());
        var workshop = new TestWorkshop(feeds, gateway, created.Value!);
        await workshop.Run(new SetPhase(Phase.Contribution));
        return workshop;
    }

    /// <summary>A facilitator's command, which must be accepted; its value (a new item's id) is returned.</summary>
    public async Task<string?> Run(WorkshopCommand command)
    {
        var result = await Gateway.Execute(Id, Facilitator, Guid.NewGuid(), command);
        Assert.True(result.IsAccepted, $"{command}: {result.Error}");
        return result.Value;
    }

    public async Task<Credential> Join(string name, Guid? operationId = null)
    {
        var joined = await Gateway.Join(Id, JoinCode, name, Presence.Room, operationId ?? Guid.NewGuid(), NewClient());
        Assert.True(joined.IsSuccess, joined.Error.ToString());
        return joined.Value!.Credential;
    }

    public async Task<string> Post(Credential participant, string text)
    {
        var result = await Gateway.Execute(Id, participant, Guid.NewGuid(), new AddNote("c1", text, NoteColour.Yellow));
        Assert.True(result.IsAccepted, result.Error.ToString());
        return result.Value!;
    }

    /// <summary>The workshop as its console sees it now.</summary>
    public async Task<AudienceModel> Console()
    {
        var view = await Gateway.FacilitatorView(Id, Facilitator);
        Assert.True(view.IsSuccess, view.Error.ToString());
        return view.Value!;
    }

    /// <summary>What a participant has of their own now: their notes and ballots.</summary>
    public async Task<OwnView> Own(Credential participant)
    {
        var access = await Gateway.Access(Id, participant);
        Assert.True(access.IsGranted, access.Error.ToString());
        return access.Own!;
    }

    public ValueTask DisposeAsync() => Feeds.DisposeAsync();
}
