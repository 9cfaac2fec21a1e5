using System.Globalization;

namespace CollectifLive.Bench;

/// <summary>What Linux says of a process: its resident memory and the CPU time it has used (/proc/&lt;pid&gt;).</summary>
internal static class ProcessStats
{
    /// <summary>USER_HZ, the unit of /proc/&lt;pid&gt;/stat's times: 100 on every Linux this runs on (getconf CLK_TCK).</summary>
    private const double ClockTicksPerSecond = 100;

    public static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS for process {processId}");
    }

    /// <summary>User and system CPU time, in seconds.</summary>
    public static double CpuSeconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // After the command name (in parentheses, which may hold spaces) come the fields from the 3rd (state) on;
        // utime and stime are the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    public static double CpuSeconds(IEnumerable<int> processIds) => processIds.Sum(CpuSeconds);
}
