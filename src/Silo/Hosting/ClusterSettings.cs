using System.Net;
using Microsoft.Extensions.Configuration;

namespace CollectifLive.Silo.Hosting;

/// <summary>How silos and clients find each other.</summary>
public enum ClusteringMode
{
    /// <summary>One process, one silo on loopback (the default, co-hosted with the web server).</summary>
    Localhost,

    /// <summary>Silos and web servers find each other through an Azure Storage table.</summary>
    AzureTable,
}

/// <summary>Where the grains' state, their reminders and the content keys are kept.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file on this machine, synced at every commit: the default for one co-hosted silo.</summary>
    Sqlite,

    /// <summary>Azure Storage (or Azurite): blobs and tables every silo of a cluster shares.</summary>
    AzureStorage,
}

/// <summary>
/// The settings silos and web clients share, read from configuration with embedded defaults. They live in a
/// "Cluster" section, not "Orleans": Orleans reads that section itself and would take these keys for providers.
/// </summary>
public sealed record ClusterSettings(
    string StorageConnectionString,
    ClusteringMode Clustering,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    IPAddress SiloAddress,
    string? ServiceKey = null,
    StorageProvider Storage = StorageProvider.AzureStorage,
    string SqlitePath = ClusterSettings.DefaultSqlitePath,
    bool AllowPublicAddress = false)
{
    /// <summary>Secrets (the service key, the storage account key) never reach logs through the generated ToString.</summary>
    public override string ToString() =>
        $"ClusterSettings {{ Storage = {Storage}, Clustering = {Clustering}, ClusterId = {ClusterId}, ServiceId = {ServiceId}, SiloPort = {SiloPort}, GatewayPort = {GatewayPort}, SiloAddress = {SiloAddress} }}";

    /// <summary>The key web servers present to the silos; required wherever silos and web servers are separate processes.</summary>
    public string RequireServiceKey() =>
        ServiceKey is { Length: >= 22 } key
            ? key
            : throw new InvalidOperationException("Set Cluster:ServiceKey (the same secret of at least 22 characters on every silo and web server of the cluster).");

    /// <summary>
    /// The address silos listen on, if it may carry their traffic: loopback or a private network (RFC 1918, IPv6
    /// unique-local or link-local). Silo and gateway traffic is not encrypted, and everything but the grains needs no
    /// key: on an address the internet can reach, a silo starts only when told the network is protected another way
    /// (Cluster:AllowPublicAddress, for a VPN or a firewall).
    /// </summary>
    public IPAddress RequireProtectedAddress() =>
        Clustering == ClusteringMode.Localhost || AllowPublicAddress || IsPrivate(SiloAddress)
            ? SiloAddress
            : throw new InvalidOperationException(
                $"Cluster:SiloAddress {SiloAddress} is public: silo traffic is not encrypted. Use a private network's address, or set Cluster:AllowPublicAddress=true if a VPN or a firewall protects it.");

    public static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168) || (bytes[0] == 169 && bytes[1] == 254)
            : address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal;
    }

    /// <summary>Azurite's well-known development account on its default loopback ports.</summary>
    public const string AzuriteDefault =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    /// <summary>Where the one-machine database is kept, relative to the folder the app is started from.</summary>
    public const string DefaultSqlitePath = ".data/collectiflive.db";

    /// <summary>
    /// Storage is SQLite unless Azure Storage is asked for (Storage:Provider), implied by a connection string, or needed
    /// by clustering through a table.
    /// </summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        var connection = configuration["Storage:ConnectionString"] is { Length: > 0 } configured ? configured : null;
        var clustering = Enum.TryParse<ClusteringMode>(configuration["Cluster:Clustering"], ignoreCase: true, out var mode) ? mode : ClusteringMode.Localhost;
        var storage = Enum.TryParse<StorageProvider>(configuration["Storage:Provider"], ignoreCase: true, out var provider)
            ? provider
            : connection is not null || clustering == ClusteringMode.AzureTable ? StorageProvider.AzureStorage : StorageProvider.Sqlite;
        return new(
            connection ?? AzuriteDefault,
            clustering,
            configuration["Cluster:ClusterId"] ?? "collectiflive",
            configuration["Cluster:ServiceId"] ?? "collectiflive",
            int.TryParse(configuration["Cluster:SiloPort"], out var siloPort) ? siloPort : 11111,
            int.TryParse(configuration["Cluster:GatewayPort"], out var gatewayPort) ? gatewayPort : 30000,
            IPAddress.TryParse(configuration["Cluster:SiloAddress"], out var address) ? address : IPAddress.Loopback,
            configuration["Cluster:ServiceKey"] is { Length: > 0 } serviceKey ? serviceKey : null,
            storage,
            configuration["Storage:SqlitePath"] is { Length: > 0 } path ? path : DefaultSqlitePath,
            bool.TryParse(configuration["Cluster:AllowPublicAddress"], out var allowPublic) && allowPublic);
    }
}
