using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

public class RoleMatrixTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_page_answers_each_role_as_the_matrix_says()
    {
        var failures = new List<string>();
        var staffId = await StaffIdAsync();
        var residentId = await UserIdAsync("resident");
        var volunteerId = await UserIdAsync("volunteer");
        var money = await MoneySamplesAsync(staffId);
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method is "GET" or "ANY"))
        {
            for (var i = 0; i < RoleMatrix.Users.Length; i++)
            {
                var client = await Portal.ClientForAsync(RoleMatrix.Users[i]);
                var response = await client.GetAsync(money.Fill(row.Sample.Replace("{staff}", staffId, StringComparison.Ordinal).Replace("{resident}", residentId, StringComparison.Ordinal)
                    .Replace("{volunteer}", volunteerId, StringComparison.Ordinal)));
                Check(row, i, response, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_form_post_is_refused_to_roles_that_may_not_use_it()
    {
        var failures = new List<string>();
        var staffId = await StaffIdAsync();
        var residentId = await UserIdAsync("resident");
        var volunteerId = await UserIdAsync("volunteer");
        var money = await MoneySamplesAsync(staffId);
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
                var response = await clients[i].PostAsync(money.Fill(row.Sample.Replace("{staff}", staffId, StringComparison.Ordinal).Replace("{resident}", residentId, StringComparison.Ordinal)
                    .Replace("{volunteer}", volunteerId, StringComparison.Ordinal)),
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

    /// <summary>An expense of 残疾人康复上门服务 and fee income of 青少年暑期托管, whatever the demo data holds.</summary>
    private Task<MoneySamples> MoneySamplesAsync(string staffId) => Portal.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expense = new Data.Money.Expense
        {
            ProjectId = 2, BudgetItem = "物资与耗材", Source = Data.Plans.FundingSource.StateFunding, Amount = 10m, SpentOn = today, RecordedById = staffId, CreatedAt = DateTime.UtcNow,
        };
        var income = new Data.Money.FeeIncome { ProjectId = 3, Amount = 300m, ReceivedOn = today, Payer = "家长", RecordedById = staffId, CreatedAt = DateTime.UtcNow };
        db.Add(expense);
        db.Add(income);
        await db.SaveChangesAsync();
        return new MoneySamples(expense.Id, income.Id);
    });

    private sealed record MoneySamples(int Expense, int Income)
    {
        public string Fill(string sample) => sample
            .Replace("{expense}", Expense.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{income}", Income.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private Task<string> StaffIdAsync() => UserIdAsync("staff");

    private Task<string> UserIdAsync(string userName) => Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
