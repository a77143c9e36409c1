using System.Net;
using System.Security.Cryptography;
using System.Text;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Cross-site request forgery: every form post of the role matrix, sent by a role that may use it but without the
/// antiforgery token, is refused with 400 — and the database is exactly as it was (every row of every table). And the
/// other half of that safety: reading a page changes nothing, whoever reads it.
/// </summary>
public class AntiforgeryTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var before = await FingerprintAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method == "POST"))
        {
            // The first role the matrix lets through (anonymous for sign-in and registration).
            var allowed = Array.FindIndex(row.Expected, e => e == "A");
            if (allowed < 0)
            {
                continue;
            }
            var client = await Portal.ClientForAsync(RoleMatrix.Users[allowed]);
            var sample = row.Sample.Replace("{expense}", "1", StringComparison.Ordinal).Replace("{income}", "1", StringComparison.Ordinal)
                .Replace("{staff}", "x", StringComparison.Ordinal).Replace("{resident}", "x", StringComparison.Ordinal).Replace("{volunteer}", "x", StringComparison.Ordinal);
            var response = await client.PostAsync(sample, new FormUrlEncodedContent([new("Comment", "forged"), new("Outcome", "Approve")]));
            tried++;
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{row} as {RoleMatrix.Users[allowed] ?? "anonymous"}: {(int)response.StatusCode} {response.RedirectPath()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(tried > 50, $"Only {tried} form posts were tried.");
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task No_page_changes_the_database_whoever_reads_it()
    {
        // Reading a case file writes an audit entry by design (who opened which file, when): that table is left out.
        var before = await FingerprintAsync("AuditEntries");
        var ids = await Portal.WithDbAsync(async db => new Dictionary<string, string>
        {
            ["{staff}"] = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(),
            ["{resident}"] = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync(),
            ["{volunteer}"] = await db.Users.Where(u => u.UserName == "volunteer").Select(u => u.Id).SingleAsync(),
            ["{expense}"] = (await db.Expenses.Select(e => e.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{income}"] = (await db.FeeIncome.Select(f => f.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var read = 0;
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method is "GET" or "ANY"))
        {
            var sample = ids.Aggregate(row.Sample, (url, id) => url.Replace(id.Key, id.Value, StringComparison.Ordinal));
            foreach (var user in RoleMatrix.Users)
            {
                await (await Portal.ClientForAsync(user)).GetAsync(sample);
                read++;
            }
        }

        Assert.True(read > 300, $"Only {read} pages were read.");
        Assert.Equal(before, await FingerprintAsync("AuditEntries"));
    }

    /// <summary>A hash of every row of every table of the model (but those left out), in a fixed order, on either provider.</summary>
    private Task<string> FingerprintAsync(params string[] leftOut) => Portal.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => !leftOut.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var dump = connection.CreateCommand();
            dump.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await dump.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                rows.Add(row.ToString());
            }
            // Rows in a fixed order whatever order the database returns them in.
            text.Append(table).Append('\n').AppendJoin('\n', rows.Order(StringComparer.Ordinal)).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    });
}
