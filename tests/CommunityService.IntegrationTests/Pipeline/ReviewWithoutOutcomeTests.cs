using System.Net;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pipeline;

/// <summary>
/// A manager's review that names no outcome (a hand-made post, a button's value lost on the way) is refused with the form back,
/// filled in: the first value of the outcome enum is "approve", and reading a missing choice as it would approve, and for a
/// final evaluation close the project.
/// </summary>
public class ReviewWithoutOutcomeTests(PortalFactory portal) : PortalTest(portal)
{
    private const int Lectures = 7;
    private const int Phones = 13;

    [Fact]
    public async Task An_evaluation_review_without_an_outcome_is_refused_and_neither_approves_nor_closes()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == Lectures && e.Timing == EvaluationTiming.Final).Select(e => e.Id).SingleAsync());

        var refused = await manager.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/review", new() { ["Comment"] = "看起来不错" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请选择批准或退回修改。", html, StringComparison.Ordinal);
        Assert.Contains("看起来不错", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/evaluations/{id}/review\"", html, StringComparison.Ordinal);
        var report = await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((ReportStatus.Submitted, null), (report.Status, report.ReviewedAt));
        Assert.Equal(ProjectStage.Evaluation, await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == Lectures).Select(p => p.Stage).SingleAsync()));
    }

    [Fact]
    public async Task A_plan_review_without_an_outcome_is_refused_with_the_comment_kept()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "独居老人关爱探访").Select(p => p.Id).SingleAsync());
        var before = await Portal.WithDbAsync(db => db.Plans.AsNoTracking().Where(p => p.ProjectId == id).OrderByDescending(p => p.VersionNumber).FirstAsync());
        Assert.Equal(PlanStatus.Submitted, before.Status);

        var refused = await manager.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/review", new() { ["Comment"] = "预算再核一下" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请选择批准或退回修改。", html, StringComparison.Ordinal);
        Assert.Contains("预算再核一下", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/projects/{id}/plan/review\"", html, StringComparison.Ordinal);
        var after = await Portal.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == before.Id));
        Assert.Equal((PlanStatus.Submitted, before.Version, null), (after.Status, after.Version, after.ReviewedAt));
    }

    [Fact]
    public async Task A_review_from_a_stale_tab_of_a_plan_already_decided_says_so_whatever_it_names()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "独居老人关爱探访").Select(p => p.Id).SingleAsync());
        var form = await manager.GetStringAsync($"/projects/{id}/plan");
        var approved = await manager.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/review", new() { ["Outcome"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // The same tab, its form still showing, posts again: with no outcome, and with one.
        foreach (var fields in new Dictionary<string, string>[] { new() { ["Comment"] = "再看看" }, new() { ["Outcome"] = "Return", ["Comment"] = "再看看" } })
        {
            var stale = await manager.PostFormAsync($"/projects/{id}/plan", $"/projects/{id}/plan/review", fields);

            Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
            Assert.Contains("只有已提交的计划书", await stale.BodyAsync(), StringComparison.Ordinal);
        }
        Assert.Contains("action=\"/projects/" + id + "/plan/review\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adjustment_review_without_an_outcome_is_refused_and_the_plan_in_force_stays()
    {
        var manager = await Portal.ClientForAsync("manager");
        var adjustment = await Portal.WithDbAsync(db => db.Adjustments.AsNoTracking().Where(a => a.Status == AdjustmentStatus.Submitted).OrderBy(a => a.Id).FirstAsync());

        var refused = await manager.SubmitFormAsync($"/adjustments/{adjustment.Id}", $"/adjustments/{adjustment.Id}/review", new() { ["Comment"] = "再说明一下招募情况" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请选择是否批准该调整。", html, StringComparison.Ordinal);
        Assert.Contains("再说明一下招募情况", html, StringComparison.Ordinal);
        var after = await Portal.WithDbAsync(db => db.Adjustments.AsNoTracking().SingleAsync(a => a.Id == adjustment.Id));
        Assert.Equal((AdjustmentStatus.Submitted, adjustment.Version), (after.Status, after.Version));
        Assert.Equal(PlanStatus.Submitted, await Portal.WithDbAsync(db => db.Plans.Where(p => p.Id == adjustment.ResultingPlanId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_decision_without_an_outcome_is_refused_and_the_project_waits()
    {
        var manager = await Portal.ClientForAsync("manager");

        var refused = await manager.PostFormAsync($"/projects/{Phones}/decision", $"/projects/{Phones}/decide",
            new() { ["Reason"] = "居民代表普遍支持。", ["FromProposal"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请选择同意立项、不予立项或退回修改。", html, StringComparison.Ordinal);
        Assert.Contains("居民代表普遍支持。", html, StringComparison.Ordinal);
        Assert.Equal(ProjectStage.Decision, await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == Phones).Select(p => p.Stage).SingleAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.Decisions.AnyAsync(d => d.ProjectId == Phones)));
    }
}
