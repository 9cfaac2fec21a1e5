using CollectifLive.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Stand-alone silo for the multi-machine layout: web servers connect to it as Orleans clients.
var builder = Host.CreateApplicationBuilder(args);

// Orleans logs every grain placement through Polly at Information: keep the console for what matters.
builder.Logging.AddFilter("Polly", LogLevel.Warning);
var settings = ClusterSettings.From(builder.Configuration) with { Clustering = ClusteringMode.AzureTable };
builder.UseOrleans(silo => silo.ConfigureCollectifLiveSilo(settings));
await builder.Build().RunAsync();
