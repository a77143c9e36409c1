using System.Text.Json;
using CommunityService.Data;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Dashboard;
using CommunityService.Web.Shared.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Privacy;

internal static class PrivacyData
{
    /// <summary>Every figure of the dashboard over the whole demo period, as text to compare.</summary>
    public static async Task<string> DashboardFiguresAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityServiceDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<PortalTime>();
        var now = DateTime.UtcNow;
        var period = DashboardQuery.Resolve(new DashboardFilter { From = new DateOnly(2020, 1, 1), To = new DateOnly(2035, 12, 31) }, time, now);
        return JsonSerializer.Serialize(await new DashboardQuery(db).RunAsync(period, now, default));
    }

    public static Task<string> UserIdAsync(PortalFactory portal, string userName) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>A client of its own for a demo account: the shared one must keep working after the account is anonymized.</summary>
    public static async Task<HttpClient> FreshClientAsync(PortalFactory portal, string userName)
    {
        var client = portal.CreateAnonymousClient();
        var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = userName, ["Password"] = "Demo@12345" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
