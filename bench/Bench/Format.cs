using System.Globalization;

namespace CollectifLive.Bench;

/// <summary>How the tables write numbers: invariant culture, thousands separated, milliseconds to a useful precision.</summary>
internal static class Format
{
    public static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms < 10 ? Invariant($"{ms:0.0} ms") : Invariant($"{ms:#,0} ms");

    public static string Count(long count) => Invariant($"{count:#,0}");

    public static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "-" : Invariant($"{ratio:0.00}×");

    public static string Seconds(double seconds) => Invariant($"{seconds:0.00} s");

    public static string Cores(double cores) => Invariant($"{cores:0.00}");

    public static string Kilobytes(double bytes) => Invariant($"{bytes / 1024:0.0} KB");

    public static string Megabytes(double bytes) => Invariant($"{bytes / (1024 * 1024):#,0} MB");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
