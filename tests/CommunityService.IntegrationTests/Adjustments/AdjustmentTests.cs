using System.Net;
using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Adjustments;

/// <summary>
/// 调整 of 残疾人康复上门服务 (和平社区, in execution under the approved plan version 2, whose first budget line is
/// 物资与耗材 ¥6000): changes within the plan are recorded, changes of objectives or budget go through a new version.
/// </summary>
public class AdjustmentTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Page = "/projects/2/adjustments";

    private static Dictionary<string, string> Schedule() => new()
    {
        ["ChangesSchedule"] = "true", ["WhatChanged"] = "上门时间改为每周二、四下午", ["Why"] = "康复师上午要在社区康复室值班",
    };

    private static Dictionary<string, string> Budget() => new()
    {
        ["ChangesBudget"] = "true", ["WhatChanged"] = "物资与耗材增加到 7500 元", ["Why"] = "服务人次增加，耗材用得更快",
    };

    [Fact]
    public async Task A_change_of_schedule_is_recorded_at_once_and_waits_for_no_one()
    {
        var staff = await Portal.ClientForAsync("staff");

        var saved = await staff.PostFormAsync(Page, Page, Schedule());

        Assert.Equal(Page, saved.RedirectPath());
        var adjustment = await Portal.WithDbAsync(db => db.Adjustments.AsNoTracking().SingleAsync(a => a.ProjectId == 2));
        Assert.Equal((AdjustmentStatus.Recorded, null), (adjustment.Status, adjustment.ResultingPlanId));
        Assert.Equal(2, await PlanCountAsync());
        var html = await staff.GetStringAsync(Page);
        Assert.Contains("上门时间改为每周二、四下午", html, StringComparison.Ordinal);
        Assert.Contains("已记录", html, StringComparison.Ordinal);
        Assert.Contains("时间安排", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/adjustments/{adjustment.Id}\"", await (await Portal.ClientForAsync("manager")).GetStringAsync("/reviews"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_adjustment_becomes_the_plan_in_force_once_a_manager_approves_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");

        var id = await StartBudgetChangeAsync(staff);
        var draft = await Portal.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.ProjectId == 2 && p.VersionNumber == 3));
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.Equal(draft.Id, await Portal.WithDbAsync(db => db.Adjustments.Where(a => a.Id == id).Select(a => a.ResultingPlanId).SingleAsync()));

        await EditBudgetAsync(staff, "7500");
        var page = await staff.GetStringAsync($"/adjustments/{id}");
        Assert.Contains("物资与耗材: ¥6000.00", page, StringComparison.Ordinal);
        Assert.Contains("物资与耗材: ¥7500.00", page, StringComparison.Ordinal);

        Assert.Equal($"/adjustments/{id}", (await staff.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/submit")).RedirectPath());
        var queue = await manager.GetStringAsync("/reviews");
        Assert.Contains($"href=\"/adjustments/{id}\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/projects/2/plan\"", queue, StringComparison.Ordinal);
        Assert.Contains("计划调整", queue, StringComparison.Ordinal);

        var approved = await manager.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/review", new() { ["Outcome"] = "Approve", ["Comment"] = "同意" });

        Assert.Equal($"/adjustments/{id}", approved.RedirectPath());
        var project = await Portal.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Plans).ThenInclude(p => p.BudgetLines).SingleAsync(p => p.Id == 2));
        Assert.Equal(3, project.ApprovedPlan!.VersionNumber);
        Assert.Equal(7500m, project.ApprovedPlan.BudgetLines.Single(b => b.Item == "物资与耗材").Amount);
        Assert.Equal(AdjustmentStatus.Approved, await StatusAsync(id));
        Assert.DoesNotContain($"/adjustments/{id}\"", await manager.GetStringAsync("/reviews"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_adjustment_leaves_the_approved_plan_in_force_and_the_next_change_can_start()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var id = await StartBudgetChangeAsync(staff);
        await EditBudgetAsync(staff, "9000");
        await staff.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/submit");

        var withoutReason = await manager.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/review", new() { ["Outcome"] = "Reject", ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("请说明不批准调整的原因。", await withoutReason.BodyAsync(), StringComparison.Ordinal);

        var rejected = await manager.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/review", new() { ["Outcome"] = "Reject", ["Comment"] = "今年经费已用完" });

        Assert.Equal($"/adjustments/{id}", rejected.RedirectPath());
        var project = await Portal.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Plans).SingleAsync(p => p.Id == 2));
        Assert.Equal((2, 2), (project.ApprovedPlan!.VersionNumber, project.CurrentPlan!.VersionNumber));
        Assert.Equal(AdjustmentStatus.Rejected, await StatusAsync(id));
        var list = await staff.GetStringAsync(Page);
        Assert.Contains("今年经费已用完", list, StringComparison.Ordinal);
        Assert.Contains("未批准", list, StringComparison.Ordinal);
        Assert.Equal("/projects/2/plan/edit", (await staff.PostFormAsync(Page, Page, Budget())).RedirectPath());
    }

    [Fact]
    public async Task A_new_version_that_changes_neither_objectives_nor_budget_is_not_submitted()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartBudgetChangeAsync(staff);
        await staff.SubmitFormAsync("/projects/2/plan/edit", "/projects/2/plan/edit", new() { ["Place"] = "和平社区康复室二楼" });

        var refused = await staff.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/submit");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("新计划书版本没有改变目标或经费。", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(AdjustmentStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Submitting_the_new_version_from_the_plan_page_submits_the_adjustment_and_the_plan_page_sends_managers_to_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var id = await StartBudgetChangeAsync(staff);
        await EditBudgetAsync(staff, "6500");

        var submitted = await staff.PostFormAsync("/projects/2/plan", "/projects/2/plan/submit", []);

        Assert.Equal($"/adjustments/{id}", submitted.RedirectPath());
        Assert.Equal(AdjustmentStatus.Submitted, await StatusAsync(id));
        var plan = await manager.GetStringAsync("/projects/2/plan");
        Assert.Contains($"href=\"/adjustments/{id}\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/projects/2/plan/review\"", plan, StringComparison.Ordinal);
        var review = await manager.PostFormAsync("/projects/2/plan", "/projects/2/plan/review", new() { ["Outcome"] = "Approve" });
        Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode);
        Assert.Equal((AdjustmentStatus.Submitted, PlanStatus.Submitted), (await StatusAsync(id), await PlanStatusAsync(3)));
    }

    [Fact]
    public async Task Withdrawing_an_unfinished_change_removes_its_plan_version()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartBudgetChangeAsync(staff);

        var withdrawn = await staff.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/withdraw");

        Assert.Equal($"/adjustments/{id}", withdrawn.RedirectPath());
        Assert.Equal(AdjustmentStatus.Withdrawn, await StatusAsync(id));
        Assert.Equal(2, await PlanCountAsync());
    }

    [Fact]
    public async Task Only_one_change_of_the_plan_is_open_at_a_time()
    {
        var staff = await Portal.ClientForAsync("staff");
        // 青少年暑期托管 (publicity) has a draft version 2 in progress.
        const string youth = "/projects/3/adjustments";

        var refused = await staff.PostFormAsync(youth, youth, Budget());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("计划书已有一个新版本正在编写或等待审批", html, StringComparison.Ordinal);
        Assert.Contains("物资与耗材增加到 7500 元", html, StringComparison.Ordinal);
        Assert.Equal(youth, (await staff.PostFormAsync(youth, youth, Schedule())).RedirectPath());
    }

    [Fact]
    public async Task A_project_that_is_not_running_refuses_adjustments()
    {
        var staff = await Portal.ClientForAsync("staff");
        // 老年人助餐服务 is closed.
        var id = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "老年人助餐服务").Select(p => p.Id).SingleAsync());

        var page = await staff.GetStringAsync($"/projects/{id}/adjustments");
        var refused = await staff.PostFormAsync($"/projects/{id}/adjustments", $"/projects/{id}/adjustments", Schedule());

        Assert.DoesNotContain($"action=\"/projects/{id}/adjustments\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只有处于宣传或实施阶段、且计划书已批准的项目才能调整。", await refused.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_comes_back_with_messages_and_what_was_typed()
    {
        var staff = await Portal.ClientForAsync("staff");

        var none = await staff.PostFormAsync(Page, Page, new() { ["WhatChanged"] = "改在康复室集中服务", ["Why"] = "" });
        var html = await none.BodyAsync();

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请至少勾选一项调整内容。", html, StringComparison.Ordinal);
        Assert.Contains("改在康复室集中服务</textarea>", html, StringComparison.Ordinal);
        var ticked = await (await staff.PostFormAsync(Page, Page, new() { ["ChangesMethod"] = "true", ["WhatChanged"] = "改在康复室集中服务" })).BodyAsync();
        Assert.Contains("id=\"ChangesMethod\" name=\"ChangesMethod\" value=\"true\" checked=\"checked\"", ticked, StringComparison.Ordinal);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Adjustments.CountAsync(a => a.ProjectId == 2)));
    }

    [Fact]
    public async Task Acting_on_an_adjustment_someone_changed_meanwhile_is_a_conflict_that_keeps_the_comment()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var id = await StartBudgetChangeAsync(staff);
        var (version, planVersion) = await Portal.WithDbAsync(db => db.Adjustments.Where(a => a.Id == id).Select(a => new ValueTuple<int, int>(a.Version, a.ResultingPlan!.Version)).SingleAsync());
        await EditBudgetAsync(staff, "7000");

        var stale = await staff.PostFormAsync($"/adjustments/{id}", $"/adjustments/{id}/submit", new() { ["Version"] = $"{version}", ["PlanVersion"] = $"{planVersion}" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(AdjustmentStatus.Draft, await StatusAsync(id));
        await staff.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/submit");
        var current = await Portal.WithDbAsync(db => db.Adjustments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var review = await manager.PostFormAsync($"/adjustments/{id}", $"/adjustments/{id}/review",
            new() { ["Outcome"] = "Reject", ["Comment"] = "请说明器材来源", ["Version"] = $"{current - 1}" });

        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        var html = await review.BodyAsync();
        Assert.Contains("请说明器材来源</textarea>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Version\" value=\"{current}\"", html, StringComparison.Ordinal);
        Assert.Equal(AdjustmentStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Staff_cannot_review_an_adjustment()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartBudgetChangeAsync(staff);
        await EditBudgetAsync(staff, "7000");
        await staff.SubmitFormAsync($"/adjustments/{id}", $"/adjustments/{id}/submit");

        var html = await staff.GetStringAsync($"/adjustments/{id}");
        var review = await staff.PostFormAsync($"/adjustments/{id}", $"/adjustments/{id}/review", new() { ["Outcome"] = "Approve" });

        Assert.DoesNotContain($"action=\"/adjustments/{id}/review\"", html, StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", review.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(AdjustmentStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Staff_of_another_community_may_not_see_or_change_the_adjustments()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartBudgetChangeAsync(staff);
        var yangguang = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == "阳光社区").Select(c => c.Id).SingleAsync());
        var other = await Portal.NewUserClientAsync("yangguang.adjuster", yangguang, "Staff");
        var token = await HttpForms.TokenFromAsync(other, "/projects");

        Assert.StartsWith("/account/access-denied", (await other.GetAsync(Page)).RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", (await other.GetAsync($"/adjustments/{id}")).RedirectPath(), StringComparison.Ordinal);
        var posted = await other.PostAsync(Page, new FormUrlEncodedContent(Schedule().Append(new("__RequestVerificationToken", token))));
        var withdrawn = await other.PostAsync($"/adjustments/{id}/withdraw", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.StartsWith("/account/access-denied", posted.RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", withdrawn.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Adjustments.CountAsync(a => a.ProjectId == 2)));
        Assert.Equal(AdjustmentStatus.Draft, await StatusAsync(id));
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("volunteer")]
    public async Task Residents_and_volunteers_do_not_see_adjustments(string user)
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartBudgetChangeAsync(staff);
        var client = await Portal.ClientForAsync(user);

        Assert.StartsWith("/account/access-denied", (await client.GetAsync(Page)).RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/adjustments/{id}")).RedirectPath(), StringComparison.Ordinal);
    }

    private async Task<int> StartBudgetChangeAsync(HttpClient staff)
    {
        var started = await staff.PostFormAsync(Page, Page, Budget());
        Assert.Equal("/projects/2/plan/edit", started.RedirectPath());
        return await Portal.WithDbAsync(db => db.Adjustments.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
    }

    private static async Task EditBudgetAsync(HttpClient staff, string amount)
    {
        var saved = await staff.SubmitFormAsync("/projects/2/plan/edit", "/projects/2/plan/edit", new() { ["Budget[0].Amount"] = amount });
        Assert.Equal("/projects/2/plan", saved.RedirectPath());
    }

    private Task<AdjustmentStatus> StatusAsync(int id) =>
        Portal.WithDbAsync(db => db.Adjustments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private Task<PlanStatus> PlanStatusAsync(int version) =>
        Portal.WithDbAsync(db => db.Plans.Where(p => p.ProjectId == 2 && p.VersionNumber == version).Select(p => p.Status).SingleAsync());

    private Task<int> PlanCountAsync() => Portal.WithDbAsync(db => db.Plans.CountAsync(p => p.ProjectId == 2));
}
