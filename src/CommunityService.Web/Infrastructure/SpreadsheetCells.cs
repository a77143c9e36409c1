using MiniExcelLibs;

namespace CommunityService.Web.Infrastructure;

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
}
