using System.Net;
using CommunityService.Data.Publicity;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Publicity;

public class NoticeTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<int> ProjectIdAsync(string name) => Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private Task<int> NoticeOfAsync(string project) =>
        Portal.WithDbAsync(db => db.Notices.Where(n => n.Project!.Name == project).Select(n => n.Id).FirstAsync());

    [Fact]
    public async Task A_new_notice_is_prefilled_from_the_approved_plan()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectIdAsync("青少年暑期托管");

        var html = await staff.GetStringAsync($"/projects/{project}/notices/create");

        Assert.Contains("value=\"青石社区活动中心\"", html, StringComparison.Ordinal);
        Assert.Contains("低偿 ¥300", html, StringComparison.Ordinal);
        Assert.Contains("儿童、青少年", html, StringComparison.Ordinal);
        Assert.Contains("幸福街道办事处 010-6000 1234", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_facts_come_back_with_messages_and_what_was_typed()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectIdAsync("青少年暑期托管");
        var page = $"/projects/{project}/notices/create";

        var response = await staff.SubmitFormAsync(page, page, new() { ["Place"] = "", ["Title"] = "暑期托管报名 第二轮" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Matches("地点(&#x27;|&#39;|')? ?不能为空", html);
        Assert.Contains("value=\"暑期托管报名 第二轮\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Notices.CountAsync(n => n.ProjectId == project)));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">点我</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("\"><script>alert(1)</script>")]
    public async Task Script_in_a_notice_title_or_body_never_reaches_the_page(string payload)
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectIdAsync("青少年暑期托管");
        var page = $"/projects/{project}/notices/create";
        var saved = await staff.SubmitFormAsync(page, page, new() { ["Title"] = "报名 " + payload, ["Body"] = "**欢迎**参加\n\n" + payload });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await Portal.WithDbAsync(db => db.Notices.Where(n => n.ProjectId == project).MaxAsync(n => n.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/notices/{id}/manage", $"/notices/{id}/publish", [])).StatusCode);

        foreach (var (client, url) in new[]
        {
            (Portal.CreateAnonymousClient(), $"/notices/{id}"), (Portal.CreateAnonymousClient(), $"/notices/{id}/poster"),
            (staff, $"/notices/{id}/manage"), (Portal.CreateAnonymousClient(), "/notices"),
        })
        {
            var html = await client.GetStringAsync(url);
            HtmlSafety.AssertNoActiveContent(html, url);
        }
        var body = await Portal.CreateAnonymousClient().GetStringAsync($"/notices/{id}");
        Assert.Contains("<strong>欢迎</strong>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_links_keep_safe_addresses_and_headings_sit_under_the_page_title()
    {
        var id = await NoticeOfAsync("青少年暑期托管");
        await Portal.WithDbAsync(async db =>
        {
            var notice = await db.Notices.SingleAsync(n => n.Id == id);
            notice.Body = "# 活动安排\n\n- 上午：作业辅导\n- 下午：兴趣课\n\n详见 [报名须知](https://example.org/rules) 或致电 [010-6000 1234](tel:01060001234)";
            await db.SaveChangesAsync();
        });

        var html = await Portal.CreateAnonymousClient().GetStringAsync($"/notices/{id}");

        Assert.Contains("<h2>活动安排</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>上午：作业辅导</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/rules\" rel=\"nofollow noopener noreferrer\">报名须知</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:01060001234\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_shows_only_inside_its_publish_window()
    {
        var id = await NoticeOfAsync("青少年暑期托管");
        var anonymous = Portal.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notices/{id}")).StatusCode);

        await SetWindowAsync(id, from: DateTime.UtcNow.AddDays(2), until: null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{id}")).StatusCode);
        Assert.DoesNotContain("青少年暑期托管开始报名啦", await anonymous.GetStringAsync("/notices"), StringComparison.Ordinal);

        await SetWindowAsync(id, from: DateTime.UtcNow.AddDays(-2), until: DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{id}")).StatusCode);

        await SetWindowAsync(id, from: DateTime.UtcNow.AddDays(-2), until: DateTime.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notices/{id}")).StatusCode);
    }

    private async Task SetWindowAsync(int id, DateTime? from, DateTime? until)
    {
        await Portal.WithDbAsync(async db =>
        {
            var notice = await db.Notices.SingleAsync(n => n.Id == id);
            (notice.VisibleFrom, notice.VisibleUntil) = (from, until);
            await db.SaveChangesAsync();
        });
        // Changed behind the portal's back: forget the cached pages as the portal does on its own edits.
        await Portal.EvictPublicCacheAsync();
    }

    [Fact]
    public async Task Staff_set_the_window_in_local_time_and_a_window_that_ends_before_it_starts_is_refused()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await NoticeOfAsync("青少年暑期托管");
        var page = $"/notices/{id}/edit";

        var bad = await staff.SubmitFormAsync(page, page, new() { ["VisibleFrom"] = "2027-03-01T09:00", ["VisibleUntil"] = "2027-02-01T09:00" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("通知的下线时间必须晚于上线时间", await bad.BodyAsync(), StringComparison.Ordinal);

        var good = await staff.SubmitFormAsync(page, page, new() { ["VisibleFrom"] = "2027-03-01T09:00", ["VisibleUntil"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await Portal.WithDbAsync(db => db.Notices.SingleAsync(n => n.Id == id));
        Assert.Equal(new DateTime(2027, 3, 1, 1, 0, 0), saved.VisibleFrom);
        Assert.Null(saved.VisibleUntil);
    }

    [Fact]
    public async Task Withdrawing_a_notice_takes_it_off_the_cached_board_at_once()
    {
        var staff = await Portal.ClientForAsync("staff");
        var anonymous = Portal.CreateAnonymousClient();
        var id = await NoticeOfAsync("青少年暑期托管");
        Assert.Contains("青少年暑期托管开始报名啦", await anonymous.GetStringAsync("/notices"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notices/{id}")).StatusCode);

        var withdrawn = await staff.PostFormAsync($"/notices/{id}/manage", $"/notices/{id}/withdraw", []);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.DoesNotContain("青少年暑期托管开始报名啦", await anonymous.GetStringAsync("/notices"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{id}")).StatusCode);
        var again = await staff.PostFormAsync($"/notices/{id}/manage", $"/notices/{id}/withdraw", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/notices/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task Channels_are_recorded_with_where_and_when_and_need_a_place_except_the_portal()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await NoticeOfAsync("青少年暑期托管");
        var page = $"/notices/{id}/manage";

        var missing = await staff.PostFormAsync(page, $"/notices/{id}/channels", new() { ["Channel"] = "Poster", ["Where"] = "", ["SentOn"] = "2027-01-05" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var poster = await staff.PostFormAsync(page, $"/notices/{id}/channels", new() { ["Channel"] = "Poster", ["Where"] = "青石社区 3 号楼公告栏", ["SentOn"] = "2027-01-05" });
        Assert.Equal(HttpStatusCode.Redirect, poster.StatusCode);

        var channels = await Portal.WithDbAsync(db => db.NoticeChannels.Where(c => c.NoticeId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([PublicityChannel.Portal, PublicityChannel.Poster], channels.Select(c => c.Channel));
        Assert.Equal(("青石社区 3 号楼公告栏", new DateOnly(2027, 1, 5)), (channels[1].Where, channels[1].SentOn));
        Assert.Contains("青石社区 3 号楼公告栏", await staff.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_community_cannot_manage_its_notices()
    {
        var outsider = await Portal.NewUserClientAsync("yangguang.notices", 1, "Staff");
        var id = await NoticeOfAsync("青少年暑期托管");

        foreach (var page in new[] { $"/notices/{id}/manage", $"/notices/{id}/edit" })
        {
            Assert.StartsWith("/account/access-denied", (await outsider.GetAsync(page)).RedirectPath() ?? page, StringComparison.Ordinal);
        }
        var withdraw = await outsider.PostFormAsync("/notices", $"/notices/{id}/withdraw", []);
        Assert.StartsWith("/account/access-denied", withdraw.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.Published, await Portal.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_board_searches_several_words_and_every_one_must_match()
    {
        var anonymous = Portal.CreateAnonymousClient();

        var both = await anonymous.GetStringAsync("/notices?q=" + Uri.EscapeDataString("托管 青石"));
        var none = await anonymous.GetStringAsync("/notices?q=" + Uri.EscapeDataString("托管 书法"));

        Assert.Contains("青少年暑期托管开始报名啦", both, StringComparison.Ordinal);
        Assert.DoesNotContain("青少年暑期托管开始报名啦", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_public_pages_are_served_from_the_cache_and_compressed_but_signed_in_pages_are_not()
    {
        var anonymous = Portal.CreateAnonymousClient();
        await Portal.EvictPublicCacheAsync();
        var (_, first) = await Portal.CountCommandsAsync(anonymous, "/notices");
        var (_, second) = await Portal.CountCommandsAsync(anonymous, "/notices");
        Assert.True(first > 0);
        Assert.Equal(0, second);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/notices");
        compressed.Headers.AcceptEncoding.ParseAdd("br");
        var response = await anonymous.SendAsync(compressed);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));

        var staff = await Portal.ClientForAsync("staff");
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/notices");
        signedIn.Headers.AcceptEncoding.ParseAdd("br");
        var staffResponse = await staff.SendAsync(signedIn);
        Assert.Empty(staffResponse.Content.Headers.ContentEncoding);
        var (_, staffSecond) = await Portal.CountCommandsAsync(staff, "/notices");
        Assert.True(staffSecond > 0);
    }

    [Fact]
    public async Task Fingerprinted_static_files_are_cached_for_a_year()
    {
        var anonymous = Portal.CreateAnonymousClient();
        var html = await anonymous.GetStringAsync("/");
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(css);

        var fingerprinted = await anonymous.GetAsync(System.Net.WebUtility.HtmlDecode(css));
        var plain = await anonymous.GetAsync("/css/site.css");

        Assert.Equal("public, max-age=31536000, immutable", fingerprinted.Headers.CacheControl?.ToString());
        Assert.True(plain.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task A_posted_field_named_like_the_route_id_does_not_redirect_the_action_to_another_record()
    {
        var staff = await Portal.ClientForAsync("staff");
        var target = await NoticeOfAsync("青少年暑期托管");
        var other = await NoticeOfAsync("物业维修便民服务");

        var response = await staff.PostFormAsync($"/notices/{target}/manage", $"/notices/{target}/withdraw", new() { ["id"] = other.ToString() });

        Assert.Equal($"/notices/{target}/manage", response.RedirectPath());
        var statuses = await Portal.WithDbAsync(db => db.Notices.Where(n => n.Id == target || n.Id == other).ToDictionaryAsync(n => n.Id, n => n.Status));
        Assert.Equal(NoticeStatus.Withdrawn, statuses[target]);
        Assert.Equal(NoticeStatus.Published, statuses[other]);
    }

    [Fact]
    public async Task A_closed_projects_notice_leaves_the_board()
    {
        var closed = await NoticeOfAsync("老年人助餐服务");
        var anonymous = Portal.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{closed}")).StatusCode);
        Assert.DoesNotContain("老年人助餐服务开始报名啦", await anonymous.GetStringAsync("/notices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_registers_on_the_way_to_a_sign_up_comes_back_to_it()
    {
        var anonymous = Portal.CreateAnonymousClient();
        var notice = await NoticeOfAsync("青少年暑期托管");
        var signUp = $"/notices/{notice}/signup?session=1";
        var login = (await anonymous.GetAsync(signUp)).RedirectPath()!;
        var loginPage = await anonymous.GetStringAsync(login);
        var register = System.Text.RegularExpressions.Regex.Match(loginPage, "href=\"(/account/register\\?returnUrl=[^\"]*)\"").Groups[1].Value;

        var response = await anonymous.SubmitFormAsync(System.Net.WebUtility.HtmlDecode(register), "/account/register", new()
        {
            ["UserName"] = "newcomer", ["DisplayName"] = "新居民", ["CommunityId"] = "1", ["Password"] = "a long pass phrase", ["ConfirmPassword"] = "a long pass phrase",
        });

        Assert.Equal(signUp, response.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(signUp)).StatusCode);
    }
}
