using System.Text;

namespace CollectifLive.Domain;

/// <summary>How typed text is cleaned before its length is checked: trimmed, NFC, newlines kept, other controls dropped.</summary>
internal static class Text
{
    public static string Clean(string? typed, bool multiline)
    {
        if (string.IsNullOrEmpty(typed))
        {
            return string.Empty;
        }

        var normalized = typed.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\n')
            {
                builder.Append(multiline ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
