using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Dashboard;
using CommunityService.Web.Shared.Mvc;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CommunityService.IntegrationTests.Dashboard;

/// <summary>The dashboard's figures for 看板社区 (see <see cref="DashboardData"/>), March to May 2024, against the hand count.</summary>
public class DashboardTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Spring = "from=2024-03-01&to=2024-05-31";

    private async Task<DashboardFigures> FiguresAsync(int community, DateOnly from, DateOnly to, ServiceCategory? category = null)
    {
        using var scope = Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityServiceDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<PortalTime>();
        var now = DateTime.UtcNow;
        var period = DashboardQuery.Resolve(new DashboardFilter { From = from, To = to, Community = community, Category = category }, time, now);
        return await new DashboardQuery(db).RunAsync(period, now, default);
    }

    private Task<int> SeedAsync() => Portal.WithDbAsync(DashboardData.SeedAsync);

    /// <summary>The cells of a dashboard table, row by row, the row's label first; the total row last.</summary>
    private static List<string[]> Table(string html, string key) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll($"#table-{key} tbody tr, #table-{key} tfoot tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task Every_figure_of_a_community_matches_the_hand_count()
    {
        var community = await SeedAsync();

        var f = await FiguresAsync(community, new(2024, 3, 1), new(2024, 5, 31));

        Assert.Equal([(ProjectStage.Publicity, ServiceCategory.PublicBenefit, 1), (ProjectStage.Execution, ServiceCategory.Welfare, 1)],
            f.ProjectsByStage.OrderBy(s => s.Stage).Select(s => (s.Stage, s.Category, s.Projects)));
        Assert.Equal((3, 2), (f.NeedsFound, f.NeedsAddressed));
        Assert.Equal([(NeedStatus.Open, 1), (NeedStatus.Addressed, 2)], f.Needs.OrderBy(n => n.Status).Select(n => (n.Status, n.Needs)));
        Assert.Equal((3, 5, 360), (f.PeopleServed, f.Services, f.ServiceMinutes));
        Assert.Equal([(DeliveryMode.AtFacility, 3, 3, 270), (DeliveryMode.AtHome, 1, 2, 90)],
            f.ByDeliveryMode.Select(m => (m.Mode, m.People, m.Services, m.Minutes)));
        Assert.Equal([(TargetGroup.Elderly, 2, 3), (TargetGroup.Disabled, 2, 3), (TargetGroup.Youth, 2, 2)],
            f.ByTargetGroup.Select(g => (g.Group, g.People, g.Services)));
        Assert.Equal(["2024-03", "2024-04", "2024-05"], f.Activity.Select(a => a.Month.ToString()));
        Assert.Equal([(1, 1, 60), (1, 2, 120), (1, 2, 180)], f.Activity.Select(a => (a.SessionsHeld, a.Services, a.Minutes)));
        Assert.Equal([(2, 1, 50.0m), (0, 0, (decimal?)null), (3, 2, 66.7m)], f.Satisfaction.Select(s => (s.Ratings, s.Satisfied, s.SatisfiedPercent)));
        Assert.Equal([4.0, null, 11.0 / 3], f.Satisfaction.Select(s => s.AverageRating));
        Assert.Equal([(120, 1, 1), (60, 1, 1), (0, 0, 0)], f.Volunteering.Select(v => (v.Minutes, v.Shifts, v.Volunteers)));
        Assert.Equal([(FundingSource.StateFunding, 3000m, 250.50m), (FundingSource.Donation, 500m, 100m), (FundingSource.PaidServiceIncome, 0m, 0m),
            (FundingSource.CommunityServiceFund, 700m, 300m)], f.Budget.Select(b => (b.Source, b.Planned, b.Spent)));
        Assert.Equal([
            new CategoryDemand(ServiceCategory.Welfare, 1, 1, 6, 6, 1, 3, 3),
            new CategoryDemand(ServiceCategory.PublicBenefit, 2, 1, 30, 15, 2, 0, 0),
            new CategoryDemand(ServiceCategory.Commercial, 0, 0, 0, 0, 0, 0, 0)], f.Demand);
    }

    [Fact]
    public async Task A_category_narrows_every_figure_to_its_projects()
    {
        var community = await SeedAsync();

        var f = await FiguresAsync(community, new(2024, 3, 1), new(2024, 5, 31), ServiceCategory.Welfare);

        Assert.Equal([(ProjectStage.Execution, 1)], f.ProjectsByStage.Select(s => (s.Stage, s.Projects)));
        Assert.Equal((2, 1), (f.NeedsFound, f.NeedsAddressed));
        Assert.Equal((2, 3, 180), (f.PeopleServed, f.Services, f.ServiceMinutes));
        Assert.Equal([TargetGroup.Elderly, TargetGroup.Disabled], f.ByTargetGroup.Select(g => g.Group));
        Assert.Equal([2, 0, 0], f.Satisfaction.Select(s => s.Ratings));
        Assert.Equal([120, 0, 0], f.Volunteering.Select(v => v.Minutes));
        Assert.Equal([3000m, 500m, 0m, 0m], f.Budget.Select(b => b.Planned));
        Assert.Equal([350.50m, 0m], [f.Budget.Sum(b => b.Spent), f.Budget.Single(b => b.Source == FundingSource.CommunityServiceFund).Spent]);
        Assert.Equal(0, f.Demand.Single(d => d.Category == ServiceCategory.PublicBenefit).Sessions);
    }

    [Fact]
    public async Task A_month_starts_at_local_midnight()
    {
        var community = await SeedAsync();

        // 2024-03-31 20:00 UTC is 04:00 on 1 April in Beijing: an April service, not a March one.
        var april = await FiguresAsync(community, new(2024, 4, 1), new(2024, 4, 30));
        var march = await FiguresAsync(community, new(2024, 3, 1), new(2024, 3, 31));

        Assert.Equal((2, 120), (april.Services, april.ServiceMinutes));
        Assert.Equal((1, 60), (march.Services, march.ServiceMinutes));
        Assert.Equal(["2024-04"], april.Activity.Select(a => a.Month.ToString()));
        Assert.Equal(300m, april.Budget.Sum(b => b.Spent));
    }

    [Fact]
    public async Task A_manager_sees_each_table_with_the_hand_counted_figures()
    {
        var community = await SeedAsync();
        var manager = await Portal.ClientForAsync("manager");

        var html = await manager.GetStringAsync($"/dashboard?{Spring}&community={community}");

        Assert.Equal(["服务人数", "3", "服务人次", "5", "服务时长（小时）", "6.0", "志愿服务时长", "3.0", "满意率", "60.0%"],
            new HtmlParser().ParseDocument(html).QuerySelectorAll(".dashboard-keys dt, .dashboard-keys dd").Select(e => e.TextContent.Trim()));
        Assert.Equal(["组织实施", "1", "0", "0", "1"], Table(html, "projects").Single(r => r[0] == "组织实施"));
        Assert.Equal(["合计", "1", "1", "0", "2"], Table(html, "projects")[^1]);
        Assert.Equal([["待回应", "1", "33.3%"], ["已立项回应", "2", "66.7%"]], Table(html, "needs").Take(2).Select(r => r));
        Assert.Equal(["发现的需求", "3", "100.0%"], Table(html, "needs")[^1]);
        Assert.Equal(["合计", "3", "5", "6.0"], Table(html, "modes")[^1]);
        Assert.Equal([["2024-03", "2", "4.00", "50.0%"], ["2024-04", "0", "–", "–"], ["2024-05", "3", "3.67", "66.7%"], ["合计", "5", "3.80", "60.0%"]],
            Table(html, "satisfaction"));
        Assert.Equal(["国家资助", "¥3,000.00", "¥250.50", "8.4%"], Table(html, "budget")[0]);
        Assert.Equal(["合计", "¥4,200.00", "¥650.50", "15.5%"], Table(html, "budget")[^1]);
        Assert.Equal(["合计", "3", "2", "36", "21", "3", "3", "3"], Table(html, "demand")[^1]);
        // Each chart has its data and a name for screen readers; the tables say what they count.
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(9, document.QuerySelectorAll("canvas[role=img][aria-label][data-chart]").Length);
        Assert.Contains("同一人可计入多个群体", html, StringComparison.Ordinal);
        Assert.Equal($"/dashboard/export?table=budget&from=2024-03-01&to=2024-05-31&community={community}",
            document.QuerySelector("#section-budget a[href^='/dashboard/export']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_dashboard_shows_the_last_twelve_months_by_default()
    {
        var manager = await Portal.ClientForAsync("manager");

        var document = new HtmlParser().ParseDocument(await manager.GetStringAsync("/dashboard"));

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), document.QuerySelector("#to")!.GetAttribute("value"));
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).AddMonths(-11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            document.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Equal(13, document.QuerySelectorAll("#table-satisfaction tr").Length - 1);
        // The demo's services show up: people were served this year.
        Assert.NotEqual("0", document.QuerySelector("#key-people")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_export_is_a_workbook_with_the_same_numbers()
    {
        var community = await SeedAsync();
        var manager = await Portal.ClientForAsync("manager");

        var all = await manager.GetAsync($"/dashboard/export?{Spring}&community={community}");
        var one = await manager.GetAsync($"/dashboard/export?table=budget&{Spring}&community={community}");
        var unknown = await manager.GetAsync($"/dashboard/export?table=nothing&{Spring}");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", all.Content.Headers.ContentType!.MediaType);
        using var workbook = new MemoryStream(await all.Content.ReadAsByteArrayAsync());
        Assert.Equal(9, workbook.GetSheetNames().Count);
        var modes = workbook.Query(useHeaderRow: true, sheetName: "按服务方式的服务人数").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("合计", modes[^1]["服务方式"]);
        Assert.Equal((3m, 5m, 6m), (Convert.ToDecimal(modes[^1]["服务人数"], CultureInfo.InvariantCulture),
            Convert.ToDecimal(modes[^1]["服务人次"], CultureInfo.InvariantCulture), Convert.ToDecimal(modes[^1]["服务时长（小时）"], CultureInfo.InvariantCulture)));
        using var budget = new MemoryStream(await one.Content.ReadAsByteArrayAsync());
        Assert.Equal(["按经费来源的预算与支出"], budget.GetSheetNames());
        var rows = budget.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["国家资助", "社会捐助", "有偿服务收入", "社区服务基金", "合计"], rows.Select(r => (string)r["经费来源"]));
        Assert.Equal([3000m, 500m, 0m, 700m, 4200m], rows.Select(r => Convert.ToDecimal(r["预算"], CultureInfo.InvariantCulture)));
        Assert.Equal([250.5m, 100m, 0m, 300m, 650.5m], rows.Select(r => Convert.ToDecimal(r["已支出"], CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("volunteer")]
    [InlineData("staff")]
    [InlineData("admin")]
    public async Task Only_managers_see_the_dashboard_or_its_export(string user)
    {
        var client = await Portal.ClientForAsync(user);

        foreach (var url in new[] { "/dashboard", "/dashboard/export", "/dashboard/export?table=needs" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.RedirectPath(), StringComparison.Ordinal);
        }
    }
}
