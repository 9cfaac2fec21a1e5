using System.Runtime.InteropServices;
using CollectifLive.Testing;

namespace CollectifLive.Bench;

/// <summary>
/// The benchmark itself: starts what the chosen scenarios need (the real app on SQLite, the bare hub, the listener
/// processes), runs them in order and prints each one's tables (Markdown) as it ends; progress goes to the error output.
/// </summary>
internal static class Orchestrator
{
    public static async Task<int> Run(BenchOptions options)
    {
        Console.WriteLine($"CollectifLive benchmark: {string.Join(", ", options.Scenarios)}; {options.Runs} runs");
        Console.WriteLine($"{Environment.ProcessorCount} cores ({CpuModel()}), {Format.Invariant($"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0}")} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");

        if (options.Scenarios.Any(s => s != "votes"))
        {
            await OnOneMachine(options);
        }

        if (options.Includes("votes"))
        {
            await VoteBurst.Run(options);
        }

        return 0;
    }

    /// <summary>
    /// Every scenario but the vote burst: the real app on the one-machine default (SQLite) beside the bare hub, the same
    /// listeners for both.
    /// </summary>
    private static async Task OnOneMachine(BenchOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "collectiflive-bench-" + Guid.NewGuid().ToString("N"));

        // Every simulated phone comes from 127.0.0.1: the per-client rates are raised, as for the end-to-end suite's shared app.
        var settings = AppSettings.OnSqlite(Path.Combine(folder, "bench.db")).Shared();
        var app = await AppInstance.Start(settings);
        try
        {
            await using var bare = await BareTarget.Start();
            await using var listeners = await ListenerPool.Start(options.ListenerProcesses);
            Console.WriteLine($"{options.ListenerProcesses} listener processes; every process reads the same clock (checked at start)");
            var real = new RealTarget(app, settings);
            if (options.Includes("memory"))
            {
                await Memory.Run(options, real, bare, listeners);
            }

            if (options.Includes("joins"))
            {
                await Joins.Run(options, real, bare, listeners);
            }

            if (options.Includes("fanout"))
            {
                await FanOut.Run(options, real, bare, listeners);
            }

            if (options.Includes("circuits"))
            {
                await Circuits.Run(options, real, listeners);
            }
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
}
