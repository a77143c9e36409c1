using AngleSharp.Html.Parser;
using CommunityService.Data.Execution;
using CommunityService.Data.Surveys;
using CommunityService.Data.Volunteers;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Execution;

/// <summary>
/// The "on track?" panel of 长者日间照料 (demo: a morning session every weekday for four months). Its figures are checked
/// against the rows themselves, counted here in memory — a different path from the page's aggregate query.
/// </summary>
public class OnTrackTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<int> DayCareAsync() => Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "长者日间照料").Select(p => p.Id).SingleAsync());

    private async Task<Dictionary<string, string[]>> PanelAsync(HttpClient client, int project)
    {
        var html = await client.GetStringAsync($"/projects/{project}");
        var document = new HtmlParser().ParseDocument(html);
        // Per objective: target, actual, expected by now, gap, and the state.
        return document.QuerySelectorAll("#on-track-panel li.objective")
            .ToDictionary(
                item => item.QuerySelector(".objective-name")!.TextContent.Trim(),
                item => item.QuerySelectorAll("dd").Select(dd => dd.TextContent.Trim()).Append(item.QuerySelector(".badge")!.TextContent.Trim()).ToArray());
    }

    [Fact]
    public async Task Each_objective_shows_the_figure_the_records_give_with_target_gap_and_state()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await DayCareAsync();
        var records = await Portal.WithDbAsync(db => db.ServiceRecords.Where(r => r.ProjectId == project).ToListAsync());
        var feedback = await Portal.WithDbAsync(db => db.Feedback.Where(f => f.ProjectId == project).Select(f => f.Rating).ToListAsync());
        var volunteerMinutes = await Portal.WithDbAsync(db => db.Shifts
            .Where(s => s.Session!.ProjectId == project && s.IsVolunteer && s.Status == ShiftStatus.Confirmed).Select(s => s.ConfirmedMinutes ?? 0).ToListAsync());
        var sessionsHeld = await Portal.WithDbAsync(db => db.Sessions.CountAsync(s => s.ProjectId == project && !s.IsCancelled && s.StartsAt <= DateTime.UtcNow));

        var panel = await PanelAsync(staff, project);

        Assert.InRange(records.Count, 1800, 2300);
        Assert.Equal(records.Count.ToString(), panel["服务人次"][1]);
        Assert.Equal("40 人", panel["服务老年人"][0]);
        Assert.Equal(records.Select(r => r.ResidentId ?? r.RecipientName).Distinct().Count().ToString(), panel["服务老年人"][1]);
        Assert.Equal(sessionsHeld.ToString(), panel["开展日间照料活动"][1]);
        Assert.Equal((volunteerMinutes.Sum() / 60m).ToString("0.#"), panel["志愿服务时长"][1]);
        Assert.Equal("进度落后", panel["志愿服务时长"][4]);
        // Satisfaction is judged as the evaluation report judges it: by the open questionnaire's first (overall) rating question.
        var overall = await Portal.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.Where(s => s.ProjectId == project && s.Kind == SurveyKind.Satisfaction).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync();
            var question = await db.SurveyQuestions.Where(q => q.SurveyId == survey && q.Type == QuestionType.Rating).OrderBy(q => q.Order).Select(q => q.Id).FirstAsync();
            return await db.SurveyAnswers.Where(a => a.QuestionId == question).Select(a => a.Number!.Value).ToListAsync();
        });
        Assert.NotEmpty(overall);
        Assert.Equal(Math.Round(100m * overall.Count(r => r >= 4) / overall.Count, 1).ToString("0.#"), panel["参与老人满意率"][1]);
        Assert.NotEqual(Math.Round(100m * feedback.Count(r => r >= 4) / feedback.Count, 1).ToString("0.#"), panel["参与老人满意率"][1]);
        var gap = 3000 - records.Count;
        Assert.Equal(gap.ToString(), panel["服务人次"][3]);
    }

    [Fact]
    public async Task A_new_service_record_moves_the_figures_at_once()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await DayCareAsync();
        var before = await PanelAsync(staff, project);
        var staffId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync());
        await Portal.WithDbAsync(async db =>
        {
            db.ServiceRecords.Add(new ServiceRecord
            {
                ProjectId = project, RecipientName = "新来的钱奶奶", DeliveredAt = DateTime.UtcNow.AddHours(-1), DurationMinutes = 90,
                Description = "第一次来", RecordedById = staffId, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var after = await PanelAsync(staff, project);

        Assert.Equal(int.Parse(before["服务人次"][1]) + 1, int.Parse(after["服务人次"][1]));
        Assert.Equal(int.Parse(before["服务老年人"][1]) + 1, int.Parse(after["服务老年人"][1]));
    }

    [Fact]
    public async Task The_panel_shows_money_tasks_and_feedback_beside_the_objectives()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await DayCareAsync();
        var spent = await Portal.WithDbAsync(db => db.Expenses.Where(e => e.ProjectId == project).Select(e => e.Amount).ToListAsync());

        var html = await staff.GetStringAsync($"/projects/{project}");

        Assert.Contains($"已支出 ¥{spent.Sum():N2}，预算 ¥63,000.00", html, StringComparison.Ordinal);
        Assert.Contains("1 项已逾期", html, StringComparison.Ordinal);
        Assert.Contains("条评价，平均", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/projects/{project}/money\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_an_approved_plan_has_no_panel()
    {
        var staff = await Portal.ClientForAsync("staff");
        var survey = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "社区就业指导").Select(p => p.Id).SingleAsync());

        var html = await staff.GetStringAsync($"/projects/{survey}");

        Assert.DoesNotContain("on-track-panel", html, StringComparison.Ordinal);
    }
}
