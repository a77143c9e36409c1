using System.Net;
using CommunityService.Data.Decisions;
using CommunityService.Data.Projects;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

public class DecisionTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>困难家庭临时救助, 和平社区: waits for its decision with three opinions (support, suggest, oppose).</summary>
    private const int Relief = 5;

    /// <summary>老年人智能手机课堂, 阳光社区: waits for its decision; `resident` represents 阳光社区.</summary>
    private const int Phones = 13;

    /// <summary>老年人助餐服务, 阳光社区: closed.</summary>
    private const int Meals = 1;

    [Fact]
    public async Task A_representative_gives_an_opinion_and_changing_it_keeps_one_row()
    {
        var resident = await Portal.ClientForAsync("resident");
        var page = $"/projects/{Phones}/decision";

        var first = await resident.PostFormAsync(page, $"{page}/opinion", new() { ["Stance"] = "Support", ["Comment"] = "" });
        Assert.Equal($"{page}#opinions", first.RedirectPath());
        var second = await resident.PostFormAsync(page, $"{page}/opinion", new() { ["Stance"] = "Oppose", ["Comment"] = "活动室周末要给合唱队用，时间会冲突。" });
        Assert.Equal($"{page}#opinions", second.RedirectPath());

        var residentId = await UserIdAsync("resident");
        var opinions = await Portal.WithDbAsync(db => db.Opinions.Where(o => o.ProjectId == Phones && o.GivenById == residentId).ToListAsync());
        var only = Assert.Single(opinions);
        Assert.Equal((OpinionStance.Oppose, OpinionSource.Online, "活动室周末要给合唱队用，时间会冲突。"), (only.Stance, only.Source, only.Comment));

        var html = await resident.GetStringAsync(page);
        Assert.Contains("修改您的意见", html, StringComparison.Ordinal);
        Assert.Contains("张阿姨", html, StringComparison.Ordinal);
        Assert.Contains("活动室周末要给合唱队用，时间会冲突。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Representatives_of_another_community_and_plain_residents_can_neither_see_nor_answer_a_proposal()
    {
        var resident = await Portal.ClientForAsync("resident");
        var volunteer = await Portal.ClientForAsync("volunteer");
        var heping = await Portal.ClientForAsync("liujianguo");

        await AssertDeniedAsync(resident, Relief);
        await AssertDeniedAsync(volunteer, Phones);
        await AssertDeniedAsync(heping, Phones);

        Assert.Equal(0, await Portal.WithDbAsync(db => db.Opinions.CountAsync(o => o.GivenById != null && o.ProjectId == Phones)));
        Assert.Equal(HttpStatusCode.OK, (await heping.GetAsync($"/projects/{Relief}/decision")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/projects/999/decision")).StatusCode);
    }

    [Fact]
    public async Task A_representative_cannot_open_or_answer_a_proposal_of_their_community_once_it_is_decided()
    {
        var resident = await Portal.ClientForAsync("resident");

        Assert.Equal("/account/access-denied", Path(await resident.GetAsync($"/projects/{Meals}/decision")));
        var refused = await resident.PostFormAsync("/", $"/projects/{Meals}/decision/opinion", new() { ["Stance"] = "Support" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("项目建议等待决定期间才能发表意见", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Opinions.CountAsync(o => o.ProjectId == Meals)));
    }

    [Fact]
    public async Task Staff_record_a_meeting_opinion_and_the_page_shows_it_in_the_tally()
    {
        var staff = await Portal.ClientForAsync("staff");
        var page = $"/projects/{Relief}/decision";
        var before = await staff.GetStringAsync(page);
        Assert.Contains("data-tally=\"Support\">1<", before, StringComparison.Ordinal);
        Assert.Contains("data-tally=\"Oppose\">1<", before, StringComparison.Ordinal);
        Assert.Contains("data-tally=\"Suggest\">1<", before, StringComparison.Ordinal);

        var recorded = await staff.PostFormAsync(page, $"{page}/meeting-opinion", new()
        {
            ["SpeakerName"] = "钱大爷", ["MeetingName"] = "和平社区楼栋长会议", ["At"] = "2026-11-20T19:00", ["Stance"] = "Support", ["Comment"] = "",
        });
        Assert.Equal($"{page}#opinions", recorded.RedirectPath());

        var html = await staff.GetStringAsync(page);
        Assert.Contains("data-tally=\"Support\">2<", html, StringComparison.Ordinal);
        Assert.Contains("钱大爷", html, StringComparison.Ordinal);
        Assert.Contains("和平社区楼栋长会议", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 19:00", html, StringComparison.Ordinal);
        Assert.Contains("刘建国", html, StringComparison.Ordinal);
        Assert.Contains("由李社工录入", html, StringComparison.Ordinal);
        var saved = await Portal.WithDbAsync(db => db.Opinions.SingleAsync(o => o.ProjectId == Relief && o.SpeakerName == "钱大爷"));
        Assert.Equal((OpinionSource.Meeting, (string?)null, await UserIdAsync("staff")), (saved.Source, saved.GivenById, saved.RecordedById));
    }

    [Fact]
    public async Task The_page_shows_the_proposal_with_its_needs_and_figures()
    {
        var manager = await Portal.ClientForAsync("manager");
        var needId = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == Phones).SelectMany(p => p.Needs).Select(n => n.Id).SingleAsync());

        var html = await manager.GetStringAsync($"/projects/{Phones}/decision");

        Assert.Contains("老年人智能手机课堂", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/trace/needs/{needId}\"", html, StringComparison.Ordinal);
        Assert.Contains("阳光社区", html, StringComparison.Ordinal);
        Assert.Contains("文化教育与体育", html, StringComparison.Ordinal);
        Assert.Contains("老年人", html, StringComparison.Ordinal);
        Assert.Contains("120 位居民", html, StringComparison.Ordinal);
        Assert.Contains("阳光小学信息技术教师志愿者", html, StringComparison.Ordinal);
        Assert.Contains("¥6,000.00", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/projects/13/decide\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_decides_from_the_page_and_the_decision_shows_in_its_history()
    {
        var manager = await Portal.ClientForAsync("manager");
        var page = $"/projects/{Phones}/decision";

        var decided = await manager.PostFormAsync(page, $"/projects/{Phones}/decide", new()
        {
            ["Outcome"] = "Approve", ["Reason"] = "居民代表普遍支持，按建议控制每班人数。", ["FromProposal"] = "true",
        });
        Assert.Equal(page, decided.RedirectPath());

        var html = await manager.GetStringAsync(page);
        Assert.Contains("同意立项", html, StringComparison.Ordinal);
        Assert.Contains("居民代表普遍支持，按建议控制每班人数。", html, StringComparison.Ordinal);
        Assert.Contains("王主任", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/projects/13/decide\"", html, StringComparison.Ordinal);
        Assert.Equal(ProjectStage.Plan, await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == Phones).Select(p => p.Stage).SingleAsync()));
        // Decided: no longer open to the representative.
        Assert.Equal("/account/access-denied", Path(await (await Portal.ClientForAsync("resident")).GetAsync(page)));
    }

    [Fact]
    public async Task An_objection_without_a_comment_comes_back_with_a_message_and_the_input_kept()
    {
        var resident = await Portal.ClientForAsync("resident");
        var page = $"/projects/{Phones}/decision";

        var response = await resident.PostFormAsync(page, $"{page}/opinion", new() { ["Stance"] = "Oppose", ["Comment"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("请写明反对的理由或具体建议", html, StringComparison.Ordinal);
        Assert.Contains("id=\"opinion-stance-Oppose\" value=\"Oppose\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Opinions.CountAsync(o => o.ProjectId == Phones && o.GivenById != null)));
    }

    [Fact]
    public async Task A_meeting_opinion_without_a_speaker_comes_back_with_the_input_kept()
    {
        var staff = await Portal.ClientForAsync("staff");
        var page = $"/projects/{Relief}/decision";

        var response = await staff.PostFormAsync(page, $"{page}/meeting-opinion", new()
        {
            ["SpeakerName"] = "", ["MeetingName"] = "和平社区居民代表议事会", ["At"] = "2026-11-20T19:00", ["Stance"] = "Suggest", ["Comment"] = "先公示名单",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("value=\"和平社区居民代表议事会\"", html, StringComparison.Ordinal);
        Assert.Contains(">先公示名单</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"meeting-stance-Suggest\" value=\"Suggest\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Equal(3, await Portal.WithDbAsync(db => db.Opinions.CountAsync(o => o.ProjectId == Relief)));
    }

    [Fact]
    public async Task A_representative_finds_their_communitys_proposals_on_the_home_page()
    {
        var resident = await Portal.ClientForAsync("resident");
        var volunteer = await Portal.ClientForAsync("volunteer");

        var html = await resident.GetStringAsync("/");

        Assert.Contains("待您发表意见的项目建议", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/projects/{Phones}/decision\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/projects/{Relief}/decision\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("待您发表意见的项目建议", await volunteer.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proposal_page_runs_the_same_number_of_sql_commands_however_many_opinions()
    {
        var manager = await Portal.ClientForAsync("manager");
        var page = $"/projects/{Relief}/decision";
        await manager.GetStringAsync(page);
        var (_, before) = await Portal.CountCommandsAsync(manager, page);

        var staffId = await UserIdAsync("staff");
        await Portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.Opinions.Add(new ProjectOpinion
                {
                    ProjectId = Relief, Source = OpinionSource.Meeting, Stance = (OpinionStance)(i % 3), SpeakerName = $"居民{i}",
                    MeetingName = "议事会", At = DateTime.UtcNow, RecordedById = staffId, Comment = "意见",
                });
            }
            await db.SaveChangesAsync();
        });
        var (response, after) = await Portal.CountCommandsAsync(manager, page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, after);
    }

    private static async Task AssertDeniedAsync(HttpClient client, int project)
    {
        Assert.Equal("/account/access-denied", Path(await client.GetAsync($"/projects/{project}/decision")));
        var posted = await client.PostFormAsync("/", $"/projects/{project}/decision/opinion", new() { ["Stance"] = "Support", ["Comment"] = "" });
        Assert.Equal("/account/access-denied", Path(posted));
    }

    private static string? Path(HttpResponseMessage response) => response.RedirectPath()?.Split('?')[0];

    private Task<string> UserIdAsync(string userName) =>
        Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
