using System.Net;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Evaluations;

/// <summary>
/// 评估和总结. 残疾人康复上门服务 (project 2, 和平社区) is in Execution under plan version 2: 服务人次 (from the records, target 360) and
/// 满意度 (ratings, 90%). 慢性病健康讲座 (project 7, 阳光社区) is in Evaluation with its final report submitted; 老年人助餐服务
/// (project 1) is closed with its final report approved.
/// </summary>
public class EvaluationTests(PortalFactory portal) : PortalTest(portal)
{
    private const int Rehab = 2;
    private const int Lectures = 7;

    private static readonly Dictionary<string, string> Filled = new()
    {
        ["Dimensions[0].Score"] = "4", ["Dimensions[0].Narrative"] = "上门康复内容切合需要",
        ["Dimensions[1].Score"] = "4", ["Dimensions[2].Score"] = "5", ["Dimensions[3].Score"] = "3",
        ["Dimensions[1].Narrative"] = "以上门为主", ["Dimensions[2].Narrative"] = "康复师认真负责", ["Dimensions[3].Narrative"] = "时间可约",
        ["Objectives[0].Comment"] = "人次稳步增长", ["Summary"] = "过程评估：进展顺利", ["Improvements"] = "增加康复师",
    };

    private Task<int> ReportOfAsync(int projectId, EvaluationTiming timing) =>
        Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == projectId && e.Timing == timing).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

    private Task<EvaluationReport> LoadAsync(int id) => Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().AsSplitQuery()
        .Include(e => e.Objectives).Include(e => e.SectionComments).Include(e => e.Dimensions).Include(e => e.Participation).Include(e => e.BudgetLines)
        .SingleAsync(e => e.Id == id));

    private Task<int> RecordsOfAsync(int projectId) => Portal.WithDbAsync(db => db.ServiceRecords.CountAsync(r => r.ProjectId == projectId));

    private Task AddRecordsAsync(int projectId, int count) => Portal.WithDbAsync(async db =>
    {
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            db.ServiceRecords.Add(new ServiceRecord
            {
                ProjectId = projectId, RecipientName = $"新居民 {i}", DeliveredAt = DateTime.UtcNow, DurationMinutes = 30, Description = "上门康复", RecordedById = staff,
                CreatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    });

    /// <summary>A process evaluation of 残疾人康复上门服务, drafted and filled in through the pages.</summary>
    private async Task<int> DraftAsync(HttpClient staff)
    {
        var create = $"/projects/{Rehab}/evaluations/create";
        var created = await staff.PostFormAsync(create, create, new() { ["Timing"] = "During", ["ByInterview"] = "true", ["ByQuestionnaire"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == Rehab).Select(e => e.Id).SingleAsync());
        Assert.Equal($"/evaluations/{id}/edit", created.RedirectPath());
        var saved = await staff.SubmitFormAsync($"/evaluations/{id}/edit", $"/evaluations/{id}/edit", Filled);
        Assert.Equal($"/evaluations/{id}", saved.RedirectPath());
        return id;
    }

    [Fact]
    public async Task A_draft_shows_live_figures_and_submitting_freezes_them()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await DraftAsync(staff);
        var records = await RecordsOfAsync(Rehab);

        var draft = await staff.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("实时预览", draft, StringComparison.Ordinal);
        var submitted = await staff.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/submit", []);

        Assert.Equal($"/evaluations/{id}", submitted.RedirectPath());
        var report = await LoadAsync(id);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        var services = report.Objectives.OrderBy(o => o.Order).First();
        Assert.Equal((360m, (decimal)records, records >= 360), (services.Target, services.Actual!.Value, services.Achieved!.Value));
        Assert.Equal("人次稳步增长", services.Comment);
        Assert.Equal([4, 4, 5, 3], report.Dimensions.OrderBy(d => d.Dimension).Select(d => d.Score!.Value));
        Assert.NotEmpty(report.BudgetLines);
        Assert.Equal(Data.Catalog.TargetGroup.Disabled, TargetGroup(report));
    }

    [Fact]
    public async Task A_process_evaluation_left_in_draft_when_the_project_was_cancelled_cannot_be_submitted()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await DraftAsync(staff);
        await Portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == Rehab);
            Assert.True(project.Cancel("经费停拨", "staff", DateTime.UtcNow).IsPassed);
            await db.SaveChangesAsync();
        });

        var refused = await staff.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/submit", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("跟踪评估", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, (await LoadAsync(id)).Status);
    }

    private static Data.Catalog.TargetGroup TargetGroup(EvaluationReport report) => Assert.Single(report.Participation).Group;

    [Fact]
    public async Task Records_added_after_submission_do_not_change_the_report()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await DraftAsync(staff);
        await staff.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/submit", []);
        var frozen = (await LoadAsync(id)).Objectives.OrderBy(o => o.Order).First().Actual;

        await AddRecordsAsync(Rehab, 25);

        var html = await staff.GetStringAsync($"/evaluations/{id}");
        Assert.Equal(frozen, (await LoadAsync(id)).Objectives.OrderBy(o => o.Order).First().Actual);
        Assert.Contains("数据为报告提交时", html, StringComparison.Ordinal);
        Assert.Contains($"{frozen:0.##} 人次", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{frozen + 25:0.##} 人次", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_report_shows_the_managers_comments_beside_the_sections_and_goes_back_when_resubmitted()
    {
        var manager = await Portal.ClientForAsync("manager");
        var staff = await Portal.ClientForAsync("staff");
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        var returned = await manager.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/review", new()
        {
            ["Outcome"] = "Return", ["Sections[Objectives]"] = "满意度没有数据，请补充问卷结果", ["Sections[Staff]"] = "请写明志愿者人数", ["Comment"] = "请补充后再提交",
        });

        Assert.Equal($"/evaluations/{id}", returned.RedirectPath());
        var report = await LoadAsync(id);
        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal([EvaluationSection.Staff, EvaluationSection.Objectives], report.SectionComments.Select(c => c.Section).Order().ToList());
        var page = await staff.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("满意度没有数据，请补充问卷结果", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("请写明志愿者人数", StringComparison.Ordinal) > page.IndexOf("id=\"section-Staff\"", StringComparison.Ordinal));
        Assert.Contains("请写明志愿者人数", await staff.GetStringAsync($"/evaluations/{id}/edit"), StringComparison.Ordinal);

        var resubmitted = await staff.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/submit", []);

        Assert.Equal($"/evaluations/{id}", resubmitted.RedirectPath());
        Assert.Equal(ReportStatus.Submitted, (await LoadAsync(id)).Status);
        Assert.DoesNotContain("满意度没有数据，请补充问卷结果", await staff.GetStringAsync($"/evaluations/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_edit_page_each_comment_names_its_section_and_sits_in_it()
    {
        var manager = await Portal.ClientForAsync("manager");
        var staff = await Portal.ClientForAsync("staff");
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);
        await manager.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/review", new()
        {
            ["Outcome"] = "Return", ["Sections[Budget]"] = "宣传费超支，请说明", ["Sections[Satisfaction]"] = "请补充问卷回收情况", ["Sections[Summary]"] = "总结太简略",
        });

        var edit = await staff.GetStringAsync($"/evaluations/{id}/edit");

        int At(string text) => edit.IndexOf(text, StringComparison.Ordinal);
        Assert.Contains("领导对“预算执行”的意见:</strong> <span class=\"text\">宣传费超支，请说明", edit, StringComparison.Ordinal);
        Assert.Contains("领导对“满意度调查”的意见:</strong> <span class=\"text\">请补充问卷回收情况", edit, StringComparison.Ordinal);
        Assert.Contains("领导对“总结和改进措施”的意见:</strong> <span class=\"text\">总结太简略", edit, StringComparison.Ordinal);
        Assert.InRange(At("宣传费超支，请说明"), At("id=\"section-Budget\""), At("id=\"section-Participation\""));
        Assert.InRange(At("请补充问卷回收情况"), At("id=\"section-Satisfaction\""), At("id=\"section-Summary\""));
        Assert.True(At("id=\"section-Objectives\"") < At("id=\"section-Budget\""));
        var page = await staff.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("领导对“预算执行”的意见", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_without_a_comment_on_any_section_is_refused_and_keeps_the_input()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        var refused = await manager.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/review", new() { ["Outcome"] = "Return", ["Comment"] = "整体需要再看看" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请至少对一个部分提出修改意见", html, StringComparison.Ordinal);
        Assert.Contains("整体需要再看看", html, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Approving_the_final_report_closes_the_project()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        var approved = await manager.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/review", new() { ["Outcome"] = "Approve", ["Comment"] = "同意结项" });

        Assert.Equal($"/evaluations/{id}", approved.RedirectPath());
        Assert.Equal(ReportStatus.Approved, (await LoadAsync(id)).Status);
        Assert.Equal(ProjectStage.Closed, await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == Lectures).Select(p => p.Stage).SingleAsync()));
        Assert.Contains("评估已通过，项目已结项。", await manager.GetStringAsync($"/evaluations/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_manager_reviews()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        var denied = await staff.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/review", new() { ["Outcome"] = "Approve" });

        Assert.StartsWith("/account/access-denied", denied.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, (await LoadAsync(id)).Status);
        Assert.DoesNotContain("/review\"", await staff.GetStringAsync($"/evaluations/{id}"), StringComparison.Ordinal);
        Assert.Contains($"/evaluations/{id}/review\"", await (await Portal.ClientForAsync("manager")).GetStringAsync($"/evaluations/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_report_cannot_change_and_a_correction_refers_to_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var approved = await ReportOfAsync(1, EvaluationTiming.Final);
        var before = await LoadAsync(approved);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/evaluations/{approved}/edit")).StatusCode);
        var edit = await staff.PostFormAsync($"/evaluations/{approved}", $"/evaluations/{approved}/edit", new() { ["ByInterview"] = "true", ["Summary"] = "改写" });
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostFormAsync($"/evaluations/{approved}", $"/evaluations/{approved}/submit", [])).StatusCode);

        var corrected = await staff.PostFormAsync($"/evaluations/{approved}", $"/evaluations/{approved}/correct", []);

        var correction = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.CorrectsReportId == approved).Select(e => e.Id).SingleAsync());
        Assert.Equal($"/evaluations/{correction}/edit", corrected.RedirectPath());
        var draft = await LoadAsync(correction);
        Assert.Equal((ReportStatus.Draft, EvaluationTiming.Final, before.Summary), (draft.Status, draft.Timing, draft.Summary));
        var after = await LoadAsync(approved);
        Assert.Equal((ReportStatus.Approved, before.Summary, before.Version), (after.Status, after.Summary, after.Version));
        Assert.Contains($"/evaluations/{correction}\"", await staff.GetStringAsync($"/evaluations/{approved}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostFormAsync($"/evaluations/{approved}", $"/evaluations/{approved}/correct", [])).StatusCode);
    }

    [Fact]
    public async Task Staff_of_another_community_are_forbidden()
    {
        var heping = await Portal.NewUserClientAsync("heping-social-worker", 2, Roles.Staff);
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        foreach (var url in new[] { $"/projects/{Lectures}/evaluations", $"/evaluations/{id}", $"/evaluations/{id}/print", $"/evaluations/{id}/export" })
        {
            Assert.StartsWith("/account/access-denied", (await heping.GetAsync(url)).RedirectPath() ?? url, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await heping.GetAsync($"/projects/{Rehab}/evaluations")).StatusCode);
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("volunteer")]
    public async Task Residents_and_volunteers_see_none_of_it(string user)
    {
        var client = await Portal.ClientForAsync(user);
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        foreach (var url in new[] { $"/projects/{Lectures}/evaluations", $"/evaluations/{id}", $"/evaluations/{id}/print", $"/evaluations/{id}/export" })
        {
            Assert.StartsWith("/account/access-denied", (await client.GetAsync(url)).RedirectPath() ?? url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_score_is_refused_and_the_input_is_kept()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await DraftAsync(staff);

        var refused = await staff.SubmitFormAsync($"/evaluations/{id}/edit", $"/evaluations/{id}/edit",
            new() { ["Dimensions[1].Score"] = "9", ["Summary"] = "这段总结要留下" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请为四个评估维度各打 1–5 分。", html, StringComparison.Ordinal);
        Assert.Contains("这段总结要留下", html, StringComparison.Ordinal);
        Assert.Contains("人次稳步增长", html, StringComparison.Ordinal);
        Assert.Equal("过程评估：进展顺利", (await LoadAsync(id)).Summary);
    }

    [Fact]
    public async Task Submitting_an_incomplete_report_says_what_is_missing()
    {
        var staff = await Portal.ClientForAsync("staff");
        var create = $"/projects/{Rehab}/evaluations/create";
        await staff.PostFormAsync(create, create, new() { ["Timing"] = "During", ["ByInterview"] = "true" });
        var id = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == Rehab).Select(e => e.Id).SingleAsync());

        var refused = await staff.PostFormAsync($"/evaluations/{id}", $"/evaluations/{id}/submit", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.BodyAsync();
        Assert.Contains("请为四个评估维度各打 1–5 分。", html, StringComparison.Ordinal);
        Assert.Contains("请填写“服务内容”评分的依据。", html, StringComparison.Ordinal);
        Assert.Contains("请填写“时间地点”评分的依据。", html, StringComparison.Ordinal);
        Assert.Contains("评估报告需要写总结。", html, StringComparison.Ordinal);
        Assert.Contains("评估报告需要写改进措施。", html, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_stale_edit_gets_a_conflict_with_the_input_kept()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await DraftAsync(staff);
        var stale = (await LoadAsync(id)).Version - 1;

        var clash = await staff.SubmitFormAsync($"/evaluations/{id}/edit", $"/evaluations/{id}/edit",
            new() { ["Version"] = stale.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Summary"] = "我的版本" });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("我的版本", await clash.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("过程评估：进展顺利", (await LoadAsync(id)).Summary);
    }

    [Fact]
    public async Task A_final_report_waits_for_the_evaluation_stage_and_a_follow_up_for_closing()
    {
        var staff = await Portal.ClientForAsync("staff");
        var create = $"/projects/{Rehab}/evaluations/create";

        var final = await staff.PostFormAsync(create, create, new() { ["Timing"] = "Final", ["ByInterview"] = "true" });
        var followUp = await staff.PostFormAsync(create, create, new() { ["Timing"] = "FollowUp", ["ByInterview"] = "true" });
        var secondFinal = await staff.PostFormAsync($"/projects/{Lectures}/evaluations/create", $"/projects/{Lectures}/evaluations/create",
            new() { ["Timing"] = "Final", ["ByInterview"] = "true" });
        var closedFollowUp = await staff.PostFormAsync("/projects/1/evaluations/create", "/projects/1/evaluations/create",
            new() { ["Timing"] = "FollowUp", ["ByOtherMeans"] = "true", ["OtherMeans"] = "电话回访" });

        Assert.Equal(HttpStatusCode.BadRequest, final.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, followUp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, secondFinal.StatusCode);
        Assert.Contains("该项目已有一份结项评估正在进行中", await secondFinal.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closedFollowUp.StatusCode);
    }

    [Fact]
    public async Task The_list_shows_a_projects_reports_and_the_report_prints_and_exports()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await ReportOfAsync(1, EvaluationTiming.Final);

        var list = await staff.GetStringAsync("/projects/1/evaluations");
        var print = await staff.GetStringAsync($"/evaluations/{id}/print");
        var export = await staff.GetAsync($"/evaluations/{id}/export");

        Assert.Contains($"href=\"/evaluations/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("结项评估", list, StringComparison.Ordinal);
        Assert.Contains("评估报告", print, StringComparison.Ordinal);
        Assert.Contains("老年人助餐服务", print, StringComparison.Ordinal);
        Assert.Contains("审批记录", print, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", print, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K');
    }

    [Fact]
    public async Task The_export_starts_with_the_reports_header_and_totals_the_budget_and_the_print_names_the_other_means()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await ReportOfAsync(1, EvaluationTiming.Final);
        var report = await LoadAsync(id);
        var followUp = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.Timing == EvaluationTiming.FollowUp && e.OtherMeans == "学员作品展").Select(e => e.Id).SingleAsync());

        using var file = new MemoryStream(await staff.GetByteArrayAsync($"/evaluations/{id}/export"));

        Assert.Equal("报告", MiniExcelLibs.MiniExcel.GetSheetNames(file)[0]);
        file.Position = 0;
        var header = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: "报告").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["栏目"], r => r["内容"]);
        Assert.Equal("老年人助餐服务", header["项目"]);
        Assert.Equal(("结项评估", "已批准", "访谈、问卷"), ((string)header["评估时间"], (string)header["状态"], (string)header["评估方式"]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)header["提交日期"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)header["批准日期"]);
        Assert.Equal(report.PeopleServed, Convert.ToInt32(header["服务人数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.FeeIncome ?? 0m, Convert.ToDecimal(header["服务收费收入"], System.Globalization.CultureInfo.InvariantCulture));
        file.Position = 0;
        var budget = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: "预算科目").Cast<IDictionary<string, object>>().ToList();
        var total = budget[^1];
        Assert.Equal("合计", total["预算项目"]);
        Assert.Equal(report.BudgetLines.Where(b => b.InPlan).Sum(b => b.Planned), Convert.ToDecimal(total["预算"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.BudgetLines.Sum(b => b.Spent), Convert.ToDecimal(total["已支出"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("其他方式：学员作品展", await staff.GetStringAsync($"/evaluations/{followUp}/print"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_queue_opens_the_report()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await ReportOfAsync(Lectures, EvaluationTiming.Final);

        Assert.Contains($"href=\"/evaluations/{id}\"", await manager.GetStringAsync("/reviews"), StringComparison.Ordinal);
    }
}
