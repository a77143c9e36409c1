using System.Globalization;
using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Stored XSS, for breadth straight through the database: every free-text column of every table (every string column that is not
/// a key, a user id, a code or Identity's own) of every demo row gets the corpus, then every page of the role matrix and every
/// record's own pages are read as each of the six roles. No page may hold anything that runs, and every payload must show
/// somewhere as the text it is. The real forms are covered by <see cref="BadInputFuzzTests"/>, which posts payloads into every
/// text field of every form and then reads every page the same way.
/// </summary>
public class StoredXssTests(PortalFactory portal, ITestOutputHelper output) : PortalTest(portal)
{
    /// <summary>Columns that hold codes the app reads back (not text anyone types), or Identity's own.</summary>
    private static readonly HashSet<string> NotFreeText =
    [
        "AuditEntries.Action", "AuditEntries.RecordType", "AuditEntries.Result", "AuditEntries.RecordId",
        "ConsentRecords.WordingVersion",
    ];

    [Fact]
    public async Task No_payload_in_any_free_text_field_runs_on_any_page_for_any_role()
    {
        var payloads = XssProbe.Payloads;
        Assert.True(payloads.Count >= 50, $"{payloads.Count} payloads");
        var urls = await PagesAsync(Portal);
        const int rounds = 2;
        var seen = new HashSet<string>();
        var failures = new List<string>();
        var fieldCount = 0;
        var pagesRead = 0;
        var pagesChecked = new HashSet<string>();
        var fieldsShown = new HashSet<string>();
        List<string> fields = [];
        for (var round = 0; round < rounds; round++)
        {
            var chunk = payloads.Where((_, i) => i % rounds == round).ToList();
            fields = await StoreEverywhereAsync(chunk);
            fieldCount = fields.Count;
            await Portal.EvictPublicCacheAsync();
            foreach (var user in RoleMatrix.Users)
            {
                var client = await Portal.ClientForAsync(user);
                foreach (var url in urls)
                {
                    var response = await client.GetAsync(url);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{url} as {user ?? "anonymous"}: {(int)response.StatusCode}");
                        continue;
                    }
                    if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }
                    pagesRead++;
                    pagesChecked.Add($"{user}|{url}");
                    var document = XssProbe.Parse(await response.Content.ReadAsStringAsync());
                    failures.AddRange(XssProbe.ActiveContent(document).Select(f => $"{url} as {user ?? "anonymous"}: {f}"));
                    var text = XssProbe.VisibleText(document);
                    seen.UnionWith(chunk.Where(p => text.Contains(p, StringComparison.Ordinal)));
                    fieldsShown.UnionWith(fields.Where(f => text.Contains(Marker(f), StringComparison.Ordinal)));
                }
            }
            await Portal.ResetAsync();
        }

        output.WriteLine($"{payloads.Count} payloads × {fieldCount} free-text columns ({fieldsShown.Count} of them seen on a page) × {urls.Count} addresses × 6 roles:"
            + $" {pagesRead} HTML pages read in {rounds} rounds ({pagesChecked.Count} address-role pairs answered 200 with HTML).");
        output.WriteLine("Columns never seen on a page: " + string.Join(", ", fields.Where(f => !fieldsShown.Contains(f))));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct().Take(60)));
        Assert.True(fieldCount > 100, $"Only {fieldCount} columns were filled.");
        // Shown as text (encoded), not dropped: every payload reads back as itself on some page.
        Assert.Equal([], payloads.Where(p => !seen.Contains(p)).ToList());
    }

    [Fact]
    public void No_code_but_the_notice_sanitizer_builds_raw_html()
    {
        var root = Path.GetFullPath(Path.Combine(XssProbe.ProjectFolder, "../../src/CommunityService.Web"));
        string[] raw = ["HtmlString(", "Html.Raw", "AppendHtml(", "SetHtmlContent(", "MarkupString"];
        var offenders = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "NoticeMarkdown.cs")
            .Where(f => raw.Any(r => File.ReadAllText(f).Contains(r, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.True(Directory.Exists(root), root);
        Assert.Empty(offenders);
        Assert.Contains("new HtmlString(ToSafeHtml(", File.ReadAllText(Path.Combine(root, "Features/Notices/NoticeMarkdown.cs")), StringComparison.Ordinal);
    }

    private static string Marker(string field) => $"⟦{field}#";

    /// <summary>
    /// The text cut to the column's length, as the app's forms would keep it (a server database refuses a longer value; SQLite
    /// would store it), never in the middle of a surrogate pair. Columns without a length carry every payload.
    /// </summary>
    private static string Fit(string text, int? length) =>
        length is not { } max || text.Length <= max ? text : char.IsHighSurrogate(text[max - 1]) ? text[..(max - 1)] : text[..max];

    /// <summary>
    /// Puts the payloads into every free-text column of every row that has a value there (empty optional columns stay empty: their
    /// being filled means something, e.g. a reason for setting aside). Case text is encrypted the way the app stores it.
    /// </summary>
    private Task<List<string>> StoreEverywhereAsync(List<string> chunk) => Portal.WithDbAsync(async db =>
    {
        var protector = Portal.Services.GetRequiredService<CaseProtector>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        var fields = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || table.StartsWith("AspNet", StringComparison.Ordinal) && table != "AspNetUsers" || table == "DataProtectionKeys")
            {
                continue;
            }
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store);
                if (property.ClrType != typeof(string) || column is null || property.IsKey() || property.IsForeignKey()
                    || column.EndsWith("Id", StringComparison.Ordinal) || NotFreeText.Contains($"{table}.{column}")
                    || table == "AspNetUsers" && column != "DisplayName")
                {
                    continue;
                }
                // Rows by their own address (rowid, ctid): tables with composite keys too. Updating a row moves PostgreSQL's ctid,
                // but only that row's, and each column reads the addresses again.
                var rows = new List<object>();
                await using (var select = connection.CreateCommand())
                {
                    select.Transaction = transaction;
                    select.CommandText = $"SELECT {RawTables.RowAddress} FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                    await using var reader = await select.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        rows.Add(reader.GetValue(0));
                    }
                }
                if (rows.Count == 0)
                {
                    continue;
                }
                var field = $"{table}.{column}";
                fields.Add(field);
                var index = fields.Count;
                foreach (var (row, number) in rows.Select((r, i) => (r, i + 1)))
                {
                    // A different order of the payloads in each column; a mark per row keeps unique names unique.
                    var order = chunk.Skip(index % chunk.Count).Concat(chunk.Take(index % chunk.Count));
                    var text = $"{Marker(field)}{number.ToString(CultureInfo.InvariantCulture)}⟧ " + string.Join(" 社区 ", order);
                    await using var update = connection.CreateCommand();
                    update.Transaction = transaction;
                    update.CommandText = $"UPDATE \"{table}\" SET \"{column}\" = @v WHERE {RawTables.AtRowAddress("@r")}";
                    var value = update.CreateParameter();
                    (value.ParameterName, value.Value) = ("v", Stored(text, column.StartsWith("Protected", StringComparison.Ordinal), property.GetMaxLength()));
                    var address = update.CreateParameter();
                    (address.ParameterName, address.Value) = ("r", row);
                    update.Parameters.Add(value);
                    update.Parameters.Add(address);
                    await update.ExecuteNonQueryAsync();
                }
            }
        }
        await transaction.CommitAsync();
        return fields;

        // Encrypted columns hold the cipher text: the plain text is cut until that fits.
        string Stored(string text, bool encrypted, int? length)
        {
            if (!encrypted)
            {
                return Fit(text, length);
            }
            var stored = protector.Protect(text);
            while (length is { } max && stored.Length > max)
            {
                text = Fit(text, text.Length * 3 / 4);
                stored = protector.Protect(text);
            }
            return stored;
        }
    });

    /// <summary>Every page of the role matrix, and each record's own pages for every record there is.</summary>
    internal static Task<List<string>> PagesAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        async Task<List<string>> Ids(string table)
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            // The first 15 of each kind: the demo day care alone has hundreds of service records.
            command.CommandText = $"SELECT \"Id\" FROM \"{table}\" ORDER BY \"Id\" LIMIT 15";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
            }
            return ids;
        }
        string Table<T>() => db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        var users = await db.Users.Where(u => u.UserName == "staff" || u.UserName == "resident" || u.UserName == "volunteer").ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var byPrefix = new Dictionary<string, List<string>>
        {
            ["/notices/"] = await Ids(Table<Data.Publicity.Notice>()),
            ["/projects/"] = await Ids(Table<Data.Projects.ServiceProject>()),
            ["/sessions/"] = await Ids(Table<Data.Participation.ServiceSession>()),
            ["/surveys/"] = await Ids(Table<Data.Surveys.Survey>()),
            ["/evaluations/"] = await Ids(Table<Data.Evaluations.EvaluationReport>()),
            ["/cases/"] = await Ids(Table<Data.Cases.CaseFile>()),
            ["/home-visits/"] = await Ids(Table<Data.Participation.HomeVisitRequest>()),
            ["/adjustments/"] = await Ids(Table<Data.Execution.PlanAdjustment>()),
            ["/communities/"] = await Ids(Table<Data.Communities.Community>()),
            ["/trace/needs/"] = await Ids(Table<Data.Needs.NeedFinding>()),
            ["/trace/evaluations/"] = await Ids(Table<Data.Evaluations.EvaluationReport>()),
            ["/me/services/"] = await Ids(Table<Data.Execution.ServiceRecord>()),
            ["/expenses/"] = await Ids(Table<Data.Money.Expense>()),
        };
        var urls = new List<string>();
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method is "GET" && !r.Route.Contains("export", StringComparison.Ordinal)))
        {
            var sample = row.Sample.Replace("{staff}", users["staff"], StringComparison.Ordinal)
                .Replace("{resident}", users["resident"], StringComparison.Ordinal).Replace("{volunteer}", users["volunteer"], StringComparison.Ordinal);
            var prefix = byPrefix.Keys.Where(p => row.Route.StartsWith(p, StringComparison.Ordinal)).MaxBy(p => p.Length);
            var parameters = row.Route.Count(c => c == '{');
            if (prefix is null || parameters != 1)
            {
                if (!sample.Contains('{', StringComparison.Ordinal))
                {
                    urls.Add(sample);
                }
                continue;
            }
            var rest = row.Route[(row.Route.IndexOf('}', StringComparison.Ordinal) + 1)..];
            var query = row.Route.Contains("/signup", StringComparison.Ordinal) || row.Route.Contains("/plan", StringComparison.Ordinal)
                ? "" : sample.Contains('?', StringComparison.Ordinal) ? sample[sample.IndexOf('?', StringComparison.Ordinal)..] : "";
            urls.Add(sample);
            urls.AddRange(byPrefix[prefix].Select(id => prefix + id + rest + query));
        }
        foreach (var (_, id) in users)
        {
            urls.Add($"/residents/{id}");
            urls.Add($"/volunteers/{id}");
            urls.Add($"/admin/users/{id}/edit");
        }
        return urls.Distinct().ToList();
    });
}
