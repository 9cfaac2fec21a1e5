using Microsoft.Extensions.DependencyInjection;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Hosting;

/// <summary>
/// Every call into a CollectifLive grain carries the cluster's service key in its request context, and silos refuse
/// one that does not: whoever reaches a gateway port without the key reaches no grain, whatever the method. Web servers
/// add the key to their calls; silos add it to the calls their grains make (a reminder has no caller to inherit it from).
/// </summary>
public static class ServiceKeyFilters
{
    /// <summary>The request context entry the key travels in.</summary>
    public const string ContextKey = "collectiflive-service";

    /// <summary>A silo: checks every incoming call to the app's grains and presents the key on its own calls.</summary>
    public static ISiloBuilder AddServiceKey(this ISiloBuilder silo, string secret)
    {
        var access = new ServiceAccess(secret);
        silo.Services.AddSingleton(access);
        silo.AddIncomingGrainCallFilter(new RequireServiceKey(access));
        silo.AddOutgoingGrainCallFilter(new PresentServiceKey(new ServiceKey(secret)));
        return silo;
    }

    /// <summary>A web server in client mode: presents the key on every call.</summary>
    public static IClientBuilder AddServiceKey(this IClientBuilder client, ServiceKey key) =>
        client.AddOutgoingGrainCallFilter(new PresentServiceKey(key));

    /// <summary>Adds the key unless the call already carries one (a grain answering a web server's call inherits its).</summary>
    private sealed class PresentServiceKey(ServiceKey key) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (RequestContext.Get(ContextKey) is null)
            {
                RequestContext.Set(ContextKey, key.Secret);
            }

            return context.Invoke();
        }
    }

    private sealed class RequireServiceKey(ServiceAccess access) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) =>
            context.InterfaceMethod.DeclaringType?.Namespace?.StartsWith("CollectifLive.", StringComparison.Ordinal) != true
            || access.AllowsSecret(RequestContext.Get(ContextKey) as string)
                ? context.Invoke()
                : Task.FromException(new UnauthorizedAccessException(
                    $"{context.InterfaceMethod.DeclaringType.Name}.{context.InterfaceMethod.Name} needs the cluster's service key (Cluster:ServiceKey)."));
    }
}
