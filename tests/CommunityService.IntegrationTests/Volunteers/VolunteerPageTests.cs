using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data.Participation;
using CommunityService.Data.Volunteers;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Volunteers;

/// <summary>The volunteer's own pages: /volunteer, the profile, taking, cancelling and logging shifts, and the printed record.</summary>
public class VolunteerPageTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<Shift> ShiftAsync(int id) => Portal.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == id));

    private static string Text(string html, string selector) =>
        new HtmlParser().ParseDocument(html).QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No {selector}.");

    [Fact]
    public async Task A_resident_who_is_no_volunteer_is_refused_every_volunteer_page()
    {
        var resident = await Portal.ClientForAsync("resident");

        foreach (var page in new[] { "/volunteer", "/volunteer/profile", "/volunteer/hours/print" })
        {
            Assert.StartsWith("/account/access-denied", (await resident.GetAsync(page)).RedirectPath() ?? page, StringComparison.Ordinal);
        }
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var take = await resident.PostFormAsync("/me", $"/volunteer/shifts/{demo.Weeks[5]}/take", []);
        Assert.StartsWith("/account/access-denied", take.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Shifts.CountAsync(s => s.UserId == demo.Resident)));
    }

    [Fact]
    public async Task The_volunteer_sees_their_confirmed_hours_their_shifts_and_the_places_left()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");

        var html = await volunteer.GetStringAsync("/volunteer");

        // 120 + 90 confirmed; the 120 logged in week 3 waits for staff.
        Assert.Equal("3.5 小时", Text(html, "#confirmed-hours"));
        Assert.Contains("红十字会急救证", html, StringComparison.Ordinal);
        Assert.Contains("还剩 2 个志愿岗位（共 3 个）", Text(html, $"#open-{demo.Weeks[4]}"), StringComparison.Ordinal);
        Assert.Contains("还剩 3 个志愿岗位（共 3 个）", Text(html, $"#open-{demo.Weeks[5]}"), StringComparison.Ordinal);
        Assert.Contains("还剩 3 个志愿岗位（共 4 个）", Text(html, $"#open-{demo.SummerCourse}"), StringComparison.Ordinal);
        Assert.Contains("21:00 提前离开", Text(html, $"#shift-{demo.ShiftOf(demo.Chen, 2)}"), StringComparison.Ordinal);
        Assert.Contains("已填报", Text(html, $"#shift-{demo.ShiftOf(demo.Chen, 3)}"), StringComparison.Ordinal);
        // Week 4 has started and is not logged yet: a form to log it, and no way to cancel it any more.
        var week4 = new HtmlParser().ParseDocument(html).QuerySelector($"#shift-{demo.ShiftOf(demo.Chen, 4)}")!;
        Assert.NotNull(week4.QuerySelector($"form[action='/volunteer/shifts/{demo.ShiftOf(demo.Chen, 4)}/log']"));
        Assert.Null(week4.QuerySelector("form[action$='/cancel']"));
        HtmlSafety.AssertNoActiveContent(html, "/volunteer");
    }

    [Fact]
    public async Task A_volunteer_takes_a_shift_once_and_gives_it_back_before_it_starts()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var week6 = demo.Weeks[5];

        var taken = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{week6}/take", []);
        Assert.Equal("/volunteer#my-shifts", taken.RedirectPath());
        var again = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{week6}/take", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("您已认领这个场次的岗位。", await again.BodyAsync(), StringComparison.Ordinal);

        var shift = await Portal.WithDbAsync(db => db.Shifts.SingleAsync(s => s.SessionId == week6 && s.UserId == demo.Chen));
        Assert.Equal((true, ShiftStatus.Taken), (shift.IsVolunteer, shift.Status));
        var page = await volunteer.GetStringAsync("/volunteer");
        Assert.Null(new HtmlParser().ParseDocument(page).QuerySelector($"#open-{week6}"));

        var cancelled = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{shift.Id}/cancel", []);
        Assert.Equal("/volunteer#my-shifts", cancelled.RedirectPath());
        Assert.Equal(ShiftStatus.Cancelled, (await ShiftAsync(shift.Id)).Status);
        Assert.Equal("/volunteer#my-shifts", (await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{week6}/take", [])).RedirectPath());
    }

    [Fact]
    public async Task No_shift_is_taken_at_a_session_that_started_is_full_needs_nobody_or_is_unknown()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var full = await Portal.WithDbAsync(async db =>
        {
            var week5 = await db.Sessions.SingleAsync(s => s.Id == demo.Weeks[4]);
            week5.VolunteersNeeded = 1;
            var notNeeded = await db.Sessions.SingleAsync(s => s.Title == "家长说明会");
            await db.SaveChangesAsync();
            return (week5.Id, notNeeded.Id);
        });

        async Task Refused(int session, string message)
        {
            var response = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{session}/take", []);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.BodyAsync(), StringComparison.Ordinal);
        }
        await Refused(demo.Weeks[3], "这个场次已经开始。");
        await Refused(full.Item1, "这个场次的志愿岗位已全部被认领。");
        await Refused(full.Item2, "这个场次不需要志愿者。");
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.PostFormAsync("/volunteer", "/volunteer/shifts/99999/take", [])).StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Shifts.CountAsync(s => s.UserId == demo.Chen && s.Session!.StartsAt > DateTime.UtcNow)));
    }

    [Fact]
    public async Task A_started_shift_cannot_be_cancelled_and_someone_elses_shift_is_not_found()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");

        var late = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{demo.ShiftOf(demo.Chen, 4)}/cancel", []);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("这个场次已经开始。", await late.BodyAsync(), StringComparison.Ordinal);

        var wangsComing = demo.Shifts[(demo.Wang, demo.Weeks[4])];
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{wangsComing}/cancel", [])).StatusCode);
        Assert.Equal(ShiftStatus.Taken, (await ShiftAsync(wangsComing)).Status);
        Assert.Equal(ShiftStatus.Taken, (await ShiftAsync(demo.ShiftOf(demo.Chen, 4))).Status);
    }

    [Fact]
    public async Task The_volunteer_logs_minutes_for_a_past_shift_and_may_change_them_until_staff_confirm()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var week4 = demo.ShiftOf(demo.Chen, 4);
        var action = $"/volunteer/shifts/{week4}/log";

        var logged = await volunteer.SubmitFormAsync("/volunteer", action, new() { ["Minutes"] = "100" });
        Assert.Equal($"/volunteer#shift-{week4}", logged.RedirectPath());
        var changed = await volunteer.SubmitFormAsync("/volunteer", action, new() { ["Minutes"] = "110" });
        Assert.Equal($"/volunteer#shift-{week4}", changed.RedirectPath());

        var shift = await ShiftAsync(week4);
        Assert.Equal((ShiftStatus.Logged, 110, (int?)null), (shift.Status, shift.LoggedMinutes, shift.ConfirmedMinutes));
        // Logged minutes are not hours yet: the total stays with what staff confirmed.
        Assert.Equal("3.5 小时", Text(await volunteer.GetStringAsync("/volunteer"), "#confirmed-hours"));

        var confirmed = demo.ShiftOf(demo.Chen, 1);
        var refused = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{confirmed}/log", new() { ["Minutes"] = "600", ["Version"] = $"{(await ShiftAsync(confirmed)).Version}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("这些时长已不能修改", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(120, (await ShiftAsync(confirmed)).ConfirmedMinutes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    [InlineData("")]
    [InlineData("两小时")]
    public async Task Minutes_outside_one_to_1440_come_back_with_a_message_and_the_input_kept(string minutes)
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var week4 = demo.ShiftOf(demo.Chen, 4);

        var response = await volunteer.SubmitFormAsync("/volunteer", $"/volunteer/shifts/{week4}/log", new() { ["Minutes"] = minutes });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.BodyAsync());
        Assert.Contains("is-invalid", document.QuerySelector($"#minutes-{week4}")!.ClassName, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector($"#shift-{week4} .text-danger")!.TextContent));
        Assert.Equal(ShiftStatus.Taken, (await ShiftAsync(week4)).Status);
    }

    [Fact]
    public async Task Hours_cannot_be_logged_before_the_session_starts()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{demo.Weeks[5]}/take", []);
        var coming = await Portal.WithDbAsync(db => db.Shifts.SingleAsync(s => s.UserId == demo.Chen && s.SessionId == demo.Weeks[5]));

        var response = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{coming.Id}/log", new() { ["Minutes"] = "60", ["Version"] = $"{coming.Version}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("场次开始后才能填报时长。", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Null((await ShiftAsync(coming.Id)).LoggedMinutes);
    }

    [Fact]
    public async Task A_volunteer_cannot_log_hours_on_someone_elses_shift_nor_confirm_any()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var wangs = demo.ShiftOf(demo.Wang, 3);
        var before = await ShiftAsync(wangs);

        var log = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{wangs}/log", new() { ["Minutes"] = "600", ["Version"] = $"{before.Version}" });
        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
        var confirm = await volunteer.PostFormAsync("/volunteer", $"/shifts/{demo.ShiftOf(demo.Chen, 3)}/confirm", new() { ["Minutes"] = "600", ["Version"] = "0" });
        Assert.StartsWith("/account/access-denied", confirm.RedirectPath() ?? "", StringComparison.Ordinal);

        Assert.Equal(120, (await ShiftAsync(wangs)).LoggedMinutes);
        Assert.Equal(ShiftStatus.Logged, (await ShiftAsync(demo.ShiftOf(demo.Chen, 3))).Status);
    }

    [Fact]
    public async Task Fields_posted_beside_the_minutes_are_ignored_so_a_volunteer_cannot_confirm_their_own_hours()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var week4 = demo.ShiftOf(demo.Chen, 4);

        var response = await volunteer.SubmitFormAsync("/volunteer", $"/volunteer/shifts/{week4}/log", new()
        {
            ["Minutes"] = "100", ["ConfirmedMinutes"] = "1440", ["Status"] = "Confirmed", ["ConfirmedById"] = demo.Staff, ["IsVolunteer"] = "false",
            ["UserId"] = demo.Wang, ["SessionId"] = $"{demo.Weeks[0]}", ["Id"] = $"{demo.ShiftOf(demo.Wang, 3)}", ["Note"] = "自己确认",
        });

        Assert.Equal($"/volunteer#shift-{week4}", response.RedirectPath());
        var shift = await ShiftAsync(week4);
        Assert.Equal((ShiftStatus.Logged, 100, (int?)null, (string?)null, true, demo.Chen, demo.Weeks[3], ""),
            (shift.Status, shift.LoggedMinutes, shift.ConfirmedMinutes, shift.ConfirmedById, shift.IsVolunteer, shift.UserId, shift.SessionId, shift.Note));
        Assert.Equal(120, (await ShiftAsync(demo.ShiftOf(demo.Wang, 3))).LoggedMinutes);
    }

    [Fact]
    public async Task A_stale_log_form_is_a_clash_with_the_input_kept()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var volunteer = await Portal.ClientForAsync("volunteer");
        var week3 = demo.ShiftOf(demo.Chen, 3);
        var stale = (await ShiftAsync(week3)).Version;
        await volunteer.SubmitFormAsync("/volunteer", $"/volunteer/shifts/{week3}/log", new() { ["Minutes"] = "130" });

        var response = await volunteer.PostFormAsync("/volunteer", $"/volunteer/shifts/{week3}/log", new() { ["Minutes"] = "95", ["Version"] = $"{stale}" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.BodyAsync());
        Assert.Equal("95", document.QuerySelector($"#minutes-{week3}")!.GetAttribute("value"));
        Assert.Equal(130, (await ShiftAsync(week3)).LoggedMinutes);
    }

    [Fact]
    public async Task The_volunteer_keeps_a_profile_of_skills_and_free_times()
    {
        var volunteer = await Portal.ClientForAsync("volunteer");
        var demo = await VolunteerDemo.LoadAsync(Portal);

        var empty = await volunteer.SubmitFormAsync("/volunteer/profile", "/volunteer/profile", new() { ["Skills"] = "会修自行车", ["Availability"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var body = await empty.BodyAsync();
        Assert.Contains("请填写您有空参加志愿服务的时间。", body, StringComparison.Ordinal);
        Assert.Contains("会修自行车", body, StringComparison.Ordinal);

        var stale = await Portal.WithDbAsync(db => db.VolunteerProfiles.Where(p => p.UserId == demo.Chen).Select(p => p.Version).SingleAsync());
        var saved = await volunteer.SubmitFormAsync("/volunteer/profile", "/volunteer/profile", new() { ["Skills"] = "会修自行车", ["Availability"] = "周六上午" });
        Assert.Equal("/volunteer", saved.RedirectPath());
        var profile = await Portal.WithDbAsync(db => db.VolunteerProfiles.SingleAsync(p => p.UserId == demo.Chen));
        Assert.Equal(("会修自行车", "周六上午"), (profile.Skills, profile.Availability));

        var clash = await volunteer.PostFormAsync("/volunteer/profile", "/volunteer/profile", new() { ["Skills"] = "旧页面", ["Availability"] = "周日", ["Version"] = $"{stale}" });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("旧页面", await clash.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal("周六上午", await Portal.WithDbAsync(db => db.VolunteerProfiles.Where(p => p.UserId == demo.Chen).Select(p => p.Availability).SingleAsync()));
    }

    [Fact]
    public async Task A_new_volunteer_fills_in_a_first_profile()
    {
        var newcomer = await Portal.NewUserClientAsync("xin.zhiyuan", 3, "Resident", "Volunteer");

        Assert.Contains("填写我的志愿者资料", await newcomer.GetStringAsync("/volunteer"), StringComparison.Ordinal);
        var saved = await newcomer.SubmitFormAsync("/volunteer/profile", "/volunteer/profile", new() { ["Availability"] = "周末" });

        Assert.Equal("/volunteer", saved.RedirectPath());
        Assert.Equal("周末", await Portal.WithDbAsync(db => db.VolunteerProfiles.Where(p => p.Availability == "周末").Select(p => p.Availability).SingleAsync()));
        Assert.Contains("0.0 小时", await newcomer.GetStringAsync("/volunteer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_record_lists_each_confirmed_shift_with_who_confirmed_it_and_the_total()
    {
        var volunteer = await Portal.ClientForAsync("volunteer");

        var response = await volunteer.GetAsync("/volunteer/hours/print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("幸福街道办事处", document.QuerySelector(".issuer")!.TextContent.Trim());
        Assert.Equal("陈志愿", document.QuerySelector(".subtitle")!.TextContent.Trim());
        var rows = document.QuerySelectorAll("table.grid tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["社区夜间巡逻志愿队", "夜间巡逻·第一周", "2.0", "李社工"], rows[0].Skip(1));
        Assert.Equal(["社区夜间巡逻志愿队", "夜间巡逻·第二周", "1.5", "李社工"], rows[1].Skip(1));
        Assert.Equal("3.5", document.QuerySelector("#total-hours")!.TextContent.Trim());
        Assert.Contains("/css/print.css", html, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("[style], style"));
        HtmlSafety.AssertNoActiveContent(html, "/volunteer/hours/print");

        var none = new HtmlParser().ParseDocument(await volunteer.GetStringAsync("/volunteer/hours/print?from=2000-01-01&to=2000-12-31"));
        Assert.Empty(none.QuerySelectorAll("table.grid tbody tr"));
    }

    [Fact]
    public async Task Volunteers_racing_for_the_last_places_never_overfill_a_session()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var session = await Portal.WithDbAsync(async db =>
        {
            var last = new ServiceSession(10)
            {
                ProjectId = demo.Patrol, Title = "加派巡逻", Place = "和平社区", StartsAt = DateTime.UtcNow.AddDays(3), EndsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
                CreatedAt = DateTime.UtcNow, VolunteersNeeded = 2,
            };
            db.Sessions.Add(last);
            await db.SaveChangesAsync();
            return last.Id;
        });
        const int Volunteers = 10;
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < Volunteers; i++)
        {
            var client = await Portal.NewUserClientAsync($"runner{i}", 2, "Resident", "Volunteer");
            clients.Add((client, await HttpForms.TokenFromAsync(client, "/volunteer")));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.Client.PostAsync($"/volunteer/shifts/{session}/take",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = c.Token }))));

        Assert.Equal(2, responses.Count(r => r.RedirectPath() == "/volunteer#my-shifts"));
        Assert.Equal(Volunteers - 2, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.Shifts.CountAsync(s => s.SessionId == session && s.Status != ShiftStatus.Cancelled)));
    }
}
