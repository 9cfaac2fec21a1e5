namespace CollectifLive.Silo.Hosting;

/// <summary>
/// How fast a cluster (silos and web servers on several machines) notices a silo that died and answers the calls that
/// were waiting on it. Orleans' defaults suit clusters of hundreds of silos behind slow networks; a workshop's room
/// waits on every answer, so these trade a little more probing traffic for answers within seconds.
/// </summary>
public static class ClusterTiming
{
    /// <summary>
    /// How long a caller (a web server, or a grain calling another silo) waits for a grain's answer; Orleans' default is
    /// 30 s. A call sent to a silo that is then killed gets no answer at all: neither the web server's Orleans client nor
    /// the gateway silo that forwarded it fails it when that silo dies (only calls a silo made itself are broken when
    /// membership declares the target dead), so this bound is the whole wait of a phone whose note was in flight. The
    /// longest legitimate call is a command queued behind one group-committed write plus its own write, or an
    /// activation that reads one workshop: a second or two on a busy machine. A call cut off by this bound is answered
    /// StorageUnavailable, which phones retry with the same operation id, and the grain answers a retry of an operation
    /// that did land from its operation log: a timeout never applies anything twice.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The initial liveness probe timeout (Orleans' default 5 s). Orleans adapts each probe's timeout and period between
    /// half and four times this value (MinProbeTimeout, MaxProbeTimeout) from the round trips it sees, so on a healthy
    /// network a killed silo misses its <see cref="MissedProbesLimit"/> probes and is declared dead, and its workshops
    /// reactivated on a survivor, within about 3 to 6 s instead of 8 to 15 s. Declaring a silo dead wrongly costs a
    /// restart of its grains, not data (their state is in storage), and Orleans guards against that on a loaded host:
    /// probe timeouts stretch while the prober itself is degraded (ExtendProbeTimeoutDuringDegradation) and a silo whose
    /// connection still carries messages is not suspected (EnableConnectionLivenessCheck), both on by default.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Probes missed before a silo is suspected: Orleans' default, kept; one vote suffices in a cluster of two.</summary>
    public const int MissedProbesLimit = 3;

    /// <summary>
    /// How often a web server reads the silos (gateways) from the membership table; Orleans' default is 60 s. A gateway
    /// that dies is dropped at once when its connection closes; this period is how late a silo that joins (a replacement
    /// after a crash) starts taking this web server's calls. One table query per period per web server.
    /// </summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(10);
}
