using System.Text;

namespace CollectifLive.Web.Features.Synthesis.Exports;

/// <summary>
/// CSV as spreadsheets in France read it: UTF-8 with a byte order mark, ';' between cells, CRLF between rows, every cell
/// quoted. A cell that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is
/// neutralised with a leading apostrophe, so that a note cannot run anything on the organiser's computer.
/// </summary>
public sealed class CsvWriter
{
    public const char Separator = ';';

    private readonly StringBuilder _text = new();

    public CsvWriter Row(params IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                _text.Append(Separator);
            }

            first = false;
            _text.Append('"').Append(Neutralised(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture) ?? "").Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        _text.Append("\r\n");
        return this;
    }

    /// <summary>The file's bytes: the byte order mark, then the rows.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    public static string Neutralised(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
