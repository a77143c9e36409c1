using System.Net;
using CommunityService.IntegrationTests.Infrastructure;

namespace CommunityService.IntegrationTests.Security;

public class RoleMatrixTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_page_answers_each_role_as_the_matrix_says()
    {
        var failures = new List<string>();
        var fill = await RoleMatrix.SampleFillerAsync(Portal);
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method is "GET" or "ANY"))
        {
            for (var i = 0; i < RoleMatrix.Users.Length; i++)
            {
                var client = await Portal.ClientForAsync(RoleMatrix.Users[i]);
                var response = await client.GetAsync(fill(row.Sample));
                Check(row, i, response, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_form_post_is_refused_to_roles_that_may_not_use_it()
    {
        var failures = new List<string>();
        var fill = await RoleMatrix.SampleFillerAsync(Portal);
        // Fresh sessions: the posts (logout last) change what a cached session could do next.
        var clients = new List<HttpClient>();
        foreach (var user in RoleMatrix.Users)
        {
            clients.Add(user is null ? Portal.CreateAnonymousClient() : await SignInFreshAsync(user));
        }
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method == "POST"))
        {
            for (var i = 0; i < clients.Count; i++)
            {
                var token = await HttpForms.TokenFromAsync(clients[i], "/account/login");
                var response = await clients[i].PostAsync(fill(row.Sample),
                    new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                Check(row, i, response, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task An_unknown_address_is_not_found_for_everyone()
    {
        foreach (var user in RoleMatrix.Users)
        {
            var client = await Portal.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no/such/page")).StatusCode);
        }
    }

    private static void Check(RoleMatrix.Row row, int index, HttpResponseMessage response, List<string> failures)
    {
        var expected = row.Expected[index];
        var status = (int)response.StatusCode;
        var location = response.RedirectPath() ?? "";
        var actual = status == 302 && location.StartsWith("/account/login", StringComparison.Ordinal) ? "L"
            : status == 302 && location.StartsWith("/account/access-denied", StringComparison.Ordinal) ? "D"
            : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var passed = expected == "A" ? actual is not ("L" or "D" or "403") && status < 500 : actual == expected;
        if (!passed)
        {
            failures.Add($"{row} as {RoleMatrix.Users[index] ?? "anonymous"}: expected {expected}, got {actual} {location}");
        }
    }

    private async Task<HttpClient> SignInFreshAsync(string user)
    {
        var client = Portal.CreateAnonymousClient();
        var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = user, ["Password"] = "Demo@12345" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
