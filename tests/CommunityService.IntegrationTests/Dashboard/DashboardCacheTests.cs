using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data.Needs;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Dashboard;

namespace CommunityService.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard keeps a filter's figures for a minute (<c>Dashboard:CacheSeconds</c>, switched off for the other tests):
/// opened again, the page runs none of its GROUP BY queries, shows the kept figures and says when they were worked out;
/// another filter is worked out afresh.
/// </summary>
public class DashboardCacheTests(PortalFactory portal) : PortalTest(portal)
{
    private static string NeedsCell(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("#table-needs tfoot tr td").Select(c => c.TextContent.Trim()).FirstOrDefault() ?? "";

    [Fact]
    public async Task Opened_again_within_the_minute_the_dashboard_shows_the_kept_figures_without_querying_them()
    {
        await using var app = Portal.WithWebHostBuilder(b => b.UseSetting("Dashboard:CacheSeconds", "60"));
        var manager = PortalFactory.AnonymousClient(app);
        var signIn = await manager.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "manager", ["Password"] = "Demo@12345" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        const string Url = "/dashboard?from=2020-01-01&to=2030-12-31";

        var (first, firstCommands) = await Portal.CountCommandsAsync(manager, Url);
        var firstHtml = await first.Content.ReadAsStringAsync();
        Assert.Contains("id=\"worked-out\"", firstHtml, StringComparison.Ordinal);

        // A need found meanwhile is not in the kept figures.
        await Portal.WithDbAsync(async db =>
        {
            var community = db.Communities.Select(c => c.Id).First();
            db.Needs.Add(new NeedFinding { Text = "缓存期间发现的需求", CommunityId = community, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var (again, againCommands) = await Portal.CountCommandsAsync(manager, Url);
        Assert.Equal(firstCommands - DashboardQuery.Commands, againCommands);
        Assert.Equal(NeedsCell(firstHtml), NeedsCell(await again.Content.ReadAsStringAsync()));
        // Without the cache (the shared test portal) the need is counted at once.
        var fresh = await (await Portal.ClientForAsync("manager")).GetStringAsync(Url);
        Assert.Equal(int.Parse(NeedsCell(firstHtml), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(NeedsCell(fresh), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));

        // Another filter is worked out now, and counts the new need.
        var (other, otherCommands) = await Portal.CountCommandsAsync(manager, "/dashboard?from=2020-01-01&to=2030-12-31&category=Welfare");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(firstCommands, otherCommands);
    }
}
