using CollectifLive.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Stand-alone silo for the multi-machine layout: web servers connect to it as Orleans clients.
var builder = Host.CreateApplicationBuilder(args);

// Orleans logs every grain placement through Polly at Information: keep the console for what matters.
builder.Logging.AddFilter("Polly", LogLevel.Warning);
// A stand-alone silo always clusters through a table, so its storage is Azure Storage whatever the defaults say.
var settings = ClusterSettings.From(builder.Configuration) with { Clustering = ClusteringMode.AzureTable, Storage = StorageProvider.AzureStorage };
builder.UseOrleans(silo => silo.ConfigureCollectifLiveSilo(settings));
await builder.Build().RunAsync();
