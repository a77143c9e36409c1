using System.Net;
using System.Text.Json;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Participation;
using CommunityService.Data.Surveys;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Me;

public class MyPageTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_residents_page_shows_only_their_own_sign_ups_requests_surveys_and_services()
    {
        var (mine, theirs) = (await Portal.NewUserClientAsync("resident.a", 1, "Resident"), await Portal.NewUserClientAsync("resident.b", 1, "Resident"));
        var a = await AddRowsAsync("resident.a", "甲");
        var b = await AddRowsAsync("resident.b", "乙");

        var pageA = await mine.GetStringAsync("/me");
        var pageB = await theirs.GetStringAsync("/me");

        foreach (var text in new[] { "甲的场次", "甲的上门需求", "甲的服务记录" })
        {
            Assert.Contains(text, pageA, StringComparison.Ordinal);
            Assert.DoesNotContain(text, pageB, StringComparison.Ordinal);
        }
        foreach (var text in new[] { "乙的场次", "乙的上门需求", "乙的服务记录" })
        {
            Assert.Contains(text, pageB, StringComparison.Ordinal);
            Assert.DoesNotContain(text, pageA, StringComparison.Ordinal);
        }
        Assert.Contains("社区活动时间安排意见征集", pageA, StringComparison.Ordinal);
        Assert.Contains($"action=\"/signups/{a.ActiveSignUp}/cancel\"", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/signups/{b.ActiveSignUp}/cancel\"", pageA, StringComparison.Ordinal);
        Assert.Contains($"action=\"/home-visits/{a.OpenVisit}/cancel\"", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/home-visits/{b.OpenVisit}/cancel\"", pageA, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_buttons_show_only_for_active_upcoming_sign_ups_and_open_requests()
    {
        var client = await Portal.NewUserClientAsync("resident.c", 1, "Resident");
        var rows = await AddRowsAsync("resident.c", "丙");

        var page = await client.GetStringAsync("/me");

        Assert.Contains($"action=\"/signups/{rows.ActiveSignUp}/cancel\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/signups/{rows.CancelledSignUp}/cancel\"", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/home-visits/{rows.OpenVisit}/cancel\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/home-visits/{rows.DeclinedVisit}/cancel\"", page, StringComparison.Ordinal);
        Assert.Contains("已报名", page, StringComparison.Ordinal);
        Assert.Contains("人手不够", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_resident_sees_plain_words_for_each_empty_section()
    {
        var client = await Portal.NewUserClientAsync("resident.new", 1, "Resident");

        var page = await client.GetStringAsync("/me");

        foreach (var text in new[] { "您还没有报名。", "您还没有申请过上门服务。", "您还没有填写过调查。", "还没有为您记录的服务。", "您还没有填写资料。" })
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_demo_resident_sees_her_course_with_the_day_it_ends_and_the_lunch_recorded_for_her()
    {
        var resident = await Portal.ClientForAsync("resident");
        var course = await Portal.WithDbAsync(db => db.SignUps.Where(s => s.ResidentId == db.Users.First(u => u.UserName == "resident").Id)
            .Select(s => new { s.Id, s.Session!.EndsAt }).SingleAsync());
        var ends = TimeZoneInfo.ConvertTimeFromUtc(course.EndsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var page = await resident.GetStringAsync("/me");

        Assert.Contains($"– {ends:yyyy-MM-dd HH:mm}", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/signups/{course.Id}/cancel\"", page, StringComparison.Ordinal);
        Assert.Contains("老年人助餐服务：在长者食堂用午餐", page, StringComparison.Ordinal);
        Assert.DoesNotContain("您还没有填写资料。", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_download_is_a_json_attachment_with_only_the_residents_own_rows()
    {
        var client = await Portal.NewUserClientAsync("resident.d", 1, "Resident");
        await Portal.NewUserClientAsync("resident.e", 1, "Resident");
        await AddRowsAsync("resident.d", "丁");
        await AddRowsAsync("resident.e", "戊");
        await client.PostFormAsync("/me/profile", "/me/profile", new() { ["FullName"] = "丁一", ["CommunityId"] = "1", ["Version"] = "0" });

        var response = await client.GetAsync("/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches("^my-data-[0-9]{8}\\.json$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(("application/json", "utf-8"), (response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentType.CharSet));
        Assert.True(response.Headers.CacheControl!.NoStore);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("丁的上门需求", text, StringComparison.Ordinal);
        Assert.DoesNotContain("戊", text, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("resident.d", root.GetProperty("account").GetProperty("userName").GetString());
        Assert.Equal("丁一", root.GetProperty("profile").GetProperty("fullName").GetString());
        Assert.Equal(["丁的场次", "丁的场次"], root.GetProperty("signUps").EnumerateArray().Select(s => s.GetProperty("session").GetString()));
        Assert.Equal(2, root.GetProperty("homeVisits").GetArrayLength());
        Assert.Equal("丁的服务记录", root.GetProperty("servicesReceived")[0].GetProperty("description").GetString());
        var answer = root.GetProperty("surveyResponses")[0].GetProperty("answers")[0];
        Assert.Equal(("您是否参加过社区组织的活动？", "参加过"), (answer.GetProperty("question").GetString(), answer.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task The_demo_residents_download_holds_her_profile_her_consent_with_its_wording_and_the_lunch()
    {
        var resident = await Portal.ClientForAsync("resident");

        using var json = JsonDocument.Parse(await resident.GetStringAsync("/me/data"));

        var root = json.RootElement;
        Assert.Equal(("张阿姨", "From60To79"), (root.GetProperty("profile").GetProperty("fullName").GetString(), root.GetProperty("profile").GetProperty("ageBand").GetString()));
        var consent = root.GetProperty("consents")[0];
        Assert.Equal(("SensitiveFacts", true, "sensitive-facts-2026-11"),
            (consent.GetProperty("purpose").GetString(), consent.GetProperty("given").GetBoolean(), consent.GetProperty("wordingVersion").GetString()));
        Assert.StartsWith("社区服务中心请求保存", consent.GetProperty("wordingText").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", consent.GetProperty("at").GetString(), StringComparison.Ordinal);
        Assert.Equal("老年人助餐服务", root.GetProperty("servicesReceived")[0].GetProperty("project").GetString());
    }

    [Fact]
    public async Task The_page_runs_the_same_number_of_sql_commands_however_many_rows_the_resident_has()
    {
        var client = await Portal.NewUserClientAsync("resident.f", 1, "Resident");
        await AddRowsAsync("resident.f", "己");
        await client.GetAsync("/me");
        var (_, before) = await CountAsync(client, "/me");

        for (var i = 0; i < 10; i++)
        {
            await AddRowsAsync("resident.f", $"己{i}", answerSurvey: false);
        }
        var (response, after) = await CountAsync(client, "/me");
        var (download, dataCommands) = await CountAsync(client, "/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        // Eight reads and the audit entry of the download.
        Assert.InRange(dataCommands, 1, 9);
    }

    /// <summary>The page's own commands: the fewer of two requests, as the once-a-minute security stamp check belongs to no page.</summary>
    private async Task<(HttpResponseMessage Response, int Commands)> CountAsync(HttpClient client, string url)
    {
        var first = await Portal.CountCommandsAsync(client, url);
        var second = await Portal.CountCommandsAsync(client, url);
        return second.Commands <= first.Commands ? second : first;
    }

    private sealed record Rows(int ActiveSignUp, int CancelledSignUp, int OpenVisit, int DeclinedVisit);

    /// <summary>For one resident: an upcoming and a cancelled sign-up, an open and a declined request, a service received, an answered survey.</summary>
    private Task<Rows> AddRowsAsync(string userName, string tag, bool answerSurvey = true) => Portal.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        var project = await db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync();
        var session = new ServiceSession(20) { ProjectId = project, Title = $"{tag}的场次", StartsAt = now.AddDays(7), EndsAt = now.AddDays(7).AddHours(2), Place = "康复室", CreatedAt = now };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        var active = new SignUp { SessionId = session.Id, ProjectId = project, ResidentId = userId, Name = tag, Status = SignUpStatus.Registered, CreatedAt = now };
        var cancelled = new SignUp { SessionId = session.Id, ProjectId = project, ResidentId = userId, Name = tag, Status = SignUpStatus.Cancelled, CreatedAt = now, CancelledAt = now };
        var open = Visit(project, userId, $"{tag}的上门需求", now);
        var declined = Visit(project, userId, $"{tag}的另一个需求", now);
        declined.Decline("人手不够", now);
        db.SignUps.AddRange(active, cancelled);
        db.HomeVisitRequests.AddRange(open, declined);
        db.ServiceRecords.Add(new ServiceRecord
        {
            ProjectId = project, ResidentId = userId, RecipientName = tag, DeliveredAt = now.AddDays(-1), DeliveryMode = DeliveryMode.AtHome,
            DurationMinutes = 40, Description = $"{tag}的服务记录", RecordedById = staffId, CreatedAt = now,
        });
        if (answerSurvey)
        {
            var survey = await db.Surveys.Where(s => s.Title == "社区活动时间安排意见征集").Select(s => s.Id).SingleAsync();
            var question = await db.SurveyQuestions.Include(q => q.Options).SingleAsync(q => q.SurveyId == survey && q.Order == 1);
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = question.SurveyId, RespondentId = userId, Channel = ResponseChannel.Online, SubmittedAt = now, UpdatedAt = now,
                Answers = [new SurveyAnswer { QuestionId = question.Id, OptionId = question.Options.Single(o => o.Text == "参加过").Id }],
            });
        }
        await db.SaveChangesAsync();
        return new Rows(active.Id, cancelled.Id, open.Id, declined.Id);
    });

    private HomeVisitRequest Visit(int project, string userId, string need, DateTime now) => new()
    {
        ProjectId = project, ResidentId = userId, Name = "居民", Phone = "138 0000 0000", Address = "和平路 2 号", ProtectedNeed = Portal.Services.GetRequiredService<Web.Shared.Security.HomeVisitNeedProtector>().Protect(need),
        PreferredFrom = DateOnly.FromDateTime(now.AddDays(3)), PreferredTo = DateOnly.FromDateTime(now.AddDays(10)), PreferredTime = TimeOfDay.Morning,
        CreatedAt = now, UpdatedAt = now,
    };
}
