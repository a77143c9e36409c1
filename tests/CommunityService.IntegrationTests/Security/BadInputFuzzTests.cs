using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CommunityService.IntegrationTests.Infrastructure;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Bad input on every form of the role matrix: the form is taken from the page that shows it (as a role that may use it, with
/// its antiforgery token), then one field at a time gets a bad value while the others keep what the page filled in. The answer
/// is never a 5xx. A refusal (4xx) leaves the database as it was (every row of every table but the audit trail). An acceptance
/// (2xx/3xx) must have stored nothing insane: no NUL, BEL or ESC character (ControlCharacterFilter takes them out of every posted value) and no value of 500 KB or more in any text column. A
/// right-to-left override or mixed scripts are text like any other (shown encoded, see <see cref="StoredXssTests"/>), so they
/// may be accepted; the mixed-script value carries an XSS payload, and after each acceptance the form's page and the page it
/// leads to are read back and must hold nothing that runs (stored XSS through the real forms, one payload a field).
/// </summary>
public class BadInputFuzzTests(PortalFactory portal, ITestOutputHelper output) : PortalTest(portal)
{
    private static readonly string Huge = new string('字', 1 << 19) + new string('a', 1 << 19);

    private const string Control = "a\u0000b\u0007c\u001Be\u202Ed";
    private const string MixedScripts = "Zhāng 张 Ωμέγα مرحبا 𠀀 <img src=x onerror=\"window.__xss=1\">";

    /// <summary>
    /// The values tried, by the kind of field (the whole cross product took too long on a shared machine): text gets empty,
    /// 1 MB, control characters and mixed scripts with a payload; numbers, ids, lists and hidden fields get empty, letters, a
    /// negative number and an int overflow; dates get empty, letters, year 1 and year 9999.
    /// </summary>
    private static (string Name, string Value)[] ValuesFor(string kind) => kind switch
    {
        "text" => [("empty", ""), ("1 MB", Huge), ("control", Control), ("mixed scripts", MixedScripts)],
        "date" => [("empty", ""), ("letters", "abc字"), ("year 1", "0001-01-01T00:00"), ("year 9999", "9999-12-31T23:59")],
        _ => [("empty", ""), ("letters", "abc字" + Control), ("negative", "-1"), ("overflow", "99999999999")],
    };

    /// <summary>Posts not fuzzed, and why.</summary>
    private static readonly Dictionary<string, string> Skipped = new()
    {
        ["/account/logout"] = "ends the shared session of the client that posts it",
    };

    [Fact]
    public async Task Every_form_refuses_bad_input_without_a_server_error_and_changes_nothing_when_it_refuses()
    {
        var pages = await StoredXssTests.PagesAsync(Portal);
        var ids = await Portal.WithDbAsync(async db => new Dictionary<string, string>
        {
            ["{staff}"] = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(),
            ["{expense}"] = (await db.Expenses.Select(e => e.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["{income}"] = (await db.FeeIncome.Select(f => f.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
        });
        var textColumns = await TextColumnsAsync();
        var clean = await FingerprintAsync();
        var watch = await WatchAsync(null);

        var failures = new List<string>();
        var notFound = new List<string>();
        var forms = new Dictionary<string, (string Page, string? User)>();
        var posts = 0;
        var accepted = 0;
        var fieldsTried = 0;
        var endpoints = 0;
        var started = DateTime.UtcNow;
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method == "POST"))
        {
            var allowed = Array.FindIndex(row.Expected, e => e == "A");
            if (allowed < 0 || Skipped.ContainsKey(row.Route))
            {
                continue;
            }
            var user = RoleMatrix.Users[allowed];
            var client = await Portal.ClientForAsync(user);
            var action = ids.Aggregate(row.Sample, (url, id) => url.Replace(id.Key, id.Value, StringComparison.Ordinal));
            var form = await FindFormAsync(client, pages, action);
            if (form is null)
            {
                notFound.Add($"{row} as {user ?? "anonymous"}");
                continue;
            }
            endpoints++;
            var (page, baseline, kinds) = form.Value;
            Progress($"{row} as {user}: {kinds.Count} fields");
            foreach (var (field, kind) in kinds)
            {
                fieldsTried++;
                foreach (var (name, value) in ValuesFor(kind))
                {
                    var fields = baseline.Where(f => f.Key != field).Append(new(field, value)).ToList();
                    var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                    posts++;
                    var status = (int)response.StatusCode;
                    var what = $"{action} as {user ?? "anonymous"} (form on {page}), {field} = {name}";
                    if (status >= 500)
                    {
                        failures.Add($"{what}: {status}");
                        continue;
                    }
                    var changed = await ChangedAsync(watch);
                    if (changed is null)
                    {
                        continue;
                    }
                    if (status >= 400)
                    {
                        failures.Add($"{what}: refused with {status} but the database changed ({changed})");
                        await Portal.ResetAsync();
                        watch = await WatchAsync(watch);
                        continue;
                    }
                    accepted++;
                    foreach (var shown in new[] { page, response.RedirectPath() }.OfType<string>())
                    {
                        var back = await client.GetAsync(shown);
                        if ((int)back.StatusCode >= 500)
                        {
                            failures.Add($"{what}: accepted, then {shown} answers {(int)back.StatusCode}");
                        }
                        else if (back.Content.Headers.ContentType?.MediaType == "text/html")
                        {
                            failures.AddRange(XssProbe.ActiveContent(XssProbe.Parse(await back.Content.ReadAsStringAsync())).Select(f => $"{what}: {shown} holds {f}"));
                        }
                    }
                    foreach (var insane in await InsaneValuesAsync(watch, textColumns))
                    {
                        failures.Add($"{what}: accepted ({status}) and stored {insane}");
                    }
                    await Portal.ResetAsync();
                    watch = await WatchAsync(watch);
                }
            }
        }

        output.WriteLine($"{endpoints} form posts fuzzed, {fieldsTried} fields × 4 values = {posts} posts, {accepted} accepted and checked,"
            + $" in {(DateTime.UtcNow - started).TotalSeconds:0} s.");
        output.WriteLine("No form found on any page for: " + string.Join("; ", notFound));
        output.WriteLine("Skipped: " + string.Join("; ", Skipped.Select(s => $"{s.Key} ({s.Value})")));
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(80)));
        Assert.True(endpoints > 60, $"Only {endpoints} forms were found.");
        await watch.DisposeAsync();
        await Portal.ResetAsync();
        Assert.Equal(clean, await FingerprintAsync());
    }

    /// <summary>The page (read as the same user) that holds a form posting to <paramref name="action"/>, and that form's fields as filled in.</summary>
    private static async Task<(string Page, List<KeyValuePair<string, string>> Fields, Dictionary<string, string> Kinds)?> FindFormAsync(HttpClient client, List<string> pages, string action)
    {
        var path = action.Split('?')[0];
        // Most forms post back to their own page, or to a page one level up.
        var likely = pages.Where(p => p.Split('?')[0] == path || path.StartsWith(p.Split('?')[0] + "/", StringComparison.Ordinal))
            .OrderByDescending(p => p.Split('?')[0] == path).ThenByDescending(p => p.Length)
            .Concat(pages.Where(p => p.Contains(path.Split('/')[1], StringComparison.Ordinal)));
        foreach (var page in likely.Distinct())
        {
            var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = XssProbe.Parse(await response.Content.ReadAsStringAsync());
            var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
                ?? document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action")?.Split('?')[0] == path);
            if (form is null || form.QuerySelector("input[name=__RequestVerificationToken]") is null)
            {
                continue;
            }
            var fields = new List<KeyValuePair<string, string>>();
            var kinds = new Dictionary<string, string>();
            foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
            {
                var name = element.GetAttribute("name")!;
                if (name != "__RequestVerificationToken")
                {
                    kinds.TryAdd(name, element switch
                    {
                        IHtmlTextAreaElement => "text",
                        IHtmlInputElement { Type: "text" or "search" or "tel" or "email" or "url" or "password" } => "text",
                        IHtmlInputElement { Type: "date" or "datetime-local" or "time" or "month" } => "date",
                        _ => "other",
                    });
                }
                switch (element)
                {
                    case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    case IHtmlInputElement { Type: "submit" or "button" }:
                        continue;
                    case IHtmlInputElement input:
                        fields.Add(new(name, input.Value));
                        break;
                    case IHtmlTextAreaElement area:
                        fields.Add(new(name, area.Value));
                        break;
                    case IHtmlSelectElement select:
                        fields.Add(new(name, select.Value ?? ""));
                        break;
                }
            }
            foreach (var button in form.QuerySelectorAll("button[name]"))
            {
                // The first named button is the one pressed (e.g. an outcome).
                if (!fields.Any(f => f.Key == button.GetAttribute("name")))
                {
                    fields.Add(new(button.GetAttribute("name")!, button.GetAttribute("value") ?? ""));
                }
            }
            return (page, fields, kinds);
        }
        return null;
    }

    /// <summary>Where a long run is, for whoever watches it: set FUZZ_PROGRESS to a file name.</summary>
    private static void Progress(string line)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_PROGRESS") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{DateTime.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
        }
    }

    /// <summary>
    /// Triggers that note any insert, update or delete in any table but the audit trail (a refusal is audited by design): a
    /// full fingerprint after each of thousands of posts would take minutes. A reset copies the template back, triggers gone
    /// (on PostgreSQL the database itself is made again, which ends the watching connection): so after each reset the watch
    /// starts again on a connection of its own.
    /// </summary>
    private async Task<DbConnection> WatchAsync(DbConnection? previous)
    {
        if (previous is not null)
        {
            await previous.DisposeAsync();
        }
        var connection = RawTables.Open(Portal);
        await RawTables.ExecuteAsync(connection, RawTables.ChangeTriggers("fuzz_changes", await RawTables.TablesAsync(connection, "AuditEntries", "fuzz_changes")));
        return connection;
    }

    /// <summary>The tables changed since the triggers were set, or null.</summary>
    private static async Task<string?> ChangedAsync(DbConnection connection) =>
        await RawTables.ScalarAsync(connection, RawTables.ChangedSql("fuzz_changes")) as string;

    private Task<List<string>> TextColumnsAsync() => Portal.WithDbAsync(db => Task.FromResult(
        db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } t && t != "DataProtectionKeys")
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string))
                .Select(p => $"\"{e.GetTableName()}\".\"{p.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))}\""))
            .Distinct()
            .ToList()));

    private static async Task<List<string>> InsaneValuesAsync(DbConnection connection, List<string> columns)
    {
        var found = new List<string>();
        foreach (var column in columns)
        {
            var table = column[..column.IndexOf('.', StringComparison.Ordinal)];
            if (Convert.ToInt64(await RawTables.ScalarAsync(connection, $"SELECT count(*) FROM {table} WHERE {RawTables.InsaneText(column)}"), CultureInfo.InvariantCulture) > 0)
            {
                found.Add($"a control character or a huge value in {column}");
            }
        }
        return found;
    }

    /// <summary>A hash of every row of every table but the audit trail (a refusal is audited by design).</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var connection = RawTables.Open(Portal);
        return await RawTables.FingerprintAsync(connection, "AuditEntries");
    }
}
