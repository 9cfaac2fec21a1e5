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
    string? ServiceKey = null)
{
    /// <summary>Secrets (the service key, the storage account key) never reach logs through the generated ToString.</summary>
    public override string ToString() =>
        $"ClusterSettings {{ Clustering = {Clustering}, ClusterId = {ClusterId}, ServiceId = {ServiceId}, SiloPort = {SiloPort}, GatewayPort = {GatewayPort}, SiloAddress = {SiloAddress} }}";

    /// <summary>The key web servers present to the silos; required wherever silos and web servers are separate processes.</summary>
    public string RequireServiceKey() =>
        ServiceKey is { Length: >= 22 } key
            ? key
            : throw new InvalidOperationException("Set Cluster:ServiceKey (the same secret of at least 22 characters on every silo and web server of the cluster).");

    /// <summary>Azurite's well-known development account on its default loopback ports.</summary>
    public const string AzuriteDefault =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static ClusterSettings From(IConfiguration configuration) => new(
        configuration["Storage:ConnectionString"] is { Length: > 0 } connection ? connection : AzuriteDefault,
        Enum.TryParse<ClusteringMode>(configuration["Cluster:Clustering"], ignoreCase: true, out var mode) ? mode : ClusteringMode.Localhost,
        configuration["Cluster:ClusterId"] ?? "collectiflive",
        configuration["Cluster:ServiceId"] ?? "collectiflive",
        int.TryParse(configuration["Cluster:SiloPort"], out var siloPort) ? siloPort : 11111,
        int.TryParse(configuration["Cluster:GatewayPort"], out var gatewayPort) ? gatewayPort : 30000,
        IPAddress.TryParse(configuration["Cluster:SiloAddress"], out var address) ? address : IPAddress.Loopback,
        configuration["Cluster:ServiceKey"] is { Length: > 0 } serviceKey ? serviceKey : null);
}
