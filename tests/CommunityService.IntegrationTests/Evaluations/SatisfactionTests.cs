using System.Globalization;
using System.Net;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Participation;
using CommunityService.Data.Surveys;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityService.IntegrationTests.Evaluations;

/// <summary>
/// 满意度调查. 残疾人康复上门服务 (project 2, 和平社区, Execution) has no questionnaire yet; 长者日间照料 (project 14, 青石社区) has an
/// open one that elder01–elder14 answered online and elder15–elder20 not yet; 老年人助餐服务 (project 1) has a closed one whose
/// figures its approved final report (evaluation 1) froze.
/// </summary>
public class SatisfactionTests(PortalFactory portal) : PortalTest(portal)
{
    private const int Meals = 1;
    private const int Rehab = 2;
    private const int DayCare = 14;
    private const string NotForYou = "这份问卷只请参加过本项目的居民填写。";

    /// <summary>What a report needs before it is submitted: four scores with what they rest on, a summary and the improvements.</summary>
    private static readonly Dictionary<string, string> Complete = new()
    {
        ["Dimensions[0].Score"] = "4", ["Dimensions[1].Score"] = "4", ["Dimensions[2].Score"] = "5", ["Dimensions[3].Score"] = "3",
        ["Dimensions[0].Narrative"] = "内容切合需要", ["Dimensions[1].Narrative"] = "上门为主", ["Dimensions[2].Narrative"] = "康复师认真",
        ["Dimensions[3].Narrative"] = "时间灵活", ["Summary"] = "过程评估", ["Improvements"] = "增加康复师",
    };

    private Task<int> QuestionnaireOfAsync(int projectId) =>
        Portal.WithDbAsync(db => db.Surveys.Where(s => s.ProjectId == projectId && s.Kind == SurveyKind.Satisfaction).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync());

    /// <summary>
    /// A full set of answers: every rating <paramref name="score"/>, the <paramref name="choice"/>-th option (from 0: "yes") to
    /// coming again, and <paramref name="suggestion"/>.
    /// </summary>
    private Task<Dictionary<string, string>> AnswersAsync(int surveyId, int score, int choice = 0, string suggestion = "希望多办几场") => Portal.WithDbAsync(async db =>
    {
        var questions = await db.SurveyQuestions.Include(q => q.Options).Where(q => q.SurveyId == surveyId).ToListAsync();
        var fields = new Dictionary<string, string>();
        foreach (var q in questions)
        {
            fields[$"q{q.Id}"] = q.Type switch
            {
                QuestionType.Rating => score.ToString(CultureInfo.InvariantCulture),
                QuestionType.SingleChoice => q.Options.OrderBy(o => o.Order).ElementAt(choice).Id.ToString(CultureInfo.InvariantCulture),
                _ => suggestion,
            };
        }
        return fields;
    });

    /// <summary>Staff start the rehab project's questionnaire from its evaluations page and open it.</summary>
    private async Task<int> StartAndOpenAsync(HttpClient staff)
    {
        var started = await staff.PostFormAsync($"/projects/{Rehab}/evaluations", $"/projects/{Rehab}/satisfaction", []);
        var id = await QuestionnaireOfAsync(Rehab);
        Assert.Equal($"/surveys/{id}", started.RedirectPath());
        Assert.Equal($"/surveys/{id}#questions", (await staff.PostFormAsync($"/surveys/{id}", $"/surveys/{id}/open", [])).RedirectPath());
        return id;
    }

    private async Task EnterOnPaperAsync(HttpClient staff, int surveyId, int score, int choice = 0, string suggestion = "希望多办几场")
    {
        var fields = await AnswersAsync(surveyId, score, choice, suggestion);
        fields["channel"] = "Paper";
        var entered = await staff.PostFormAsync($"/surveys/{surveyId}/entry", $"/surveys/{surveyId}/entry", fields);
        Assert.Equal($"/surveys/{surveyId}/entry", entered.RedirectPath());
    }

    [Fact]
    public async Task Staff_start_one_from_the_template_add_a_question_of_their_own_and_open_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        Assert.Contains($"action=\"/projects/{Rehab}/satisfaction\"", await staff.GetStringAsync($"/projects/{Rehab}/evaluations"), StringComparison.Ordinal);

        var started = await staff.PostFormAsync($"/projects/{Rehab}/evaluations", $"/projects/{Rehab}/satisfaction", []);

