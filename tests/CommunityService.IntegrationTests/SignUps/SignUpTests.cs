using System.Net;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.SignUps;

/// <summary>
/// 青少年暑期托管's notice has a course with places left (`resident` already holds one) and a parents' meeting that is
/// full: 赵秀兰 and 孙女士 hold its two places, 钱先生 waits.
/// </summary>
public class SignUpTests(PortalFactory portal) : PortalTest(portal)
{
    private sealed record Demo(int Notice, int Course, int Meeting);

    private Task<Demo> DemoAsync() => Portal.WithDbAsync(async db => new Demo(
        await db.Notices.Where(n => n.Project!.Name == "青少年暑期托管").Select(n => n.Id).FirstAsync(),
        await db.Sessions.Where(s => s.Title.StartsWith("暑期托管")).Select(s => s.Id).SingleAsync(),
        await db.Sessions.Where(s => s.Title == "家长说明会").Select(s => s.Id).SingleAsync()));

    private static string SignUpPage(Demo demo, int session) => $"/notices/{demo.Notice}/signup?session={session}";

    private Task<List<SignUp>> ListAsync(int session) =>
        Portal.WithDbAsync(db => db.SignUps.Where(s => s.SessionId == session).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync());

    private Task<int> TakenAsync(int session) => Portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == session).Select(s => s.PlacesTaken).SingleAsync());

    [Fact]
    public async Task A_resident_signs_up_with_the_form_filled_from_their_account_and_gets_a_place()
    {
        var demo = await DemoAsync();
        var resident = await Portal.NewUserClientAsync("li.nainai", 3, "Resident");
        var page = SignUpPage(demo, demo.Course);
        var form = await resident.GetStringAsync(page);
        Assert.Contains("value=\"li.nainai\"", form, StringComparison.Ordinal);
        Assert.Contains("低偿，300 元", form, StringComparison.Ordinal);

        var response = await resident.SubmitFormAsync(page, page, new() { ["Phone"] = "139 1234 5678", ["Note"] = "孩子 8 岁" });

        Assert.Equal("/me", response.RedirectPath());
        var mine = (await ListAsync(demo.Course)).Single(s => s.Name == "li.nainai");
        Assert.Equal((SignUpStatus.Registered, SignUpChannel.Online, "139 1234 5678", "孩子 8 岁"), (mine.Status, mine.Channel, mine.Phone, mine.Note));
        Assert.Equal(5, await TakenAsync(demo.Course));
        Assert.Contains("您已报名：已报名", await resident.GetStringAsync($"/notices/{demo.Notice}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_session_puts_the_resident_on_the_waiting_list_and_says_their_number()
    {
        var demo = await DemoAsync();
        var resident = await Portal.NewUserClientAsync("wang.daye", 3, "Resident");
        var page = SignUpPage(demo, demo.Meeting);
        Assert.Contains("名额已满", await resident.GetStringAsync(page), StringComparison.Ordinal);

        var response = await resident.SubmitFormAsync(page, page, new() { ["Phone"] = "13912345678" });

        Assert.Equal("/me", response.RedirectPath());
        Assert.Equal(SignUpStatus.Waiting, (await ListAsync(demo.Meeting)).Single(s => s.Name == "wang.daye").Status);
        Assert.Equal(2, await TakenAsync(demo.Meeting));
        var flash = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
        Assert.NotEmpty(flash);
    }

    [Fact]
    public async Task Signing_up_twice_is_refused_plainly_and_adds_nothing()
    {
        var demo = await DemoAsync();
        var resident = await Portal.ClientForAsync("resident");
        var page = SignUpPage(demo, demo.Course);

        var response = await resident.SubmitFormAsync(page, page, new() { ["Phone"] = "138 0000 1001" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("您已经报名了本场次", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(4, (await ListAsync(demo.Course)).Count);
    }

    [Fact]
    public async Task A_bad_phone_number_comes_back_with_a_message_and_the_typed_values()
    {
        var demo = await DemoAsync();
        var resident = await Portal.NewUserClientAsync("chen.shushu", 3, "Resident");
        var page = SignUpPage(demo, demo.Course);

        var response = await resident.SubmitFormAsync(page, page, new() { ["Phone"] = "打电话给我", ["Note"] = "下午才有空" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("请输入电话号码", html, StringComparison.Ordinal);
        Assert.Contains("value=\"打电话给我\"", html, StringComparison.Ordinal);
        Assert.Contains("下午才有空", html, StringComparison.Ordinal);
        Assert.Equal(4, (await ListAsync(demo.Course)).Count);
    }

    [Fact]
    public async Task Extra_fields_cannot_give_a_place_or_sign_someone_else_up()
    {
        var demo = await DemoAsync();
        var resident = await Portal.NewUserClientAsync("sneaky", 3, "Resident");
        var victim = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync());
        var page = SignUpPage(demo, demo.Meeting);

        await resident.SubmitFormAsync(page, page, new()
        {
            ["Phone"] = "13912345678", ["Status"] = "Registered", ["ResidentId"] = victim, ["Channel"] = "Phone", ["SessionId"] = demo.Course.ToString(),
        });

        var row = (await ListAsync(demo.Meeting)).Single(s => s.Name == "sneaky");
        Assert.Equal(SignUpStatus.Waiting, row.Status);
        Assert.Equal(SignUpChannel.Online, row.Channel);
        Assert.NotEqual(victim, row.ResidentId);
        Assert.Equal(4, (await ListAsync(demo.Course)).Count);
    }

    [Fact]
    public async Task A_cancelled_place_goes_to_the_first_in_line_and_then_to_the_next()
    {
        var demo = await DemoAsync();
        var resident = await Portal.NewUserClientAsync("xu.ayi", 3, "Resident");
        var page = SignUpPage(demo, demo.Meeting);
        await resident.SubmitFormAsync(page, page, new() { ["Phone"] = "13912345678" });
        var staff = await Portal.ClientForAsync("staff");
        var list = await ListAsync(demo.Meeting);
        int IdOf(string name) => list.Single(s => s.Name == name).Id;

        var first = await staff.PostFormAsync($"/sessions/{demo.Meeting}", $"/signups/{IdOf("孙女士")}/cancel", []);
        Assert.Equal($"/sessions/{demo.Meeting}", first.RedirectPath());
        list = await ListAsync(demo.Meeting);
        Assert.Equal(SignUpStatus.Registered, list.Single(s => s.Name == "钱先生").Status);
        Assert.Equal(SignUpStatus.Waiting, list.Single(s => s.Name == "xu.ayi").Status);

        await staff.PostFormAsync($"/sessions/{demo.Meeting}", $"/signups/{IdOf("赵秀兰")}/cancel", []);

        list = await ListAsync(demo.Meeting);
        var promoted = list.Single(s => s.Name == "xu.ayi");
        Assert.Equal(SignUpStatus.Registered, promoted.Status);
        Assert.NotNull(promoted.PromotedAt);
        Assert.Equal(2, await TakenAsync(demo.Meeting));
        Assert.Contains("您已报名：已报名", await resident.GetStringAsync($"/notices/{demo.Notice}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_cancels_their_own_sign_up_but_not_someone_elses()
    {
        var demo = await DemoAsync();
        var resident = await Portal.ClientForAsync("resident");
        var other = await Portal.NewUserClientAsync("nosy", 1, "Resident");
        var mine = (await ListAsync(demo.Course)).Single(s => s.Name.StartsWith("张阿姨", StringComparison.Ordinal));

        var refused = await other.PostFormAsync("/", $"/signups/{mine.Id}/cancel", []);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(SignUpStatus.Registered, (await ListAsync(demo.Course)).Single(s => s.Id == mine.Id).Status);

        var cancelled = await resident.PostFormAsync("/", $"/signups/{mine.Id}/cancel", []);
        Assert.Equal("/me", cancelled.RedirectPath());
        Assert.Equal(SignUpStatus.Cancelled, (await ListAsync(demo.Course)).Single(s => s.Id == mine.Id).Status);
        Assert.Equal(3, await TakenAsync(demo.Course));

        var again = await resident.PostFormAsync("/", $"/signups/{mine.Id}/cancel", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(3, await TakenAsync(demo.Course));
    }

    [Fact]
    public async Task Many_residents_racing_for_the_last_places_never_overfill_the_session()
    {
        var demo = await DemoAsync();
        var session = await Portal.WithDbAsync(async db =>
        {
            var project = await db.Sessions.Where(s => s.Id == demo.Course).Select(s => s.ProjectId).SingleAsync();
            var last = new ServiceSession(3)
            {
                ProjectId = project, Title = "最后三个名额", Place = "活动室", StartsAt = DateTime.UtcNow.AddDays(3), EndsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
                CreatedAt = DateTime.UtcNow,
            };
            db.Sessions.Add(last);
            await db.SaveChangesAsync();
            return last.Id;
        });
        var page = SignUpPage(demo, session);
        const int Residents = 16;
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < Residents; i++)
        {
            var client = await Portal.NewUserClientAsync($"racer{i}", 3, "Resident");
            clients.Add((client, await HttpForms.TokenFromAsync(client, page)));
        }

        Portal.Commands.Reset(recordTexts: true);
        var responses = await Task.WhenAll(clients.Select((c, i) => c.Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "抢名额" + (char)('甲' + i), ["Phone"] = "13912345678", ["__RequestVerificationToken"] = c.Token,
        }))));

        Assert.All(responses, r => Assert.Equal("/me", r.RedirectPath()));
        var list = await ListAsync(session);
        Assert.Equal(Residents, list.Count);
        Assert.Equal(3, list.Count(s => s.Status == SignUpStatus.Registered));
        Assert.Equal(Residents - 3, list.Count(s => s.Status == SignUpStatus.Waiting));
        Assert.Equal(3, await TakenAsync(session));
        Assert.All(list.Take(3), s => Assert.Equal(SignUpStatus.Registered, s.Status));
        var saves = Portal.Commands.CountOf("UPDATE \"Sessions\"");
        if (TestDatabase.IsPostgres)
        {
            // Without the in-process queue (the PostgreSQL run) the database alone decides: the losers of a clash on the session's
            // token retried, and the list above is still exact.
            Assert.True(saves >= Residents, $"{saves} saves of the session");
        }
        else
        {
            // The sign-ups queued for the session in the app: each saved once, none failed on the session's token and retried.
            Assert.Equal(Residents, saves);
        }
    }

    [Fact]
    public async Task Staff_add_people_who_came_in_or_called_and_more_places_promote_the_waiting_list()
    {
        var demo = await DemoAsync();
        var staff = await Portal.ClientForAsync("staff");
        var page = $"/sessions/{demo.Meeting}";

        var added = await staff.PostFormAsync(page, $"{page}/signups", new() { ["Name"] = "马奶奶", ["Phone"] = "010-6000 8888", ["Channel"] = "Phone" });
        Assert.Equal(page, added.RedirectPath());
        var online = await staff.PostFormAsync(page, $"{page}/signups", new() { ["Name"] = "假装网上", ["Phone"] = "13912345678", ["Channel"] = "Online" });
        Assert.Equal(HttpStatusCode.BadRequest, online.StatusCode);

        var more = await staff.PostFormAsync(page, $"{page}/capacity", new() { ["Capacity"] = "3" });
        Assert.Equal(page, more.RedirectPath());

        var list = await ListAsync(demo.Meeting);
        Assert.Equal(SignUpStatus.Registered, list.Single(s => s.Name == "钱先生").Status);
        var ma = list.Single(s => s.Name == "马奶奶");
        Assert.Equal((SignUpStatus.Waiting, SignUpChannel.Phone), (ma.Status, ma.Channel));
        Assert.Equal(3, await TakenAsync(demo.Meeting));
        var html = await staff.GetStringAsync(page);
        Assert.Contains("马奶奶", html, StringComparison.Ordinal);
        Assert.Contains("已报名 3 / 3", html, StringComparison.Ordinal);

        var confirm = await staff.PostFormAsync(page, $"/signups/{list.Single(s => s.Name == "钱先生").Id}/confirm", []);
        Assert.Equal(page, confirm.RedirectPath());
        var waitingConfirm = await staff.PostFormAsync(page, $"/signups/{ma.Id}/confirm", []);
        Assert.Equal(HttpStatusCode.BadRequest, waitingConfirm.StatusCode);
    }

    [Fact]
    public async Task Staff_add_a_session_and_residents_see_it_on_the_notice()
    {
        var demo = await DemoAsync();
        var staff = await Portal.ClientForAsync("staff");
        var project = await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == demo.Course).Select(s => s.ProjectId).SingleAsync());
        var page = $"/projects/{project}/sessions";
        var start = DateTime.UtcNow.AddHours(8).AddDays(10);

        var bad = await staff.SubmitFormAsync(page, page, new() { ["Title"] = "第二期", ["StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm"), ["EndsAt"] = start.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"), ["Capacity"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.BodyAsync();
        Assert.Contains("场次的结束时间必须晚于开始时间", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"第二期\"", badHtml, StringComparison.Ordinal);

        var good = await staff.SubmitFormAsync(page, page, new() { ["Title"] = "暑期托管·第二期", ["StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm"), ["EndsAt"] = start.AddDays(20).ToString("yyyy-MM-ddTHH:mm"), ["Capacity"] = "25" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var html = await Portal.CreateAnonymousClient().GetStringAsync($"/notices/{demo.Notice}");
        Assert.Contains("暑期托管·第二期", html, StringComparison.Ordinal);
        Assert.Contains("剩余名额 25 / 25", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_community_cannot_see_or_change_the_list()
    {
        var demo = await DemoAsync();
        var outsider = await Portal.NewUserClientAsync("yangguang.lists", 1, "Staff");

        Assert.StartsWith("/account/access-denied", (await outsider.GetAsync($"/sessions/{demo.Meeting}")).RedirectPath() ?? "", StringComparison.Ordinal);
        var signUp = (await ListAsync(demo.Meeting))[0];
        var cancel = await outsider.PostFormAsync("/", $"/signups/{signUp.Id}/cancel", []);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(SignUpStatus.Registered, (await ListAsync(demo.Meeting))[0].Status);
    }

    [Fact]
    public async Task A_closed_session_and_a_home_only_service_take_no_sign_ups()
    {
        var demo = await DemoAsync();
        var resident = await Portal.NewUserClientAsync("late.comer", 3, "Resident");
        var page = SignUpPage(demo, demo.Meeting);
        var token = await HttpForms.TokenFromAsync(resident, page);
        await Portal.WithDbAsync(async db =>
        {
            var meeting = await db.Sessions.SingleAsync(s => s.Id == demo.Meeting);
            meeting.StartsAt = DateTime.UtcNow.AddMinutes(-5);
            await db.SaveChangesAsync();
        });

        var closed = await resident.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "late.comer", ["Phone"] = "13912345678", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("本场次报名已截止", await closed.BodyAsync(), StringComparison.Ordinal);

        var homeOnly = await Portal.WithDbAsync(db => db.Notices.Where(n => n.Project!.Name == "物业维修便民服务").Select(n => n.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/notices/{homeOnly}/signup?session={demo.Course}")).StatusCode);
    }

    [Fact]
    public async Task A_weekly_series_adds_one_session_a_week_at_the_same_local_time()
    {
        var demo = await DemoAsync();
        var staff = await Portal.ClientForAsync("staff");
        var project = await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == demo.Course).Select(s => s.ProjectId).SingleAsync());
        var page = $"/projects/{project}/sessions";

        var response = await staff.SubmitFormAsync(page, page, new()
        {
            ["Title"] = "亲子阅读", ["StartsAt"] = "2027-03-02T09:00", ["EndsAt"] = "2027-03-02T10:30", ["Capacity"] = "15", ["Weeks"] = "8",
        });

        Assert.Equal(page, response.RedirectPath());
        var series = await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Title.StartsWith("亲子阅读")).OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(8, series.Count);
        Assert.Equal(new DateTime(2027, 3, 2, 1, 0, 0), series[0].StartsAt);
        Assert.Equal(new DateTime(2027, 4, 20, 1, 0, 0), series[7].StartsAt);
        Assert.Equal("亲子阅读（第 8/8 次）", series[7].Title);
        Assert.All(series, s => Assert.Equal((15, TimeSpan.FromMinutes(90)), (s.Capacity, s.EndsAt - s.StartsAt)));
    }
}
