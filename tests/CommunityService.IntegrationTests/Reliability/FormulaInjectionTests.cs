using System.Net;
using System.Text;
using CommunityService.Data;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityService.IntegrationTests.Reliability;

/// <summary>
/// Text typed into the portal that looks like a spreadsheet formula reaches every export as text: the cell starts with an
/// apostrophe, so Excel or WPS never runs it when staff open the file. Numbers stay numbers.
/// </summary>
public class FormulaInjectionTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Link = "=HYPERLINK(\"http://x\",\"点我\")";
    private const string Sum = "@SUM(1+1)";

    /// <summary>An export, who downloads it, and how the two formulas get into text it includes.</summary>
    public sealed record Export(string Role, string Url, Func<CommunityServiceDbContext, Task> Plant);

    public static readonly Dictionary<string, Export> Exports = new()
    {
        ["money"] = new("staff", "/projects/2/money/export", async db =>
        {
            var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.Add(new Data.Money.Expense
            {
                ProjectId = 2, BudgetItem = "物资与耗材", Source = Data.Plans.FundingSource.StateFunding, Amount = 120m, SpentOn = today,
                Description = Link, ReceiptNumber = Sum, RecordedById = staffId, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }),
        ["survey results (Excel)"] = new("staff", "/surveys/2/results/export.xlsx", PlantInSurveyAsync),
        ["volunteer hours"] = new("staff", "/volunteers/export.xlsx?project=8", async db =>
        {
            var volunteer = await db.Users.SingleAsync(u => u.UserName == "volunteer");
            volunteer.DisplayName = Link;
            var project = await db.Projects.SingleAsync(p => p.Id == 8);
            project.Name = Sum;
            await db.SaveChangesAsync();
        }),
        ["evaluation"] = new("staff", "/evaluations/2/export", async db =>
        {
            var report = await db.Evaluations.Include(r => r.Objectives).Include(r => r.Dimensions).SingleAsync(r => r.Id == 2);
            report.Dimensions[0].Narrative = Link;
            report.Objectives[0].Comment = Sum;
            await db.SaveChangesAsync();
        }),
    };

    public static TheoryData<string> ExportNames => [.. Exports.Keys];

    [Theory]
    [MemberData(nameof(ExportNames))]
    public async Task Text_that_looks_like_a_formula_is_written_as_text_and_numbers_stay_numbers(string name)
    {
        var export = Exports[name];
        await Portal.WithDbAsync(export.Plant);
        var client = await Portal.ClientForAsync(export.Role);

        var response = await client.GetAsync(export.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cells = Cells(await response.Content.ReadAsByteArrayAsync());
        var texts = cells.OfType<string>().ToList();
        Assert.Contains(texts, t => t.StartsWith("'" + Link, StringComparison.Ordinal) || t.StartsWith("'" + Sum, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Length > 0 && "=+-@\t\r".Contains(t[0], StringComparison.Ordinal));
        Assert.Contains(cells, c => c is double or int or long or decimal);
    }

    [Fact]
    public async Task The_survey_results_csv_writes_formulas_as_text_and_counts_as_plain_numbers()
    {
        await Portal.WithDbAsync(PlantInSurveyAsync);
        var staff = await Portal.ClientForAsync("staff");

        var response = await staff.GetAsync("/surveys/2/results/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Csv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var cells = rows.Skip(1).SelectMany(r => r).ToList();
        Assert.Contains("'" + Link, cells);
        Assert.Contains("'" + Sum, cells);
        Assert.DoesNotContain(cells, t => t.Length > 0 && "=+-@\t\r".Contains(t[0], StringComparison.Ordinal));
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d+(\.\d+)?$", r[3]));
    }

    /// <summary>The dashboard's tables hold only figures and the portal's own labels; it, like every export, writes through the helper.</summary>
    [Fact]
    public void Every_export_writes_its_cells_through_the_one_helper()
    {
        var features = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/CommunityService.Web/Features"));
        var files = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();

        Assert.True(files.Count > 0, features);
        // Features never write a file themselves: the workbooks and the CSV come from the one helper (SpreadsheetCells).
        Assert.Empty(files.Where(f => f.Text.Contains("SaveAsAsync(", StringComparison.Ordinal) || f.Text.Contains("MiniExcel.", StringComparison.Ordinal)
            || f.Text.Contains("SaveSafeAsync(", StringComparison.Ordinal) || f.Text.Contains("text/csv", StringComparison.Ordinal)).Select(f => f.Path));
        Assert.Equal(5, files.Count(f => f.Text.Contains("this.WorkbookAsync(", StringComparison.Ordinal)));
        Assert.Single(files, f => f.Text.Contains("this.Csv(", StringComparison.Ordinal));
    }

    /// <summary>A question's text and one of its options, both typed by staff, are in the results.</summary>
    private static async Task PlantInSurveyAsync(CommunityServiceDbContext db)
    {
        var question = await db.SurveyQuestions.Include(q => q.Options).Where(q => q.SurveyId == 2 && q.Options.Count > 0).OrderBy(q => q.Order).FirstAsync();
        question.Text = Link;
        question.Options[0].Text = Sum;
        await db.SaveChangesAsync();
    }

    private static List<object?> Cells(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        var cells = new List<object?>();
        foreach (var sheet in stream.GetSheetNames())
        {
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet))
            {
                cells.AddRange(row.Values);
            }
        }
        return cells;
    }

    /// <summary>RFC 4180 as the export writes it: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else { cell.Append(c); }
        }
        return rows;
    }
}
