using System.Globalization;
using System.Text;

namespace CollectifLive.Bench;

/// <summary>
/// Latencies in nanoseconds, in buckets 1 % wide (from 1 µs up), so that listener processes can send them to the
/// benchmark in a few hundred bytes however many pushes they received. A percentile is its bucket's upper bound (at
/// most 1 % above the true value); the maximum is exact.
/// </summary>
internal sealed class Histogram
{
    private const int Buckets = 2048;
    private const double FloorNs = 1_000;
    private static readonly double LogRatio = Math.Log(1.01);
    private readonly long[] _counts = new long[Buckets];

    public long Count { get; private set; }

    public long MaxNs { get; private set; }

    public void Add(long ns)
    {
        _counts[Index(ns)]++;
        Count++;
        MaxNs = Math.Max(MaxNs, ns);
    }

    public void Merge(Histogram other)
    {
        for (var i = 0; i < Buckets; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxNs = Math.Max(MaxNs, other.MaxNs);
    }

    /// <summary>The latency under which a fraction <paramref name="q"/> of the samples fall, in milliseconds.</summary>
    public double Percentile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(UpperBoundNs(i), MaxNs) / 1e6;
            }
        }

        return MaxNs / 1e6;
    }

    public double MaxMs => Count == 0 ? double.NaN : MaxNs / 1e6;

    /// <summary>"count;max;index=count,index=count…", with no spaces (one token of a listener's answer line).</summary>
    public string Serialize()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Count};{MaxNs};");
        for (var i = 0; i < Buckets; i++)
        {
            if (_counts[i] != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i}={_counts[i]},");
            }
        }

        return text.ToString();
    }

    public static Histogram Parse(string text)
    {
        var parts = text.Split(';');
        var histogram = new Histogram
        {
            Count = long.Parse(parts[0], CultureInfo.InvariantCulture),
            MaxNs = long.Parse(parts[1], CultureInfo.InvariantCulture),
        };
        foreach (var bucket in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (index, count) = (bucket[..bucket.IndexOf('=', StringComparison.Ordinal)], bucket[(bucket.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            histogram._counts[int.Parse(index, CultureInfo.InvariantCulture)] = long.Parse(count, CultureInfo.InvariantCulture);
        }

        return histogram;
    }

    private static int Index(long ns) => ns <= FloorNs ? 0 : Math.Min(Buckets - 1, (int)(Math.Log(ns / FloorNs) / LogRatio) + 1);

    private static double UpperBoundNs(int index) => FloorNs * Math.Exp(index * LogRatio);
}
