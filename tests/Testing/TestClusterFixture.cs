using CollectifLive.Silo.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace CollectifLive.Testing;

/// <summary>A real Orleans test cluster whose grains store to a real Azurite, shared by the tests of a collection.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.Start();
        var builder = new InProcessTestClusterBuilder(1);
        var connectionString = Azurite.ConnectionString;
        builder.ConfigureSilo((_, silo) => silo.AddCollectifLiveStorage(connectionString));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}
