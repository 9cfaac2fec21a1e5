using System.Buffers.Text;
using System.Globalization;

namespace CollectifLive.Bench;

/// <summary>
/// The text of a benchmark note: a marker that says which trial it belongs to, its rank, and when it was sent (a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp: CLOCK_MONOTONIC on Linux, the same clock in every process of
/// the machine), then words up to the length of a real note (85 characters, as HubWireTests' note). ASCII only, so its
/// bytes are the same in every JSON serialiser's output.
/// </summary>
internal static class BenchNote
{
    private const string Words = "Ouvrir la maison de quartier le soir pour que les collectifs se reunissent sans payer";

    public static string Text(int trial, int rank, int count, long sentAt)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"bench#{trial}#{rank}#{count}#{sentAt}#");
        return marker + Words[..Math.Max(0, Words.Length - marker.Length)];
    }

    /// <summary>
    /// The first marker in <paramref name="text"/>, if any, and the text after it: a push may carry several notes (the
    /// real app's group commit stores, then pushes, the notes that came during a write together), so a caller reads on.
    /// </summary>
    public static bool TryRead(ref ReadOnlySpan<byte> text, out int trial, out int rank, out int count, out long sentAt)
    {
        (trial, rank, count, sentAt) = (0, 0, 0, 0);
        while (true)
        {
            var at = text.IndexOf("bench#"u8);
            if (at < 0)
            {
                return false;
            }

            text = text[(at + "bench#".Length)..];
            if (Next(ref text, out trial) && Next(ref text, out rank) && Next(ref text, out count) && Next(ref text, out sentAt))
            {
                return true;
            }
        }
    }

    private static bool Next(ref ReadOnlySpan<byte> rest, out int value)
    {
        var read = Next(ref rest, out long wide);
        value = (int)wide;
        return read;
    }

    private static bool Next(ref ReadOnlySpan<byte> rest, out long value)
    {
        if (!Utf8Parser.TryParse(rest, out value, out var consumed) || consumed >= rest.Length || rest[consumed] != (byte)'#')
        {
            return false;
        }

        rest = rest[(consumed + 1)..];
        return true;
    }
}
