using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CollectifLive.Silo.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace CollectifLive.Silo.Hosting;

/// <summary>The silo configuration shared by the stand-alone silo, the co-hosted web server and the test cluster.</summary>
public static class SiloSetup
{
    /// <summary>
    /// Grain storage: workshops in Blob storage, join codes and events beside them; the keys their content is sealed
    /// with in a table (<see cref="ContentKeys"/>).
    /// </summary>
    public static ISiloBuilder AddCollectifLiveStorage(this ISiloBuilder silo, string storageConnectionString)
    {
        silo.Services.TryAddKeyedSingleton(Clocks.Domain, TimeProvider.System);
        silo.Services.AddSingleton(new ContentKeys(new TableServiceClient(storageConnectionString, QuickRetries(new TableClientOptions()))));
        silo.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(options => options.Days is >= 1 and <= RetentionOptions.MaxDays, $"{RetentionOptions.Section}:Days must be between 1 and {RetentionOptions.MaxDays}.")
            .ValidateOnStart();
        silo.UseAzureTableReminderService(storageConnectionString);
        var blobs = new BlobServiceClient(storageConnectionString, QuickRetries(new BlobClientOptions()));
        foreach (var (name, container) in new[] { (StorageNames.Workshops, "workshops"), (StorageNames.JoinCodes, "joincodes"), (StorageNames.Events, "events") })
        {
            silo.AddAzureBlobGrainStorage(name, options =>
            {
                options.BlobServiceClient = blobs;
                options.ContainerName = container;
                options.GrainStorageSerializer = new JsonGrainStateSerializer();
            });
        }

        return silo;
    }

    /// <summary>
    /// Storage calls retried twice, quickly: the grain retries a failed write itself (WorkshopGrain.WriteAttempts), so a
    /// storage that is down is answered StorageUnavailable within seconds, not after the SDK's long default backoff
    /// multiplied by the grain's attempts (about 30 s before).
    /// </summary>
    private static T QuickRetries<T>(T options)
        where T : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);

        // A storage that drops traffic silently fails within this (a refused connection fails at once); a whole
        // workshop of 2,000 participants is written well within it on a real network.
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);
        return options;
    }

    /// <summary>Clustering, storage and identity for a silo process (co-hosted or stand-alone).</summary>
    public static ISiloBuilder ConfigureCollectifLiveSilo(this ISiloBuilder silo, ClusterSettings settings)
    {
        if (settings.Clustering == ClusteringMode.AzureTable)
        {
            silo.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));
            // The address other machines reach this silo at (loopback unless set): it is both announced and listened on.
            silo.ConfigureEndpoints(settings.SiloAddress, settings.SiloPort, settings.GatewayPort);
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        silo.Services.AddSingleton(new ServiceAccess(settings.RequireServiceKey()));
        return silo.AddCollectifLiveStorage(settings.StorageConnectionString);
    }
}
