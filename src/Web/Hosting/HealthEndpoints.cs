using CollectifLive.Workshops;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectifLive.Web.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (restart it if not). <c>/health/ready</c>: it can serve a workshop, the
/// silo answering and storage read (take it out of a load balancer if not). Each answers a status word only.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCollectifLiveHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SiloAndStorageCheck>("silo-and-storage", tags: [ReadyTag]);
        return services;
    }

    public static void MapCollectifLiveHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }

    /// <summary>
    /// Asks a workshop grain that does not exist whether it exists: a new activation each time (a fresh id), so the
    /// silo is reached and storage is read for real (snapshot and journal), not answered from memory.
    /// </summary>
    private sealed class SiloAndStorageCheck(IGrainFactory grains) : IHealthCheck
    {
        /// <summary>Beyond the silo's call timeout and storage's retries, so a slow but working storage is still ready.</summary>
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                await grains.GetGrain<IWorkshopGrain>("health-" + Guid.NewGuid().ToString("N")).Exists().WaitAsync(Timeout, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return HealthCheckResult.Unhealthy("The silo or storage did not answer.", exception);
            }
        }
    }
}
