using System.Net;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityService.IntegrationTests.Pages;

public class SurveyTests(PortalFactory portal) : PortalTest(portal)
{
    private const int ClosedSurvey = 1;
    private const int OpenSurvey = 2;

    [Fact]
    public async Task Staff_build_a_questionnaire_with_a_condition_open_it_and_a_resident_answers()
    {
        var staff = await Portal.ClientForAsync("staff");
        var created = await staff.PostFormAsync("/surveys/create", "/surveys/create", new()
        {
            ["Title"] = "老年人助餐需求调查", ["Purpose"] = "了解助餐需求", ["StartDate"] = "2026-12-01", ["EndDate"] = "2026-12-31",
            ["UsesQuestionnaire"] = "true", ["CommunityIds"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.RedirectPath()!;
        var id = int.Parse(page.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        await Ok(staff.PostFormAsync(page, $"{page}/questions", new() { ["Type"] = "SingleChoice", ["Text"] = "您需要助餐吗？", ["Required"] = "true", ["Options"] = "需要\n不需要" }));
        var first = await Portal.WithDbAsync(db => db.SurveyQuestions.Include(q => q.Options).SingleAsync(q => q.SurveyId == id));
        await Ok(staff.PostFormAsync(page, $"{page}/questions", new()
        {
            ["Type"] = "ShortText", ["Text"] = "您希望几点用餐？", ["Required"] = "true", ["ConditionQuestionId"] = $"{first.Id}", ["ConditionOption"] = "需要",
        }));
        await Ok(staff.PostFormAsync(page, $"{page}/open", []));

        var resident = await Portal.ClientForAsync("resident");
        var yes = first.Options.Single(o => o.Text == "需要").Id;
        var second = await Portal.WithDbAsync(db => db.SurveyQuestions.SingleAsync(q => q.SurveyId == id && q.Order == 2));
        var answered = await resident.PostFormAsync($"/surveys/{id}/respond", $"/surveys/{id}/respond", new()
        {
            [$"q{first.Id}"] = $"{yes}", [$"q{second.Id}"] = "11:30", ["communityId"] = "1", ["ageBand"] = "From80",
        });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("谢谢您", await answered.BodyAsync(), StringComparison.Ordinal);
        var response = await Portal.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == id));
        var residentId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync());
        Assert.Equal((residentId, ResponseChannel.Online, AgeBand.From80, (string?)null), (response.RespondentId, response.Channel, response.AgeBand, response.EnteredById));
        Assert.Equal(["11:30"], response.Answers.Where(a => a.Text is not null).Select(a => a.Text));
    }

    [Fact]
    public async Task A_resident_answers_once_and_a_second_answer_replaces_the_first()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (joins, when, rating) = await QuestionsOfOpenSurveyAsync();

        await Answer(resident, joins.Options[1].Id, when.Options[0].Id, 3);
        var again = await resident.GetStringAsync($"/surveys/{OpenSurvey}/respond");
        Assert.Contains("您已填写过本调查", again, StringComparison.Ordinal);
        await Answer(resident, joins.Options[1].Id, when.Options[3].Id, 5);

        var responses = await Portal.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => r.SurveyId == OpenSurvey).ToListAsync());
        var only = Assert.Single(responses);
        Assert.Contains(only.Answers, a => a.OptionId == when.Options[3].Id);
        Assert.DoesNotContain(only.Answers, a => a.OptionId == when.Options[0].Id);
        Assert.Equal(5, only.Answers.Single(a => a.QuestionId == rating.Id).Number);
    }

    [Fact]
    public async Task A_missing_answer_comes_back_with_a_message_and_everything_typed_kept()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (joins, when, rating) = await QuestionsOfOpenSurveyAsync();
        var words = await Portal.WithDbAsync(db => db.SurveyQuestions.SingleAsync(q => q.SurveyId == OpenSurvey && q.Type == QuestionType.ShortText));

        var response = await resident.PostFormAsync($"/surveys/{OpenSurvey}/respond", $"/surveys/{OpenSurvey}/respond", new()
        {
            [$"q{joins.Id}"] = $"{joins.Options[1].Id}", [$"q{rating.Id}"] = "4", [$"q{words.Id}"] = "希望有书法班",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("请回答这道题", html, StringComparison.Ordinal);
        Assert.Contains("value=\"希望有书法班\"", html, StringComparison.Ordinal);
        Assert.Matches($"id=\"q{rating.Id}-4\" value=\"4\" checked", html);
        Assert.Matches($"id=\"q{joins.Id}-{joins.Options[1].Id}\" value=\"{joins.Options[1].Id}\" checked", html);
        Assert.False(await Portal.WithDbAsync(db => db.SurveyResponses.AnyAsync(r => r.SurveyId == OpenSurvey)));
        _ = when;
    }

    [Fact]
    public async Task An_anonymous_answer_keeps_no_account_link_where_the_survey_allows_it()
    {
        var visitor = Portal.CreateAnonymousClient();
        var (joins, when, rating) = await QuestionsOfOpenSurveyAsync();

        await Answer(visitor, joins.Options[1].Id, when.Options[2].Id, 4);

        var response = await Portal.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.SurveyId == OpenSurvey));
        Assert.Null(response.RespondentId);
        Assert.Equal(ResponseChannel.Online, response.Channel);
        Assert.StartsWith("/account/login", (await visitor.GetAsync($"/surveys/{ClosedSurvey}/respond")).RedirectPath(), StringComparison.Ordinal);
        _ = rating;
    }

    [Fact]
    public async Task Staff_type_in_a_paper_questionnaire_marked_with_channel_and_who_entered_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (joins, when, rating) = await QuestionsOfOpenSurveyAsync();

        var saved = await staff.PostFormAsync($"/surveys/{OpenSurvey}/entry", $"/surveys/{OpenSurvey}/entry", new()
        {
            ["channel"] = "Paper", ["respondentName"] = "王大爷", ["communityId"] = "2", ["ageBand"] = "From60To79",
            [$"q{joins.Id}"] = $"{joins.Options[1].Id}", [$"q{when.Id}"] = $"{when.Options[0].Id}", [$"q{rating.Id}"] = "5",
        });

        Assert.Equal($"/surveys/{OpenSurvey}/entry", saved.RedirectPath());
        var response = await Portal.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.SurveyId == OpenSurvey));
        var staffId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync());
        Assert.Equal((ResponseChannel.Paper, staffId, "王大爷", (string?)null, 2), (response.Channel, response.EnteredById, response.RespondentName, response.RespondentId, response.CommunityId!.Value));
    }

    [Fact]
    public async Task A_question_that_later_questions_depend_on_keeps_its_type_and_those_answers()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (joins, _, _) = await QuestionsOfOpenSurveyAsync();
        var url = $"/surveys/{OpenSurvey}/questions/{joins.Id}/edit";

        var retyped = await staff.PostFormAsync(url, url, new() { ["Type"] = "ShortText", ["Text"] = joins.Text, ["Required"] = "true" });
        var dropped = await staff.PostFormAsync(url, url, new() { ["Type"] = "SingleChoice", ["Text"] = joins.Text, ["Required"] = "true", ["Options"] = "没有参加过\n不记得了" });
        var reworded = await staff.PostFormAsync(url, url, new() { ["Type"] = "SingleChoice", ["Text"] = "您参加过社区活动吗？", ["Required"] = "true", ["Options"] = "参加过\n没有参加过" });

        Assert.Equal(HttpStatusCode.BadRequest, retyped.StatusCode);
        Assert.Contains("后面有题目依据本题的答案显示", await retyped.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, dropped.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reworded.StatusCode);
        var follow = await Portal.WithDbAsync(db => db.SurveyQuestions.SingleAsync(q => q.SurveyId == OpenSurvey && q.Order == 2));
        Assert.Equal(joins.Id, follow.ConditionQuestionId);
        Assert.Equal(joins.Options[0].Id, follow.ConditionOptionId);
    }

    [Fact]
    public async Task A_closed_survey_takes_no_more_answers()
    {
        var resident = await Portal.ClientForAsync("resident");

        var response = await resident.PostFormAsync($"/surveys/{ClosedSurvey}/respond", $"/surveys/{ClosedSurvey}/respond", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("本调查已结束", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_show_the_counts_the_database_holds()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (question, option, count) = await MealsCountAsync(null);

        var html = await staff.GetStringAsync($"/surveys/{ClosedSurvey}/results");

        Assert.Contains("共 300 份答卷", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{option}</td><td class=\"text-end\">{count}</td>", html, StringComparison.Ordinal);
        Assert.Contains("平均值", html, StringComparison.Ordinal);
        _ = question;
    }

    [Fact]
    public async Task The_excel_export_holds_the_same_figures_for_the_filter()
    {
        var staff = await Portal.ClientForAsync("staff");
        var (question, option, count) = await MealsCountAsync(AgeBand.From60To79);

        var response = await staff.GetAsync($"/surveys/{ClosedSurvey}/results/export.xlsx?ageBand=From60To79");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows, r => (string)r["题目"] == question && (string)r["答案"] == option);
        Assert.Equal(count, Convert.ToInt32(row["人数"], System.Globalization.CultureInfo.InvariantCulture));

        var bytes = await staff.GetByteArrayAsync($"/surveys/{ClosedSurvey}/results/export.csv?ageBand=From60To79");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("序号,题目,答案,人数,百分比", csv, StringComparison.Ordinal);
        Assert.Contains($"{question},{option},{count},", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_page_runs_the_same_number_of_sql_commands_however_many_answers()
    {
        var staff = await Portal.ClientForAsync("staff");
        await staff.GetStringAsync($"/surveys/{ClosedSurvey}/results");
        var (_, before) = await Portal.CountCommandsAsync(staff, $"/surveys/{ClosedSurvey}/results");

        await Portal.WithDbAsync(async db =>
        {
            var question = await db.SurveyQuestions.Include(q => q.Options).FirstAsync(q => q.SurveyId == ClosedSurvey && q.Type == QuestionType.SingleChoice);
            for (var i = 0; i < 200; i++)
            {
                db.SurveyResponses.Add(new SurveyResponse
                {
                    SurveyId = ClosedSurvey, Channel = ResponseChannel.Paper, SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                    Answers = [new SurveyAnswer { QuestionId = question.Id, OptionId = question.Options[i % question.Options.Count].Id }, new SurveyAnswer { QuestionId = question.Id + 6, Text = $"建议 {i}" }],
                });
            }
            await db.SaveChangesAsync();
        });
        var (response, after) = await Portal.CountCommandsAsync(staff, $"/surveys/{ClosedSurvey}/results?channel=Paper");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, after);
        Assert.InRange(after, 1, 12);
    }

    [Fact]
    public async Task Removing_an_answered_question_is_refused_and_a_new_version_allows_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var question = await Portal.WithDbAsync(db => db.SurveyQuestions.FirstAsync(q => q.SurveyId == ClosedSurvey));

        var refused = await staff.PostFormAsync($"/surveys/{ClosedSurvey}", $"/surveys/{ClosedSurvey}/questions/{question.Id}/remove", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var copied = await staff.PostFormAsync($"/surveys/{ClosedSurvey}", $"/surveys/{ClosedSurvey}/new-version", []);
        var copyId = int.Parse(copied.RedirectPath()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var copyQuestion = await Portal.WithDbAsync(db => db.SurveyQuestions.OrderBy(q => q.Order).FirstAsync(q => q.SurveyId == copyId));

        var removed = await staff.PostFormAsync($"/surveys/{copyId}", $"/surveys/{copyId}/questions/{copyQuestion.Id}/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var copy = await Portal.WithDbAsync(db => db.Surveys.Include(s => s.Questions).SingleAsync(s => s.Id == copyId));
        Assert.Equal((SurveyStatus.Draft, 2, 6), (copy.Status, copy.VersionNumber, copy.Questions.Count));
        Assert.Equal(7, await Portal.WithDbAsync(db => db.SurveyQuestions.CountAsync(q => q.SurveyId == ClosedSurvey)));
    }

    [Fact]
    public async Task A_need_is_recorded_with_evidence_and_a_project_is_proposed_from_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var question = await Portal.WithDbAsync(db => db.SurveyQuestions.FirstAsync(q => q.SurveyId == ClosedSurvey && q.Type == QuestionType.Rating));
        var typeId = await Portal.WithDbAsync(db => db.ServiceTypes.Where(t => t.Name == "卫生").Select(t => t.Id).SingleAsync());
        // As the browser sends it: a row per offered question (in order), only the rating question ticked.
        var offered = await Portal.WithDbAsync(db => db.SurveyQuestions.Where(q => q.SurveyId == ClosedSurvey).OrderBy(q => q.Order).Select(q => q.Id).ToListAsync());
        var index = offered.IndexOf(question.Id);

        var fields = offered.Select((id, i) => (Key: $"Evidence[{i}].QuestionId", Value: $"{id}")).ToDictionary(f => f.Key, f => f.Value);
        var saved = await staff.PostFormAsync($"/needs/create?surveyId={ClosedSurvey}", "/needs/create", new(fields)
        {
            ["SurveyId"] = $"{ClosedSurvey}", ["Text"] = "老人希望提高服务满意度", ["CommunityId"] = "1", ["ServiceTypeId"] = $"{typeId}",
            ["TargetGroups"] = "Elderly", ["ResidentsConcerned"] = "120", ["Priority"] = "High",
            [$"Evidence[{index}].QuestionId"] = $"{question.Id}", [$"Evidence[{index}].Use"] = "true", [$"Evidence[{index}].Figure"] = "平均 3.8 分",
            [$"Evidence[{offered.Count}].QuestionId"] = "999999", [$"Evidence[{offered.Count}].Use"] = "true",
        });
        Assert.Equal("/needs", saved.RedirectPath());
        var need = await Portal.WithDbAsync(db => db.Needs.Include(n => n.Evidence).SingleAsync(n => n.Text == "老人希望提高服务满意度"));
        var evidence = Assert.Single(need.Evidence);
        Assert.Equal((question.Id, "平均 3.8 分"), (evidence.QuestionId!.Value, evidence.Figure));

        var proposed = await staff.PostFormAsync($"/needs/propose?ids={need.Id}", "/needs/propose", new()
        {
            ["NeedIds"] = $"{need.Id}", ["Name"] = "提升养老服务满意度", ["ServiceTypeId"] = $"{typeId}", ["CommunityId"] = "1", ["TargetGroups"] = "Elderly",
        });
        var projectId = int.Parse(proposed.RedirectPath()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var project = await Portal.WithDbAsync(db => db.Projects.Include(p => p.Needs).SingleAsync(p => p.Id == projectId));
        Assert.Equal(ProjectStage.Decision, project.Stage);
        Assert.Equal([need.Id], project.Needs.Select(n => n.Id));
        Assert.Equal(NeedStatus.Addressed, await Portal.WithDbAsync(db => db.Needs.Where(n => n.Id == need.Id).Select(n => n.Status).SingleAsync()));
        Assert.Contains("提升养老服务满意度", await staff.GetStringAsync("/needs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_a_need_aside_needs_a_reason()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await Portal.WithDbAsync(db => db.Needs.Where(n => n.Status == NeedStatus.Open).Select(n => n.Id).FirstAsync());

        var refused = await staff.PostFormAsync("/needs", $"/needs/{id}/set-aside", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await Ok(staff.PostFormAsync("/needs", $"/needs/{id}/set-aside", new() { ["Reason"] = "已有其他单位提供" }));

        var need = await Portal.WithDbAsync(db => db.Needs.SingleAsync(n => n.Id == id));
        Assert.Equal((NeedStatus.SetAside, "已有其他单位提供"), (need.Status, need.SetAsideReason));
    }

    private async Task<(string Question, string Option, int Count)> MealsCountAsync(AgeBand? band) =>
        await Portal.WithDbAsync(async db =>
        {
            var q = await db.SurveyQuestions.Include(x => x.Options).SingleAsync(x => x.SurveyId == ClosedSurvey && x.Text == "您最需要社区提供哪些服务？（可多选）");
            var option = q.Options.Single(o => o.Text == "助餐服务");
            var count = await db.SurveyAnswers.CountAsync(a => a.OptionId == option.Id
                && db.SurveyResponses.Any(r => r.Id == a.ResponseId && (band == null || r.AgeBand == band)));
            return (q.Text, option.Text, count);
        });

    private async Task<(SurveyQuestion Joins, SurveyQuestion When, SurveyQuestion Rating)> QuestionsOfOpenSurveyAsync() =>
        await Portal.WithDbAsync(async db =>
        {
            var questions = await db.SurveyQuestions.Include(q => q.Options).Where(q => q.SurveyId == OpenSurvey).OrderBy(q => q.Order).ToListAsync();
            foreach (var q in questions)
            {
                q.Options = [.. q.Options.OrderBy(o => o.Order)];
            }
            return (questions[0], questions[2], questions[3]);
        });

    private static async Task Answer(HttpClient client, int joinsOption, int whenOption, int rating)
    {
        var (joins, when, ratingQuestion) = (joinsOption, whenOption, rating);
        var page = await client.GetStringAsync($"/surveys/{OpenSurvey}/respond");
        var ids = System.Text.RegularExpressions.Regex.Matches(page, "name=\"q(\\d+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        var fields = new Dictionary<string, string> { [$"q{ids[0]}"] = $"{joins}", [$"q{ids[2]}"] = $"{when}", [$"q{ids[3]}"] = $"{ratingQuestion}" };
        var response = await client.PostFormAsync($"/surveys/{OpenSurvey}/respond", $"/surveys/{OpenSurvey}/respond", fields);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.BodyAsync());
    }

    private static async Task Ok(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
    }
}
