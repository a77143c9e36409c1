using System.Net;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pipeline;

/// <summary>One project from Survey to Closed through the pages staff and a manager use.</summary>
public class PipelineWalkTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_project_walks_from_survey_to_closed()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var (typeId, communityId) = await Portal.WithDbAsync(async db =>
            (await db.ServiceTypes.Where(t => t.Name == "社区养老").Select(t => t.Id).SingleAsync(),
             await db.Communities.Where(c => c.Name == "阳光社区").Select(c => c.Id).SingleAsync()));

        var created = await staff.PostFormAsync("/projects/create", "/projects/create", new()
        {
            ["Name"] = "老年人健康监测", ["Summary"] = "每月为老人测血压血糖", ["ServiceTypeId"] = $"{typeId}",
            ["CommunityId"] = $"{communityId}", ["TargetGroups"] = "Elderly",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.RedirectPath()!;
        var id = int.Parse(page.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await AssertStage(id, ProjectStage.Survey);

        var refused = await staff.PostFormAsync(page, $"{page}/advance", new() { ["To"] = "Decision" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请至少关联一项社区调查发现的需求", await refused.BodyAsync(), StringComparison.Ordinal);

        await Ok(staff.PostFormAsync(page, $"{page}/needs", new() { ["Text"] = "老人希望在社区就近测量血压" }));
        await Ok(staff.PostFormAsync(page, $"{page}/advance", new() { ["To"] = "Decision", ["Reason"] = "调查完成" }));
        await AssertStage(id, ProjectStage.Decision);

        Assert.StartsWith("/account/access-denied", (await staff.PostFormAsync(page, $"{page}/decide", new() { ["Outcome"] = "Approve", ["Reason"] = "自己批" })).RedirectPath(), StringComparison.Ordinal);
        await Ok(manager.PostFormAsync(page, $"{page}/decide", new() { ["Outcome"] = "Approve", ["Reason"] = "需求明确，同意立项" }));
        await AssertStage(id, ProjectStage.Plan);

        await Ok(staff.PostFormAsync($"{page}/plan/edit", $"{page}/plan/edit", new()
        {
            ["Purpose"] = "及早发现老人健康风险", ["StartDate"] = "2027-01-01", ["EndDate"] = "2027-06-30", ["SessionPattern"] = "每月第一个周一上午",
            ["Place"] = "阳光社区卫生站", ["FeeTier"] = "Free", ["FeeAmount"] = "0", ["DeliveryMode"] = "AtFacility", ["Capacity"] = "100",
            ["Objectives[0].Indicator"] = "监测老人", ["Objectives[0].TargetValue"] = "100", ["Objectives[0].Unit"] = "人",
        }));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.PlanObjectives.CountAsync(o => db.Plans.Any(p => p.Id == o.PlanId && p.ProjectId == id))));
        await Ok(staff.PostFormAsync(page, $"{page}/plan/submit", []));
        await Ok(manager.PostFormAsync(page, $"{page}/plan/review", new() { ["Outcome"] = "Approve", ["Comment"] = "同意" }));
        await AssertStage(id, ProjectStage.Plan);

        await Ok(staff.SubmitFormAsync($"{page}/notices/create", $"{page}/notices/create", new() { ["Title"] = "免费测血压", ["Body"] = "每月第一个周一上午。" }));
        var noticeId = await Portal.WithDbAsync(db => db.Notices.Where(n => n.ProjectId == id).Select(n => n.Id).SingleAsync());
        await Ok(staff.PostFormAsync(page, $"/notices/{noticeId}/publish", []));
        await AssertStage(id, ProjectStage.Publicity);
        Assert.Equal(HttpStatusCode.OK, (await Portal.CreateAnonymousClient().GetAsync($"/notices/{noticeId}")).StatusCode);

        await Ok(staff.PostFormAsync(page, $"{page}/advance", new() { ["To"] = "Execution" }));
        await AssertStage(id, ProjectStage.Execution);

        await Ok(staff.PostFormAsync($"{page}/records/create", $"{page}/records/create", new()
        {
            ["RecipientName"] = "王大爷", ["DeliveredAt"] = "2027-01-04T09:00", ["DeliveryMode"] = "AtFacility", ["DurationMinutes"] = "20", ["Description"] = "测量血压 135/85",
        }));
        await Ok(staff.PostFormAsync(page, $"{page}/advance", new() { ["To"] = "Evaluation" }));
        await AssertStage(id, ProjectStage.Evaluation);

        await Ok(staff.PostFormAsync($"{page}/evaluations/create", $"{page}/evaluations/create", new()
        {
            ["Timing"] = "Final", ["ByInterview"] = "true",
        }));
        var evaluationId = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == id).Select(e => e.Id).SingleAsync());
        var edit = $"/evaluations/{evaluationId}/edit";
        await Ok(staff.SubmitFormAsync(edit, edit, new()
        {
            ["Dimensions[0].Score"] = "4", ["Dimensions[1].Score"] = "4", ["Dimensions[2].Score"] = "5", ["Dimensions[3].Score"] = "3",
            ["Dimensions[0].Narrative"] = "监测项目齐全", ["Dimensions[1].Narrative"] = "定点加上门", ["Dimensions[2].Narrative"] = "医生按时到场",
            ["Dimensions[3].Narrative"] = "社区卫生站方便", ["Summary"] = "完成 100 人次监测", ["Improvements"] = "增加上门监测",
        }));
        await Ok(staff.PostFormAsync(page, $"/evaluations/{evaluationId}/submit", []));
        await Ok(manager.PostFormAsync(page, $"/evaluations/{evaluationId}/review", new() { ["Outcome"] = "Approve", ["Comment"] = "同意结项" }));
        await AssertStage(id, ProjectStage.Closed);

        var history = await Portal.WithDbAsync(db => db.StageChanges.Where(s => s.ProjectId == id).OrderBy(s => s.Id).Select(s => s.To).ToListAsync());
        Assert.Equal(ProjectStages.Pipeline.Skip(1), history);
    }

    [Fact]
    public async Task A_manager_returns_a_plan_with_a_comment_and_staff_see_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var id = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "独居老人关爱探访").Select(p => p.Id).SingleAsync());

        var noComment = await manager.PostFormAsync($"/projects/{id}", $"/projects/{id}/plan/review", new() { ["Outcome"] = "Return", ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);

        await Ok(manager.PostFormAsync($"/projects/{id}", $"/projects/{id}/plan/review", new() { ["Outcome"] = "Return", ["Comment"] = "请补充志愿者安排" }));

        var html = await (await staff.GetAsync($"/projects/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("请补充志愿者安排", html, StringComparison.Ordinal);
        Assert.Contains("已退回", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_optional_text_fields_save_as_empty_text()
    {
        var staff = await Portal.ClientForAsync("staff");
        var typeId = await Portal.WithDbAsync(db => db.ServiceTypes.Select(t => t.Id).FirstAsync());

        var created = await staff.PostFormAsync("/projects/create", "/projects/create", new()
        {
            ["Name"] = "无简介的项目", ["Summary"] = "", ["ResourcesToUse"] = "", ["ServiceTypeId"] = $"{typeId}", ["CommunityId"] = "1", ["TargetGroups"] = "Elderly",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("", await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "无简介的项目").Select(p => p.Summary).SingleAsync()));
    }

    private async Task AssertStage(int id, ProjectStage stage) =>
        Assert.Equal(stage, await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync()));

    private static async Task Ok(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}: {(await response.BodyAsync()).Split("<main")[^1][..Math.Min(600, (await response.BodyAsync()).Split("<main")[^1].Length)]}");
        Assert.DoesNotContain("/account/", response.RedirectPath(), StringComparison.Ordinal);
    }
}
