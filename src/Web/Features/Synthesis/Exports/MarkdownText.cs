using System.Text;

namespace CollectifLive.Web.Features.Synthesis.Exports;

/// <summary>
/// User text put into Markdown so that it stays text: every ASCII punctuation character is backslash-escaped (no
/// heading, list, emphasis, link, HTML or table cell can start from it), bidirectional controls that could reorder the
/// document around it are dropped, and line breaks stay inside the block they belong to.
/// </summary>
public static class MarkdownText
{
    /// <summary>Text on one line (a heading, a table cell): line breaks become spaces.</summary>
    public static string Inline(string? text) => Escape(text, lineBreak: " ");

    /// <summary>Text that may span lines inside a block indented by <paramref name="indent"/> spaces (a list item, a quote).</summary>
    public static string Block(string? text, int indent = 0) => Escape(text, lineBreak: "  \n" + new string(' ', indent));

    private static string Escape(string? text, string lineBreak)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == '\n')
            {
                builder.Append(lineBreak);
            }
            else if (c == '\r' || IsBidiControl(c))
            {
                continue;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c > 127 || c == ' ')
            {
                builder.Append(c);
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                builder.Append('\\').Append(c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): marks (U+200E, U+200F) are harmless.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
