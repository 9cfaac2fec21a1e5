using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CollectifLive.Silo.Clients;
using CollectifLive.Silo.Privacy;
using CollectifLive.Silo.Storage;
using CollectifLive.Silo.Workshops;
using CollectifLive.Silo.Workshops.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;

namespace CollectifLive.Silo.Hosting;

/// <summary>The silo configuration shared by the stand-alone silo, the co-hosted web server and the test cluster.</summary>
public static class SiloSetup
{
    /// <summary>The storage the settings choose.</summary>
    public static ISiloBuilder AddCollectifLiveStorage(this ISiloBuilder silo, ClusterSettings settings) => settings.Storage switch
    {
        StorageProvider.Sqlite when settings.Clustering != ClusteringMode.Localhost =>
            throw new InvalidOperationException("SQLite storage (Storage:Provider) is one machine's: silos clustered through a table share Azure Storage."),
        StorageProvider.Sqlite => silo.AddCollectifLiveSqliteStorage(settings.SqlitePath),
        _ => silo.AddCollectifLiveAzureStorage(settings.StorageConnectionString),
    };

    /// <summary>
    /// Grain storage for a cluster: workshops' snapshots in Blob storage and their journals in a table
    /// (<see cref="TableWorkshopJournal"/>), join codes and events beside them; the keys their content is sealed with in a
    /// table (<see cref="TableContentKeys"/>); reminders in a table.
    /// </summary>
    public static ISiloBuilder AddCollectifLiveAzureStorage(this ISiloBuilder silo, string storageConnectionString)
    {
        silo.AddDomainServices();
        var tables = new TableServiceClient(storageConnectionString, QuickRetries(new TableClientOptions()));
        silo.Services.AddSingleton<ContentKeys>(new TableContentKeys(tables));
        silo.Services.AddSingleton<WorkshopJournal>(new TableWorkshopJournal(tables));
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
    /// Grain storage for one machine: state, reminders and content keys in one SQLite file that syncs every commit to
    /// disk before the grain answers (<see cref="SqliteDatabase"/>).
    /// </summary>
    public static ISiloBuilder AddCollectifLiveSqliteStorage(this ISiloBuilder silo, string path)
    {
        silo.AddDomainServices();
        silo.Services.AddSingleton(_ => new SqliteDatabase(path));
        silo.Services.AddSingleton<ContentKeys>(services => new SqliteContentKeys(services.GetRequiredService<SqliteDatabase>()));
        silo.Services.AddSingleton<WorkshopJournal>(services => new SqliteWorkshopJournal(services.GetRequiredService<SqliteDatabase>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        foreach (var name in new[] { StorageNames.Workshops, StorageNames.JoinCodes, StorageNames.Events })
        {
            silo.Services.AddGrainStorage(name, (services, store) => new SqliteGrainStorage(store, services.GetRequiredService<SqliteDatabase>(), new JsonGrainStateSerializer()));
        }

        return silo;
    }

    private static void AddDomainServices(this ISiloBuilder silo)
    {
        silo.Services.TryAddKeyedSingleton(Clocks.Domain, TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<WorkshopMetrics>();
        silo.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(options => options.Days is >= 1 and <= RetentionOptions.MaxDays, $"{RetentionOptions.Section}:Days must be between 1 and {RetentionOptions.MaxDays}.")
            .ValidateOnStart();
        silo.Services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section)
            .Validate(options => options is { SnapshotEveryEntries: >= 1, SnapshotEveryBytes: >= 1 }, $"{JournalOptions.Section} thresholds must be at least 1.")
            .ValidateOnStart();
        silo.Services.AddOptions<ClientLimitOptions>().BindConfiguration(ClientLimitOptions.Section)
            .Validate(options => options.IsValid(), $"Every {ClientLimitOptions.Section} rate must be at least 1.")
            .ValidateOnStart();
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
            silo.ConfigureEndpoints(settings.RequireProtectedAddress(), settings.SiloPort, settings.GatewayPort);

            // Several silos: one of them may die under live callers (ClusterTiming says why these values). One silo on
            // loopback dies with its web server and its callers, so it keeps Orleans' defaults.
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = ClusterTiming.ProbeTimeout;
                options.NumMissedProbesLimit = ClusterTiming.MissedProbesLimit;
            });
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ClusterTiming.ResponseTimeout);
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
        silo.AddServiceKey(settings.RequireServiceKey());

        // The dashboard's grains and its call profiler run only when an operator asked for it: they cost every call.
        if (OperatorOptions.From(silo.Configuration).Dashboard)
        {
            silo.AddDashboard();
        }

        return silo.AddCollectifLiveStorage(settings);
    }
}
