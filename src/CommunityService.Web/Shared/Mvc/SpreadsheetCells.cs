using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// Every CSV and Excel export goes through here, so text someone typed into the portal cannot become a formula when a
/// colleague opens the file (CSV/formula injection, OWASP): a text cell starting with = + - @, tab or carriage return
/// gets a leading apostrophe. Numbers and dates stay as they are; only text is touched.
/// </summary>
public static class SpreadsheetCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Text(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static object? Cell(object? value) => value is string text ? Text(text) : value;

    /// <summary>A workbook (sheet name → rows) or one sheet of rows (column → value), with every text cell made safe.</summary>
    public static object Safe(object sheets) => sheets switch
    {
        IEnumerable<IDictionary<string, object?>> rows => Rows(rows),
        IDictionary<string, object> book => book.ToDictionary(s => s.Key, s => s.Value is IEnumerable<IDictionary<string, object?>> rows ? (object)Rows(rows) : s.Value),
        _ => throw new ArgumentException($"An export passes rows of dictionaries, not {sheets.GetType().Name}.", nameof(sheets)),
    };

    public static Task SaveSafeAsync(this Stream stream, object sheets, CancellationToken ct) =>
        stream.SaveAsAsync(Safe(sheets), cancellationToken: ct);

    private static List<Dictionary<string, object?>> Rows(IEnumerable<IDictionary<string, object?>> rows) =>
        rows.Select(r => r.ToDictionary(c => c.Key, c => Cell(c.Value))).ToList();

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The download of a workbook (or one sheet) built beside a feature's queries, every text cell made safe.</summary>
    public static async Task<FileStreamResult> WorkbookAsync(this ControllerBase controller, object sheets, string fileName, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await stream.SaveSafeAsync(sheets, ct);
        stream.Position = 0;
        return controller.File(stream, XlsxType, fileName);
    }

    /// <summary>One sheet as CSV, UTF-8 with a byte-order mark (so Excel reads Chinese text), every text cell made safe.</summary>
    public static FileContentResult Csv(this ControllerBase controller, IReadOnlyList<string> columns, IEnumerable<IDictionary<string, object>> rows, string fileName)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Values.Select(v => Quote(Convert.ToString(Cell(v), CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }
        return controller.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
