using System.Security.Cryptography;

namespace CollectifLive.JoinCodes;

/// <summary>Short codes typed on phones: no 0/O/1/I, case and separators ignored.</summary>
public static class JoinCode
{
    /// <summary>32 symbols, so a 6-symbol code has 2^30 values.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string NewCode()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>The canonical code for what someone typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        Span<char> code = stackalloc char[Length];
        var count = 0;
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '.' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (count == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            code[count++] = upper;
        }

        return count == Length ? new string(code) : null;
    }

    /// <summary>How a code is shown: two groups of three, easier to read aloud.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..3]} {code[3..]}" : code;
}
