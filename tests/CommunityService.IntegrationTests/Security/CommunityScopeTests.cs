using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>Staff of one community work on that community's records only; the whole street office's staff on all.</summary>
public class CommunityScopeTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Staff_of_one_community_are_refused_on_another_communitys_records()
    {
        var ids = await Portal.WithDbAsync(async db => new
        {
            Yangguang = await db.Communities.Where(c => c.Name == "阳光社区").Select(c => c.Id).SingleAsync(),
            Heping = await db.Communities.Where(c => c.Name == "和平社区").Select(c => c.Id).SingleAsync(),
            Execution = await db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync(),
            Proposal = await db.Projects.Where(p => p.Name == "困难家庭临时救助").Select(p => p.Id).SingleAsync(),
            Need = await db.Needs.Where(n => n.Community!.Name == "和平社区" && n.Status == Data.Needs.NeedStatus.Open).Select(n => n.Id).FirstAsync(),
        });
        var staff = await Portal.NewUserClientAsync("yangguang.worker", ids.Yangguang, "Staff");

        string[] pages = [$"/projects/{ids.Execution}/edit", $"/projects/{ids.Execution}/records/create", $"/projects/{ids.Execution}/notices/create",
            $"/projects/{ids.Execution}/evaluations/create", $"/communities/{ids.Heping}/profile/edit"];
        foreach (var page in pages)
        {
            Assert.StartsWith("/account/access-denied", (await staff.GetAsync(page)).RedirectPath() ?? page, StringComparison.Ordinal);
        }
        var posts = new (string Action, Dictionary<string, string> Fields)[]
        {
            ($"/projects/{ids.Execution}/records/create", new() { ["RecipientName"] = "王大爷", ["DeliveredAt"] = "2026-11-01T09:00", ["DeliveryMode"] = "AtHome", ["DurationMinutes"] = "30", ["Description"] = "上门" }),
            ($"/projects/{ids.Execution}/advance", new() { ["To"] = "Evaluation" }),
            ($"/projects/{ids.Proposal}/decision/meeting-opinion", new() { ["Stance"] = "Support", ["SpeakerName"] = "某人", ["MeetingName"] = "居民议事会", ["At"] = "2026-11-01T09:00" }),
            ($"/needs/{ids.Need}/set-aside", new() { ["Reason"] = "不是本社区的" }),
        };
        foreach (var (action, fields) in posts)
        {
            Assert.StartsWith("/account/access-denied", (await staff.PostFormAsync("/projects", action, fields)).RedirectPath() ?? action, StringComparison.Ordinal);
        }
        Assert.Equal(12, await Portal.WithDbAsync(db => db.ServiceRecords.CountAsync(r => r.ProjectId == ids.Execution)));

        var created = await staff.PostFormAsync("/projects/create", "/projects/create", new()
        {
            ["Name"] = "跨社区项目", ["ServiceTypeId"] = "1", ["CommunityId"] = $"{ids.Heping}", ["TargetGroups"] = "Elderly",
        });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("您只能处理本社区的记录", await created.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("value=\"跨社区项目\"", await created.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_a_community_work_on_its_own_records()
    {
        var yangguang = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == "阳光社区").Select(c => c.Id).SingleAsync());
        var project = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "家政服务培训").Select(p => p.Id).SingleAsync());
        var staff = await Portal.NewUserClientAsync("yangguang.own", yangguang, "Staff");

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/projects/{project}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/projects/{project}/plan/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/communities/{yangguang}/profile/edit")).StatusCode);
    }

    [Fact]
    public async Task A_final_evaluation_waits_for_the_evaluation_stage_so_a_project_cannot_get_stuck()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync());

        var refused = await staff.PostFormAsync($"/projects/{project}/evaluations/create", $"/projects/{project}/evaluations/create",
            new() { ["Timing"] = "Final", ["ByInterview"] = "true" });
        var during = await staff.PostFormAsync($"/projects/{project}/evaluations/create", $"/projects/{project}/evaluations/create",
            new() { ["Timing"] = "During", ["ByInterview"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("评估类型与项目阶段不符", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, during.StatusCode);
    }
}
