using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

public class ReviewQueueTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_queue_lists_the_waiting_decision_plan_and_evaluation_oldest_first()
    {
        var manager = await Portal.ClientForAsync("manager");

        var html = await manager.GetStringAsync("/reviews");

        // 困难家庭临时救助 waits since about 150 days, the plan of 独居老人关爱探访 since about 50, the evaluation of
        // 慢性病健康讲座 since about 30, and the new proposal 老年人智能手机课堂 since 10.
        var order = new[] { "困难家庭临时救助", "独居老人关爱探访", "慢性病健康讲座", "老年人智能手机课堂" }
            .Select(name => html.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("href=\"/projects/5/decision\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/projects/12/plan\"", html, StringComparison.Ordinal);
        var evaluation = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == 7).Select(e => e.Id).SingleAsync());
        Assert.Contains($"href=\"/evaluations/{evaluation}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/projects/13/decision\"", html, StringComparison.Ordinal);
        Assert.Contains("评估报告", html, StringComparison.Ordinal);
        Assert.DoesNotContain("老年人助餐服务", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/reviews\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_item_says_how_long_it_has_waited_and_a_report_links_to_its_evidence()
    {
        var manager = await Portal.ClientForAsync("manager");
        var document = new HtmlParser().ParseDocument(await manager.GetStringAsync("/reviews"));
        var since = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == 5)
            .SelectMany(p => p.StageHistory).Where(s => s.To == ProjectStage.Decision).MaxAsync(s => s.At));
        var local = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.SpecifyKind(since, DateTimeKind.Utc), "Asia/Shanghai").Date;
        var days = (TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").Date - local).Days;

        var rows = document.QuerySelectorAll("tbody tr").ToList();
        var oldest = rows.Single(r => r.TextContent.Contains("困难家庭临时救助", StringComparison.Ordinal));
        var newest = rows.Single(r => r.TextContent.Contains("老年人智能手机课堂", StringComparison.Ordinal));
        var report = rows.Single(r => r.TextContent.Contains("慢性病健康讲座", StringComparison.Ordinal));

        Assert.Equal($"{days} 天", oldest.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains("text-bg-warning", oldest.QuerySelector(".badge")!.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("text-bg-warning", newest.QuerySelector(".badge")!.ClassName, StringComparison.Ordinal);
        var evaluation = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == 7).Select(e => e.Id).SingleAsync());
        Assert.NotNull(report.QuerySelector($"a[href='/trace/evaluations/{evaluation}']"));
        Assert.Null(oldest.QuerySelector("a[href^='/trace/']"));
    }

    [Fact]
    public async Task Staff_are_denied_the_queue()
    {
        var staff = await Portal.ClientForAsync("staff");

        var response = await staff.GetAsync("/reviews");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.RedirectPath(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/reviews\"", await staff.GetStringAsync("/projects"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_runs_the_same_number_of_sql_commands_however_many_items_wait()
    {
        var manager = await Portal.ClientForAsync("manager");
        await manager.GetStringAsync("/reviews");
        var (_, before) = await Portal.CountCommandsAsync(manager, "/reviews");

        await Portal.WithDbAsync(async db =>
        {
            var template = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == 5);
            var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 10; i++)
            {
                var project = new ServiceProject
                {
                    Name = $"待决定项目 {i}", Category = template.Category, ServiceTypeId = template.ServiceTypeId, CommunityId = template.CommunityId,
                    CreatedById = staffId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                };
                project.Needs.Add(new NeedFinding { CommunityId = template.CommunityId, Text = $"需求 {i}", CreatedById = staffId, CreatedAt = DateTime.UtcNow });
                project.AdvanceTo(ProjectStage.Decision, staffId, "", DateTime.UtcNow);
                db.Projects.Add(project);
            }
            await db.SaveChangesAsync();
        });
        var (response, after) = await Portal.CountCommandsAsync(manager, "/reviews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, after);
        Assert.Contains("待决定项目 9", await response.BodyAsync(), StringComparison.Ordinal);
    }
}
