using System.Diagnostics;

namespace CollectifLive.Bench;

/// <summary>
/// CPU used during a measurement, in cores (CPU seconds per second): by the server measured, and by the load generator
/// (this process and the listener processes). On a machine of two cores, a generator near the rest of the machine
/// would be the bottleneck.
/// </summary>
internal sealed class CpuMeter
{
    private readonly int _server;
    private readonly int[] _generator;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly double _serverStart;
    private readonly double _generatorStart;

    public CpuMeter(int server, IEnumerable<int> listeners)
    {
        _server = server;
        _generator = [Environment.ProcessId, .. listeners];
        _serverStart = ProcessStats.CpuSeconds(_server);
        _generatorStart = ProcessStats.CpuSeconds(_generator);
    }

    public (double Server, double Generator) Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        return ((ProcessStats.CpuSeconds(_server) - _serverStart) / seconds, (ProcessStats.CpuSeconds(_generator) - _generatorStart) / seconds);
    }
}
