using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.IntegrationTests.Infrastructure;

namespace CommunityService.IntegrationTests.Pages;

/// <summary>
/// A list's filter with a date outside 2000–2099 (year 1, 0202 for 2026, 1940, whose month starts include times China's
/// clocks skipped, and 9999) is refused with a message and a 400, the filter kept as typed: it used to fail with a 500.
/// </summary>
public class FilterDateTests(PortalFactory portal) : PortalTest(portal)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "manager", "/dashboard", "#from" },
        { "manager", "/audit", "#from" },
        { "staff", "/volunteers", "#from" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_date_outside_the_portal_years_is_refused_with_the_filter_kept(string user, string page, string field)
    {
        var client = await Portal.ClientForAsync(user);

        foreach (var from in new[] { "0001-01-01", "0202-11-01", "1940-06-01", "9999-12-31" })
        {
            var response = await client.GetAsync($"{page}?from={from}&to=2026-01-01");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Contains("请选择 2000-01-01 至 2099-12-31 之间的日期", document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(from, document.QuerySelector(field)!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task The_dashboard_refuses_an_end_before_the_start_an_unknown_community_and_an_unreadable_date()
    {
        var manager = await Portal.ClientForAsync("manager");

        var reversed = await manager.GetAsync("/dashboard?from=2026-06-01&to=2026-01-01");
        var community = await manager.GetAsync("/dashboard?community=99999");
        var unreadable = await manager.GetAsync("/dashboard?to=garbage");
        var category = await manager.GetAsync("/dashboard?category=77");
        var export = await manager.GetAsync("/dashboard/export?to=9999-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("结束日期早于开始日期", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, community.StatusCode);
        Assert.Contains("请从列表中选择社区", await community.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("garbage", new HtmlParser().ParseDocument(await unreadable.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("2099-12-31", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteer_printing_hours_for_an_impossible_period_gets_a_message()
    {
        var volunteer = await Portal.ClientForAsync("volunteer");

        var response = await volunteer.GetAsync("/volunteer/hours/print?from=0001-01-01");
        var fine = await volunteer.GetAsync("/volunteer/hours/print?from=2026-01-01&to=2026-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000-01-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