        var id = await QuestionnaireOfAsync(Rehab);
        Assert.Equal($"/surveys/{id}", started.RedirectPath());
        var added = await staff.PostFormAsync($"/surveys/{id}", $"/surveys/{id}/questions",
            new() { ["Type"] = "Rating", ["Text"] = "康复师是否准时上门？", ["Required"] = "true" });
        Assert.Equal($"/surveys/{id}#questions", added.RedirectPath());
        await staff.PostFormAsync($"/surveys/{id}", $"/surveys/{id}/open", []);
        var survey = await Portal.WithDbAsync(db => db.Surveys.AsNoTracking().Include(s => s.Questions).Include(s => s.Communities).SingleAsync(s => s.Id == id));
        Assert.Equal((SurveyKind.Satisfaction, Rehab, SurveyStatus.Open, false), (survey.Kind, survey.ProjectId!.Value, survey.Status, survey.AllowAnonymous));
        Assert.Equal(["和平社区"], survey.Communities.Select(c => c.Name));
        Assert.Equal(
            ["总体来说，您对这项服务满意吗？", "您对服务内容满意吗？", "您对服务方法（活动的组织方式）满意吗？", "您对服务人员（社工和志愿者）满意吗？",
                "您对服务的时间和地点满意吗？", "您还愿意再参加这项服务吗？", "您觉得我们还有哪些地方需要改进？", "康复师是否准时上门？"],
            survey.Ordered.Select(q => q.Text));
        Assert.Equal("满意度调查：残疾人康复上门服务", survey.Title);

