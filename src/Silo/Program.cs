using CollectifLive.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollectifLive.Silo;

/// <summary>
/// Stand-alone silo for the multi-machine layout: web servers connect to it as Orleans clients. An explicit entry point,
/// not top-level statements: ASP.NET Core (which the dashboard brings in) would make a top-level Program public, and
/// the web project, which references this one, has its own.
/// </summary>
internal static class StandaloneSilo
{
    private static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        // Orleans logs every grain placement through Polly at Information: keep the console for what matters.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // A stand-alone silo always clusters through a table, so its storage is Azure Storage whatever the defaults say.
        var settings = ClusterSettings.From(builder.Configuration) with { Clustering = ClusteringMode.AzureTable, Storage = StorageProvider.AzureStorage };
        builder.UseOrleans(silo => silo.ConfigureCollectifLiveSilo(settings));
        await builder.Build().RunAsync();
    }
}
