namespace CollectifLive.Workshops;

/// <summary>
/// The web servers' own credential toward the silos, for what only they may read: the feeds of every audience and the
/// plenary. Set as <c>Cluster:ServiceKey</c> on every silo and web server of a cluster (a co-hosted silo makes one for
/// its process). Without it, a client reaching the gateway port reads nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.ServiceKey")]
public sealed record ServiceKey(string Secret)
{
    /// <summary>Secrets never reach logs through a record's generated ToString.</summary>
    public override string ToString() => "ServiceKey";
}
