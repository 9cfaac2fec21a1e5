using Azure.Data.Tables;
using CollectifLive.Silo.Hosting;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace CollectifLive.Web.Hosting;

/// <summary>How this web server reaches the grains: a silo in the same process, or a cluster it joins as a client.</summary>
public enum HostingMode
{
    /// <summary>The default: one process, a silo co-hosted on loopback, storage in a SQLite file.</summary>
    CoHosted,

    /// <summary>Many machines: this web server is an Orleans client of silos found through Azure Table storage.</summary>
    Client,
}

public static class OrleansHosting
{
    public static HostingMode AddCollectifLiveOrleans(this WebApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        var mode = Enum.TryParse<HostingMode>(builder.Configuration["Cluster:Mode"], ignoreCase: true, out var parsed)
            ? parsed
            : HostingMode.CoHosted;

        if (mode == HostingMode.CoHosted)
        {
            // One silo on loopback: it and its web server share a key of their own unless one is set, kept beside the
            // SQLite file so that participant keys derived from it (a join retried across a restart) stay the same.
            // Co-hosted silos clustered through a table call each other's grains: they need the cluster's key.
            if (settings.Clustering == ClusteringMode.Localhost)
            {
                settings = settings with
                {
                    ServiceKey = settings.ServiceKey ?? (settings.Storage == StorageProvider.Sqlite
                        ? ServiceAccess.LoadOrCreate(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.SqlitePath))!, "service.key"))
                        : ServiceAccess.NewSecret()),
                };
            }

            builder.UseOrleans(silo => silo.ConfigureCollectifLiveSilo(settings));
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));
                client.AddServiceKey(new ServiceKey(settings.RequireServiceKey()));
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = settings.ClusterId;
                    options.ServiceId = settings.ServiceId;
                });
                client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ClusterTiming.ResponseTimeout);
                if (OperatorOptions.From(builder.Configuration).Dashboard)
                {
                    client.AddDashboard();
                }

                client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = ClusterTiming.GatewayListRefreshPeriod);

                // A closed gateway connection is how a web server learns, within moments, that a silo died; the workshops
                // that lived there come back on a survivor knowing none of this server's feeds. The feeds are looked up
                // when it happens, not when the client is built (they need the client).
                client.AddGatewayCountChangedHandler(services => (_, change) =>
                {
                    if (change.NumberOfConnectedGateways < change.PreviousNumberOfConnectedGateways)
                    {
                        services.GetRequiredService<WorkshopFeeds>().Resubscribe();
                    }
                });
            });
        }

        builder.Services.AddSingleton(new ServiceKey(settings.RequireServiceKey()));
        return mode;
    }
}
