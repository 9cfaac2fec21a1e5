using CollectifLive.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// Stand-alone silo for the multi-machine layout: web servers connect to it as Orleans clients.
var builder = Host.CreateApplicationBuilder(args);
var settings = ClusterSettings.From(builder.Configuration) with { Clustering = ClusteringMode.AzureTable };
builder.UseOrleans(silo => silo.ConfigureCollectifLiveSilo(settings));
await builder.Build().RunAsync();
