using Microsoft.Extensions.DependencyInjection;
using CollectifLive.Silo.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace CollectifLive.Testing;

/// <summary>
/// A real Orleans test cluster whose grains store to a real Azurite (the clustered storage), shared by the tests of a
/// collection; <see cref="SqliteTestClusterFixture"/> runs the same tests on the one-machine storage.
/// </summary>
public class TestClusterFixture : IAsyncLifetime
{
    /// <summary>The key the tests present as a web server would.</summary>
    public static readonly CollectifLive.Workshops.ServiceKey Service = new("test-service-key-0123456789-abcdefgh");

    /// <summary>The folder Azurite keeps its files in; null keeps them in memory.</summary>
    protected virtual string? AzuriteLocation => null;

    /// <summary>What a fixture adds to the silo before its storage (a clock of its own, for instance).</summary>
    protected virtual void Configure(ISiloBuilder silo)
    {
    }

    /// <summary>What a fixture changes once the storage is registered (a wrapper around a provider, for instance).</summary>
    protected virtual void ConfigureAfterStorage(ISiloBuilder silo)
    {
    }

    /// <summary>The storage the silo uses.</summary>
    protected virtual StorageProvider Storage => StorageProvider.AzureStorage;

    /// <summary>The SQLite file of a fixture on <see cref="StorageProvider.Sqlite"/>, in a folder of its own.</summary>
    public string SqlitePath { get; } = Path.Combine(Path.GetTempPath(), "collectiflive-sqlite-" + Guid.NewGuid().ToString("N"), "grains.db");

    /// <summary>Azurite, on a fixture that stores to Azure Storage.</summary>
    public AzuriteProcess Azurite { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        string? connectionString = null;
        if (Storage == StorageProvider.AzureStorage)
        {
            Azurite = await AzuriteProcess.Start(AzuriteLocation);
            connectionString = Azurite.ConnectionString;
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            Configure(silo);
            silo.AddServiceKey(Service.Secret);
            if (connectionString is null)
            {
                silo.AddCollectifLiveSqliteStorage(SqlitePath);
            }
            else
            {
                silo.AddCollectifLiveAzureStorage(connectionString);
            }

            ConfigureAfterStorage(silo);
        });
        builder.ConfigureClient(client => client.AddServiceKey(Service));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        if (Storage == StorageProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(SqlitePath)!, recursive: true);
        }
    }
}

/// <summary>The same cluster on the one-machine storage: one SQLite file.</summary>
public sealed class SqliteTestClusterFixture : TestClusterFixture
{
    protected override StorageProvider Storage => StorageProvider.Sqlite;
}

/// <summary>A test cluster whose Azurite keeps its files on disk, so that tests can read what storage really holds.</summary>
public sealed class OnDiskTestClusterFixture : TestClusterFixture
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "collectiflive-azurite-" + Guid.NewGuid().ToString("N"));

    protected override string? AzuriteLocation => Folder;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The storage files that contain <paramref name="text"/> (as UTF-8 bytes), relative to the folder.</summary>
    public IReadOnlyList<string> FilesContaining(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(file => ReadShared(file).AsSpan().IndexOf(needle) >= 0)
            .Select(file => Path.GetRelativePath(Folder, file))];
    }

    /// <summary>Reads a file Azurite may be writing at the same time.</summary>
    private static byte[] ReadShared(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }
}