        var again = await staff.PostFormAsync($"/projects/{Rehab}/evaluations", $"/projects/{Rehab}/satisfaction", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("请先结束它", await again.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Surveys.CountAsync(s => s.ProjectId == Rehab)));
    }

    [Fact]
    public async Task The_overall_question_keeps_its_place_and_type_but_its_wording_may_change()
    {
        var staff = await Portal.ClientForAsync("staff");
        await staff.PostFormAsync($"/projects/{Rehab}/evaluations", $"/projects/{Rehab}/satisfaction", []);
        var id = await QuestionnaireOfAsync(Rehab);
        var ordered = await Portal.WithDbAsync(db => db.SurveyQuestions.Where(q => q.SurveyId == id).OrderBy(q => q.Order).Select(q => q.Id).ToListAsync());
        var (overall, content) = (ordered[0], ordered[1]);
        const string Kept = "总体满意度题须保持在第一题且为评分题";

        var removed = await staff.PostFormAsync($"/surveys/{id}", $"/surveys/{id}/questions/{overall}/remove", []);
        var movedDown = await staff.PostFormAsync($"/surveys/{id}", $"/surveys/{id}/questions/{overall}/move", new() { ["offset"] = "1" });
        var movedAbove = await staff.PostFormAsync($"/surveys/{id}", $"/surveys/{id}/questions/{content}/move", new() { ["offset"] = "-1" });
        var edit = $"/surveys/{id}/questions/{overall}/edit";
        var retyped = await staff.SubmitFormAsync(edit, edit, new() { ["Type"] = "SingleChoice", ["Options"] = "满意\n不满意" });

        foreach (var refused in new[] { removed, movedDown, movedAbove, retyped })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(Kept, await refused.BodyAsync(), StringComparison.Ordinal);
        }
        var questions = await Portal.WithDbAsync(db => db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == id).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal(ordered, questions.Select(q => q.Id));
        Assert.Equal(QuestionType.Rating, questions[0].Type);

        var reworded = await staff.SubmitFormAsync(edit, edit, new() { ["Text"] = "总体来说，您对上门康复满意吗？" });

        Assert.Equal($"/surveys/{id}#questions", reworded.RedirectPath());
        var first = await Portal.WithDbAsync(db => db.SurveyQuestions.AsNoTracking().SingleAsync(q => q.Id == overall));
        Assert.Equal(("总体来说，您对上门康复满意吗？", QuestionType.Rating, 1), (first.Text, first.Type, first.Order));
        var page = await staff.GetStringAsync($"/surveys/{id}");
        Assert.DoesNotContain($"/questions/{overall}/remove\"", page, StringComparison.Ordinal);
        Assert.Contains($"/questions/{ordered[2]}/remove\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_still_in_publicity_cannot_start_one()
    {
        var staff = await Portal.ClientForAsync("staff");

        var refused = await staff.PostFormAsync("/projects/3/evaluations", "/projects/3/satisfaction", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("项目进入实施、评估或已结项后", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.False(await Portal.WithDbAsync(db => db.Surveys.AnyAsync(s => s.ProjectId == 3)));
    }

    [Fact]
    public async Task A_participant_sees_it_on_their_page_and_answers_once()
    {
        var elder = await Portal.ClientForAsync("elder20");
        var id = await QuestionnaireOfAsync(DayCare);
        var page = await elder.GetStringAsync("/me");
        Assert.Contains("请您填写的问卷", page, StringComparison.Ordinal);
        Assert.Contains($"/surveys/{id}/respond", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elder.GetAsync($"/surveys/{id}/respond")).StatusCode);

        var sent = await elder.PostFormAsync($"/surveys/{id}/respond", $"/surveys/{id}/respond", await AnswersAsync(id, 5));
        var resent = await elder.PostFormAsync($"/surveys/{id}/respond", $"/surveys/{id}/respond", await AnswersAsync(id, 4));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (sent.StatusCode, resent.StatusCode));
        var elderId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "elder20").Select(u => u.Id).SingleAsync());
        var mine = await Portal.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => r.SurveyId == id && r.RespondentId == elderId).ToListAsync());
        Assert.Equal(4m, Assert.Single(mine).Answers.First(a => a.Number is not null).Number);
        page = await elder.GetStringAsync("/me");
        Assert.DoesNotContain("请您填写的问卷", page, StringComparison.Ordinal);
        Assert.Contains("满意度调查：长者日间照料", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_resident_who_did_not_take_part_is_refused_and_nothing_is_kept()
    {
        var resident = await Portal.ClientForAsync("resident");
        var id = await QuestionnaireOfAsync(DayCare);
        var before = await Portal.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id));

        var page = await resident.GetAsync($"/surveys/{id}/respond");
        var posted = await resident.PostFormAsync("/me", $"/surveys/{id}/respond", await AnswersAsync(id, 1));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, posted.StatusCode));
        Assert.Contains(NotForYou, await page.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
        Assert.DoesNotContain($"/surveys/{id}/respond", await resident.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_up_is_not_taking_part_being_checked_in_is()
    {
        var newcomer = await Portal.NewUserClientAsync("qingshi-newcomer", 3, Roles.Resident);
        var id = await QuestionnaireOfAsync(DayCare);
        var signUp = await Portal.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.UserName == "qingshi-newcomer").Select(u => u.Id).SingleAsync();
            var session = await db.Sessions.Where(s => s.ProjectId == DayCare && s.StartsAt < DateTime.UtcNow).OrderByDescending(s => s.StartsAt).FirstAsync();
            var row = new SignUp { SessionId = session.Id, ProjectId = DayCare, ResidentId = user, Name = "新来的老人", Status = SignUpStatus.Registered, CreatedAt = DateTime.UtcNow };
            db.SignUps.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"/surveys/{id}/respond")).StatusCode);

        await Portal.WithDbAsync(async db =>
        {
            var row = await db.SignUps.SingleAsync(s => s.Id == signUp);
            Assert.True(row.ToggleCheckIn("staff", DateTime.UtcNow).IsPassed);
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"/surveys/{id}/respond")).StatusCode);
        Assert.Contains($"/surveys/{id}/respond", await newcomer.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_recorded_for_a_resident_makes_them_a_participant()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartAndOpenAsync(staff);
        var visited = await Portal.NewUserClientAsync("heping-visited", 2, Roles.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await visited.GetAsync($"/surveys/{id}/respond")).StatusCode);
        await Portal.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.UserName == "heping-visited").Select(u => u.Id).SingleAsync();
            db.ServiceRecords.Add(new ServiceRecord
            {
                ProjectId = Rehab, ResidentId = user, RecipientName = "刘大姐", DeliveredAt = DateTime.UtcNow, DurationMinutes = 60, Description = "上门康复",
                RecordedById = "staff", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var sent = await visited.PostFormAsync($"/surveys/{id}/respond", $"/surveys/{id}/respond", await AnswersAsync(id, 4));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id && r.Channel == ResponseChannel.Online)));
    }

    [Fact]
    public async Task Anyone_not_signed_in_is_sent_to_sign_in()
    {
        var anonymous = Portal.CreateAnonymousClient();
        var id = await QuestionnaireOfAsync(DayCare);

        var response = await anonymous.GetAsync($"/surveys/{id}/respond");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_appear_in_the_report_and_freeze_at_submission()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartAndOpenAsync(staff);
        await EnterOnPaperAsync(staff, id, 5);
        await EnterOnPaperAsync(staff, id, 3);
        var create = $"/projects/{Rehab}/evaluations/create";
        await staff.PostFormAsync(create, create, new() { ["Timing"] = "During", ["ByQuestionnaire"] = "true" });
        var report = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == Rehab).Select(e => e.Id).SingleAsync());
        await staff.SubmitFormAsync($"/evaluations/{report}/edit", $"/evaluations/{report}/edit", Complete);

        var draft = await staff.GetStringAsync($"/evaluations/{report}");
        Assert.Contains("回收问卷: <span class=\"num\">2</span>", draft, StringComparison.Ordinal);
        Assert.Contains($"/surveys/{id}/results", draft, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/projects/{Rehab}/satisfaction\"", draft, StringComparison.Ordinal);
        Assert.Equal($"/evaluations/{report}", (await staff.PostFormAsync($"/evaluations/{report}", $"/evaluations/{report}/submit", [])).RedirectPath());

        // Each rating question: one 5 and one 3, an average of 4.00 and half of them satisfied.
        var frozen = await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().Include(e => e.Satisfaction).SingleAsync(e => e.Id == report));
        Assert.Equal((id, 2), (frozen.SatisfactionSurveyId!.Value, frozen.SatisfactionResponses!.Value));
        Assert.Equal(5, frozen.Satisfaction.Count);
        Assert.All(frozen.Satisfaction, s => Assert.Equal((2, 4.00m, 50.0m), (s.Responses, s.Average!.Value, s.SatisfiedPercent!.Value)));

        await EnterOnPaperAsync(staff, id, 1);
        var submitted = await staff.GetStringAsync($"/evaluations/{report}");
        Assert.Contains("回收问卷: <span class=\"num\">2</span>", submitted, StringComparison.Ordinal);
        Assert.Contains("4.00", submitted, StringComparison.Ordinal);
        Assert.Equal(2, (await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == report))).SatisfactionResponses);

        var manager = await Portal.ClientForAsync("manager");
        var returned = await manager.PostFormAsync($"/evaluations/{report}", $"/evaluations/{report}/review",
            new() { ["Outcome"] = "Return", ["Sections[Satisfaction]"] = "请说明回收率" });
        Assert.Equal($"/evaluations/{report}", returned.RedirectPath());
        var live = await staff.GetStringAsync($"/evaluations/{report}");
        Assert.Contains("回收问卷: <span class=\"num\">3</span>", live, StringComparison.Ordinal);
        Assert.Contains("3.00", live, StringComparison.Ordinal);
        Assert.Contains("请说明回收率", live, StringComparison.Ordinal);
    }

    /// <summary>The cells of one row of the choice and text questions' table, whitespace between the tags squeezed.</summary>
    private static string ChoiceRow(string answer, int count, string share) =>
        $"<td>{answer}</td> <td class=\"num text-end\">{count}</td> <td class=\"num text-end\">{share}</td>";

    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "> <");

    [Fact]
    public async Task Choices_and_written_answers_are_counted_in_the_report_and_freeze_at_submission()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await StartAndOpenAsync(staff);
        // Coming again: yes, not sure, yes; suggestions: two written, one left empty.
        await EnterOnPaperAsync(staff, id, 5, choice: 0, suggestion: "希望多办几场");
        await EnterOnPaperAsync(staff, id, 3, choice: 2, suggestion: "");
        await EnterOnPaperAsync(staff, id, 4, choice: 0, suggestion: "时间再灵活些");
        var create = $"/projects/{Rehab}/evaluations/create";
        await staff.PostFormAsync(create, create, new() { ["Timing"] = "During", ["ByQuestionnaire"] = "true" });
        var report = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == Rehab).Select(e => e.Id).SingleAsync());
        await staff.SubmitFormAsync($"/evaluations/{report}/edit", $"/evaluations/{report}/edit", Complete);

        var draft = Squeezed(await staff.GetStringAsync($"/evaluations/{report}"));
        Assert.Contains("选择题与文字题", draft, StringComparison.Ordinal);
        Assert.Contains("您还愿意再参加这项服务吗？ <span class=\"small text-muted\">(3 人作答)</span>", draft, StringComparison.Ordinal);
        Assert.Contains(ChoiceRow("愿意", 2, "66.7"), draft, StringComparison.Ordinal);
        Assert.Contains(ChoiceRow("不愿意", 0, "0.0"), draft, StringComparison.Ordinal);
        Assert.Contains(ChoiceRow("还没想好", 1, "33.3"), draft, StringComparison.Ordinal);
        Assert.Contains("您觉得我们还有哪些地方需要改进？ <span class=\"small text-muted\">(2 人作答)</span>", draft, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/surveys/{id}/results\">查看回答</a>", draft, StringComparison.Ordinal);
        Assert.Equal($"/evaluations/{report}", (await staff.PostFormAsync($"/evaluations/{report}", $"/evaluations/{report}/submit", [])).RedirectPath());

        var frozen = await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().Include(e => e.SatisfactionTallies).SingleAsync(e => e.Id == report));
        Assert.Equal(
            [(1, "愿意", 2, 3), (1, "不愿意", 0, 3), (1, "还没想好", 1, 3), (2, "", 2, 2)],
            frozen.SatisfactionTallies.OrderBy(t => t.Order).ThenBy(t => t.OptionOrder).Select(t => (t.Order, t.Option, t.Count, t.Answered)));

        await EnterOnPaperAsync(staff, id, 2, choice: 1, suggestion: "路太远");
        var submitted = Squeezed(await staff.GetStringAsync($"/evaluations/{report}"));
        Assert.Contains(ChoiceRow("不愿意", 0, "0.0"), submitted, StringComparison.Ordinal);
        Assert.Contains(ChoiceRow("愿意", 2, "66.7"), submitted, StringComparison.Ordinal);
        var print = Squeezed(await staff.GetStringAsync($"/evaluations/{report}/print"));
        Assert.Contains(ChoiceRow("还没想好", 1, "33.3"), print, StringComparison.Ordinal);
        Assert.Contains("文字回答", print, StringComparison.Ordinal);
        Assert.DoesNotContain("/results", print, StringComparison.Ordinal);
        using (var file = new MemoryStream(await staff.GetByteArrayAsync($"/evaluations/{report}/export")))
        {
            var rows = file.Query(useHeaderRow: true, sheetName: "选择题与文字题").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(["愿意", "不愿意", "还没想好", "文字回答"], rows.Select(r => (string)r["答案"]));
            Assert.Equal([2, 0, 1, 2], rows.Select(r => Convert.ToInt32(r["人数"], CultureInfo.InvariantCulture)));
            Assert.Equal(66.7m, Convert.ToDecimal(rows[0]["占比（%）"], CultureInfo.InvariantCulture));
        }

        var manager = await Portal.ClientForAsync("manager");
        await manager.PostFormAsync($"/evaluations/{report}", $"/evaluations/{report}/review", new() { ["Outcome"] = "Return", ["Sections[Satisfaction]"] = "请分析不愿意再来的原因" });
        var live = Squeezed(await staff.GetStringAsync($"/evaluations/{report}"));
        Assert.Contains(ChoiceRow("不愿意", 1, "25.0"), live, StringComparison.Ordinal);
        Assert.Contains(ChoiceRow("愿意", 2, "50.0"), live, StringComparison.Ordinal);
        Assert.Contains("您觉得我们还有哪些地方需要改进？ <span class=\"small text-muted\">(3 人作答)</span>", live, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_approved_demo_report_holds_the_figures_its_questionnaire_had_and_prints_and_exports_them()
    {
        var staff = await Portal.ClientForAsync("staff");
        var live = (await Portal.WithDbAsync(db => db.SatisfactionAsync(Meals, default)))!;
        var report = await Portal.WithDbAsync(db => db.Evaluations.AsNoTracking().Include(e => e.Satisfaction).SingleAsync(e => e.Id == 1));

        Assert.Equal((ReportStatus.Approved, Meals, SurveyStatus.Closed), (report.Status, report.ProjectId, live.Status));
        Assert.Equal((live.SurveyId, 48), (report.SatisfactionSurveyId!.Value, report.SatisfactionResponses!.Value));
        Assert.Equal(
            live.Ratings.Select(r => (r.Text, r.Responses, r.Average, r.SatisfiedPercent)),
            report.Satisfaction.OrderBy(s => s.Order).Select(s => (s.Text, s.Responses, s.Average, s.SatisfiedPercent)));
        Assert.Equal(6, report.Satisfaction.Count);

        var print = await staff.GetStringAsync("/evaluations/1/print");
        Assert.Contains("您对饭菜的口味和分量满意吗？", print, StringComparison.Ordinal);
        Assert.DoesNotContain("/results", print, StringComparison.Ordinal);
        using var file = new MemoryStream(await staff.GetByteArrayAsync("/evaluations/1/export"));
        var rows = file.Query(useHeaderRow: true, sheetName: "满意度").Cast<IDictionary<string, object>>().ToList();
        var overall = Assert.Single(rows, r => (string)r["题目"] == "总体来说，您对这项服务满意吗？");
        Assert.Equal(report.Satisfaction.OrderBy(s => s.Order).First().Average, Convert.ToDecimal(overall["平均分（1–5）"], CultureInfo.InvariantCulture));
        Assert.Equal(48, Convert.ToInt32(Assert.Single(rows, r => (string)r["题目"] == "回收问卷")["回答人数"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_new_round_without_answers_leaves_the_report_on_the_last_answered_questionnaire()
    {
        var staff = await Portal.ClientForAsync("staff");
        var answered = await QuestionnaireOfAsync(DayCare);
        var report = await Portal.WithDbAsync(db => db.Evaluations.Where(e => e.ProjectId == DayCare && e.Status == ReportStatus.Draft).Select(e => e.Id).SingleAsync());
        Assert.Equal($"/surveys/{answered}#questions", (await staff.PostFormAsync($"/surveys/{answered}", $"/surveys/{answered}/close", [])).RedirectPath());

        await staff.PostFormAsync($"/projects/{DayCare}/evaluations", $"/projects/{DayCare}/satisfaction", []);

        var next = await QuestionnaireOfAsync(DayCare);
        Assert.NotEqual(answered, next);
        var live = (await Portal.WithDbAsync(db => db.SatisfactionAsync(DayCare, default)))!;
        Assert.Equal((answered, 24, true), (live.SurveyId, live.Responses, live.RoundInProgress));
        var page = await staff.GetStringAsync($"/evaluations/{report}");
        Assert.Contains("回收问卷: <span class=\"num\">24</span>", page, StringComparison.Ordinal);
        Assert.Contains($"/surveys/{answered}/results", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/projects/{DayCare}/satisfaction\"", page, StringComparison.Ordinal);

        // Once the new round has an answer, it is the one the report is judged by.
        await staff.PostFormAsync($"/surveys/{next}", $"/surveys/{next}/open", []);
        await EnterOnPaperAsync(staff, next, 4);
        live = (await Portal.WithDbAsync(db => db.SatisfactionAsync(DayCare, default)))!;
        Assert.Equal((next, 1), (live.SurveyId, live.Responses));
        Assert.Contains("回收问卷: <span class=\"num\">1</span>", await staff.GetStringAsync($"/evaluations/{report}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_community_are_refused()
    {
        var yangguang = await Portal.NewUserClientAsync("yangguang-social-worker", 1, Roles.Staff);
        var id = await QuestionnaireOfAsync(DayCare);

        foreach (var url in new[] { $"/surveys/{id}", $"/surveys/{id}/results", $"/surveys/{id}/entry", $"/surveys/{id}/results/export.xlsx" })
        {
            Assert.StartsWith("/account/access-denied", (await yangguang.GetAsync(url)).RedirectPath() ?? url, StringComparison.Ordinal);
        }
        var start = await yangguang.PostFormAsync("/projects/1/evaluations", $"/projects/{DayCare}/satisfaction", []);
        Assert.StartsWith("/account/access-denied", start.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Surveys.CountAsync(s => s.ProjectId == DayCare)));
    }

    [Fact]
    public async Task The_survey_list_keeps_them_apart_and_they_are_no_evidence_of_a_need()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await QuestionnaireOfAsync(DayCare);

        Assert.DoesNotContain("满意度调查：长者日间照料", await staff.GetStringAsync("/surveys"), StringComparison.Ordinal);
        var satisfaction = await staff.GetStringAsync("/surveys?kind=Satisfaction");
        Assert.Contains("满意度调查：长者日间照料", satisfaction, StringComparison.Ordinal);
        Assert.DoesNotContain("2026 年居民服务需求调查", satisfaction, StringComparison.Ordinal);
        Assert.DoesNotContain("/needs/create", await staff.GetStringAsync($"/surveys/{id}/results"), StringComparison.Ordinal);
        Assert.DoesNotContain("您对午餐满意吗？", await staff.GetStringAsync($"/needs/create?surveyId={id}"), StringComparison.Ordinal);

        var posted = await staff.PostFormAsync("/needs/create", "/needs/create", new()
        {
            ["SurveyId"] = id.ToString(CultureInfo.InvariantCulture), ["Text"] = "老人希望下午也开放", ["CommunityId"] = "3", ["Priority"] = "High", ["ResidentsConcerned"] = "10",
        });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }
}
