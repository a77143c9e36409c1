using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Xunit.Abstractions;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Bad values in the address of every page of the role matrix, read by a role that may see the page: the filters' and
/// paging's parameters get impossible dates (year 1, a day the clocks skipped, year 9999), numbers out of range, unknown
/// choices and long or odd text, one kind at a time. The answer is never a 5xx. (The dashboard's year 1 used to be one.)
/// </summary>
public class QueryFuzzTests(PortalFactory portal, ITestOutputHelper output) : PortalTest(portal)
{
    private static readonly string[] DateNames = ["from", "to", "date", "day", "month", "week"];
    private static readonly string[] NumberNames = ["page", "community", "project", "session", "version", "id", "year", "size", "survey", "need"];
    private static readonly string[] ChoiceNames = ["category", "mode", "status", "type", "event", "result", "group", "fee", "kind", "timing", "sort", "table", "large", "c"];
    private static readonly string[] TextNames = ["q", "actor", "record", "returnUrl", "name"];

    private static readonly (string Kind, string[] Names, string[] Values)[] Cases =
    [
        ("dates", DateNames, ["0001-01-01", "1940-06-01", "9999-12-31", "2026-02-30", "abc字"]),
        ("numbers", NumberNames, ["-1", "0", "99999999999", "2147483647", "1e9", "abc"]),
        ("choices", ChoiceNames, ["77", "-1", "Nothing", "true%00", "💥"]),
        ("text", TextNames, [new string('字', 5000), "a\u0001b", "//evil.example", "%E0%A4%A", "' OR 1=1 --"]),
    ];

    [Fact]
    public async Task No_page_answers_bad_values_in_its_address_with_a_server_error()
    {
        var failures = new List<string>();
        var requests = 0;
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method == "GET"))
        {
            var index = Array.IndexOf(row.Expected, "200");
            if (index < 0)
            {
                continue;
            }
            var client = await Portal.ClientForAsync(RoleMatrix.Users[index]);
            var path = row.Sample.Split('?')[0];
            var sampleQuery = row.Sample.Contains('?') ? QueryHelpers.ParseQuery(row.Sample[row.Sample.IndexOf('?')..]) : [];
            foreach (var (kind, names, values) in Cases)
            {
                foreach (var value in values)
                {
                    var query = sampleQuery.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                    foreach (var name in names)
                    {
                        query[name] = value;
                    }
                    var url = QueryHelpers.AddQueryString(path, query);
                    var response = await client.GetAsync(url);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} {kind} {url[..Math.Min(url.Length, 160)]}");
                    }
                }
            }
        }
        output.WriteLine($"{requests} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(requests > 1000, $"Only {requests} requests were made.");
    }
}
