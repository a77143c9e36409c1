using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

public class PublicPageTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_home_page_is_in_chinese_by_default()
    {
        var html = await Portal.CreateAnonymousClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("社区服务中心", html, StringComparison.Ordinal);
        Assert.Contains("最新服务通知", html, StringComparison.Ordinal);
        Assert.Contains("社区福利服务", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switcher_remembers_english()
    {
        var client = Portal.CreateAnonymousClient();

        var switched = await client.GetAsync("/culture?c=en&returnUrl=%2Fnotices");
        Assert.Equal("/notices", switched.RedirectPath());
        var html = await client.GetStringAsync("/notices");

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Service notices", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_larger_text_mode_is_remembered_on_every_page_until_switched_off()
    {
        var client = Portal.CreateAnonymousClient();
        Assert.DoesNotContain("large-display", await client.GetStringAsync("/"), StringComparison.Ordinal);

        Assert.Equal("/notices", (await client.GetAsync("/display?large=true&returnUrl=%2Fnotices")).RedirectPath());
        var html = await client.GetStringAsync("/notices");
        Assert.Contains("<body class=\"large-display\">", html, StringComparison.Ordinal);
        Assert.Contains("标准字体", html, StringComparison.Ordinal);

        await client.GetAsync("/display?large=false&returnUrl=%2F");
        Assert.DoesNotContain("large-display", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_does_not_redirect_to_another_site()
    {
        var response = await Portal.CreateAnonymousClient().GetAsync("/culture?c=en&returnUrl=https%3A%2F%2Fevil.example");

        Assert.Equal("/", response.RedirectPath());
    }

    [Fact]
    public async Task The_notice_board_finds_notices_by_chinese_words_and_shows_only_published_ones()
    {
        var client = Portal.CreateAnonymousClient();

        var found = await client.GetStringAsync("/notices?q=" + Uri.EscapeDataString("暑期托管"));
        var none = await client.GetStringAsync("/notices?q=" + Uri.EscapeDataString("不存在的服务"));

        Assert.Contains("青少年暑期托管开始报名啦", found, StringComparison.Ordinal);
        Assert.DoesNotContain("老年人助餐服务开始报名啦", found, StringComparison.Ordinal);
        Assert.Contains("没有符合条件的通知", none, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fee=Paid", "物业维修便民服务开始报名啦", "青少年暑期托管开始报名啦")]
    [InlineData("mode=AtHome", "残疾人康复上门服务开始报名啦", "青少年暑期托管开始报名啦")]
    [InlineData("mode=AtHome", "物业维修便民服务开始报名啦", "慢性病健康讲座开始报名啦")]
    [InlineData("mode=AtFacility", "青少年暑期托管开始报名啦", "残疾人康复上门服务开始报名啦")]
    [InlineData("group=Children", "青少年暑期托管开始报名啦", "物业维修便民服务开始报名啦")]
    [InlineData("community={和平社区}", "残疾人康复上门服务开始报名啦", "青少年暑期托管开始报名啦")]
    public async Task The_notice_board_filters_by_fee_delivery_group_and_community(string filter, string shown, string hidden)
    {
        var heping = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == "和平社区").Select(c => c.Id).SingleAsync());

        var html = await Portal.CreateAnonymousClient().GetStringAsync("/notices?" + filter.Replace("{和平社区}", $"{heping}", StringComparison.Ordinal));

        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_prints_as_a_poster_with_a_qr_code_and_as_two_flyers_to_a_page()
    {
        var client = Portal.CreateAnonymousClient();
        var id = await Portal.WithDbAsync(db => db.Notices.Where(n => n.Title == "青少年暑期托管开始报名啦").Select(n => n.Id).SingleAsync());

        var poster = await client.GetStringAsync($"/notices/{id}/poster");
        var flyer = await client.GetStringAsync($"/notices/{id}/flyer");

        Assert.Contains("<h1>青少年暑期托管开始报名啦</h1>", poster, StringComparison.Ordinal);
        Assert.Contains("青石社区活动中心", poster, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/notices/{id}", poster, StringComparison.Ordinal);
        var qr = System.Text.RegularExpressions.Regex.Match(poster, "src=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value;
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(WebUtility.HtmlDecode(qr))[..4]);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(flyer, "<h1>青少年暑期托管开始报名啦</h1>"));
    }

    [Fact]
    public async Task A_draft_notice_is_not_public()
    {
        var id = await Portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.FirstAsync();
            var notice = new Data.Publicity.Notice { ProjectId = project.Id, Title = "未发布的通知", CreatedAt = DateTime.UtcNow };
            db.Notices.Add(notice);
            await db.SaveChangesAsync();
            return notice.Id;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await Portal.CreateAnonymousClient().GetAsync($"/notices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.CreateAnonymousClient().GetAsync($"/notices/{id}/poster")).StatusCode);
        Assert.DoesNotContain("未发布的通知", await Portal.CreateAnonymousClient().GetStringAsync("/notices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var client = Portal.CreateAnonymousClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [SqliteFact]
    public async Task The_sqlite_database_runs_in_wal_mode()
    {
        var mode = await Portal.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
    }
}

public class PublicPageSizeTests(PortalFactory portal) : PortalTest(portal)
{
    private const int Limit = 100 * 1024;

    /// <summary>A board of a thousand published notices, each with a long body: the public pages still stay under 100 KB of HTML.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/notices")]
    [InlineData("/notices?page=20")]
    [InlineData("/services")]
    [InlineData("/notices/{notice}")]
    [InlineData("/notices/{notice}/poster")]
    [InlineData("/notices/{notice}/flyer")]
    public async Task A_public_page_stays_under_100_kilobytes_of_html_on_a_large_board(string url)
    {
        var notice = await Portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Name == "青少年暑期托管").SingleAsync();
            var now = DateTime.UtcNow;
            var longest = new Data.Publicity.Notice();
            for (var i = 0; i < 1000; i++)
            {
                var n = new Data.Publicity.Notice
                {
                    ProjectId = project.Id, Title = $"服务通知 {i}：长者助餐与上门服务开始报名", Body = string.Concat(Enumerable.Repeat("本服务面向辖区内所有居民，欢迎报名参加。", 100)),
                    Audience = "辖区居民", Schedule = "每周二、周四上午", Place = "社区活动中心", Fee = "免费", HowToJoin = "在线报名或电话报名", Contact = "李社工 13800138000",
                    CreatedAt = now,
                };
                n.Publish(now.AddMinutes(-i));
                db.Notices.Add(n);
                longest = n;
            }
            await db.SaveChangesAsync();
            return longest.Id;
        });

        var response = await Portal.CreateAnonymousClient().GetAsync(url.Replace("{notice}", notice.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var html = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(html.Length, 1, Limit);
    }
}
