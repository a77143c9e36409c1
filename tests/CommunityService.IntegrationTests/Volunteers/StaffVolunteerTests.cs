using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.Data.Volunteers;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityService.IntegrationTests.Volunteers;

/// <summary>Staff's pages: hours per volunteer and per project for a period, one volunteer, and a project's shifts to confirm.</summary>
public class StaffVolunteerTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private Task<Shift> ShiftAsync(int id) => Portal.WithDbAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<DateOnly> LocalDayAsync(int session) => Portal.WithDbAsync(async db =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(await db.Sessions.Where(s => s.Id == session).Select(s => s.StartsAt).SingleAsync(), Beijing)));

    /// <summary>The hours per volunteer and per project as the page shows them, and the total.</summary>
    private async Task<(Dictionary<string, string> Volunteers, Dictionary<string, string> Projects, string Total)> HoursAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.BodyAsync());
        Dictionary<string, string> Table(string heading) =>
            document.QuerySelectorAll($"section[aria-labelledby='{heading}'] tbody tr")
                .Select(r => r.QuerySelectorAll("td"))
                .ToDictionary(cells => cells[0].TextContent.Trim(), cells => cells[cells.Length - 1].TextContent.Trim());
        return (Table("per-volunteer"), Table("per-project"), document.QuerySelector("#total-hours")!.TextContent.Trim());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Staff_see_the_confirmed_hours_per_volunteer_and_per_project_as_computed_by_hand()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");

        var (volunteers, projects, total) = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}");

        // 陈志愿 120 + 90, 王军 120 + 120, 李晓雨 60; logged and taken shifts, and staff on duty, do not count.
        Assert.Equal(new Dictionary<string, string> { ["王军"] = "4.0", ["陈志愿"] = "3.5", ["李晓雨"] = "1.0" }, volunteers);
        Assert.Equal(new Dictionary<string, string> { ["社区夜间巡逻志愿队"] = "8.5" }, projects);
        Assert.Equal("8.5 小时", total);
        var html = await staff.GetStringAsync($"/volunteers?project={demo.Patrol}");
        Assert.Contains("2 个岗位已填报", html, StringComparison.Ordinal);
        HtmlSafety.AssertNoActiveContent(html, "/volunteers");
    }

    [Fact]
    public async Task A_period_holds_both_of_its_days_and_nothing_outside_them()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var week2 = await LocalDayAsync(demo.Weeks[1]);

        var onlyWeek2 = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}&from={Day(week2)}&to={Day(week2)}");
        Assert.Equal(new Dictionary<string, string> { ["王军"] = "2.0", ["陈志愿"] = "1.5", ["李晓雨"] = "1.0" }, onlyWeek2.Volunteers);
        Assert.Equal("4.5 小时", onlyWeek2.Total);

        var beforeWeek2 = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}&to={Day(week2.AddDays(-1))}");
        Assert.Equal(new Dictionary<string, string> { ["王军"] = "2.0", ["陈志愿"] = "2.0" }, beforeWeek2.Volunteers);

        var fromWeek2 = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}&from={Day(week2)}");
        Assert.Equal("4.5 小时", fromWeek2.Total);

        var afterWeek2 = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}&from={Day(week2.AddDays(1))}");
        Assert.Empty(afterWeek2.Volunteers);
        Assert.Equal("0.0 小时", afterWeek2.Total);
    }

    [Fact]
    public async Task The_list_is_filtered_by_project_and_community_and_paged()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");

        Assert.Equal("8.5 小时", (await HoursAsync(staff, $"/volunteers?project={demo.Patrol}")).Total);
        Assert.Empty((await HoursAsync(staff, $"/volunteers?project={demo.Summer}")).Volunteers);
        Assert.Equal("8.5 小时", (await HoursAsync(staff, "/volunteers?community=2")).Total);
        Assert.Empty((await HoursAsync(staff, "/volunteers?community=1")).Projects);

        await Portal.WithDbAsync(async db =>
        {
            var staffId = demo.Staff;
            for (var i = 0; i < 25; i++)
            {
                var user = new Data.Identity.ApplicationUser { UserName = $"many{i}", DisplayName = $"志愿者{i:00}", CreatedAt = DateTime.UtcNow };
                db.Users.Add(user);
                db.Shifts.Add(new Shift
                {
                    SessionId = demo.Weeks[0], UserId = user.Id, IsVolunteer = true, Status = ShiftStatus.Confirmed, LoggedMinutes = 30, ConfirmedMinutes = 30,
                    ConfirmedById = staffId, TakenAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        });
        var first = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}");
        var second = await HoursAsync(staff, $"/volunteers?project={demo.Patrol}&page=2");
        Assert.Equal(20, first.Volunteers.Count);
        Assert.Equal(8, second.Volunteers.Count);
        Assert.Equal("21.0 小时", first.Total);
    }

    [Fact]
    public async Task The_excel_export_holds_the_same_totals()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");

        var response = await staff.GetAsync($"/volunteers/export.xlsx?project={demo.Patrol}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "志愿者").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["王军", "陈志愿", "李晓雨"], rows.Select(r => r["志愿者"].ToString()));
        Assert.Equal([4.0, 3.5, 1.0], rows.Select(r => Convert.ToDouble(r["小时"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Staff_open_a_volunteers_profile_shifts_and_hours_but_not_a_residents()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");

        var html = await staff.GetStringAsync($"/volunteers/{demo.Chen}");

        Assert.Contains("红十字会急救证", html, StringComparison.Ordinal);
        Assert.Equal("3.5", new HtmlParser().ParseDocument(html).QuerySelector("#total-hours")!.TextContent.Trim());
        Assert.Contains("21:00 提前离开", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/volunteers/{demo.Resident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/volunteers/nobody")).StatusCode);
    }

    [Fact]
    public async Task A_projects_shifts_list_logged_hours_first()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");

        var html = await staff.GetStringAsync($"/projects/{demo.Patrol}/shifts");

        var ids = new HtmlParser().ParseDocument(html).QuerySelectorAll("#shifts li[id^='shift-']").Select(li => li.Id).ToList();
        Assert.Equal(new[] { $"shift-{demo.ShiftOf(demo.Chen, 3)}", $"shift-{demo.ShiftOf(demo.Wang, 3)}" }.Order(), ids.Take(2).Order());
        Assert.Equal($"shift-{demo.ShiftOf(demo.Chen, 4)}", ids[2]);
        Assert.Equal(11 - 1, ids.Count);
        HtmlSafety.AssertNoActiveContent(html, "/projects/{id}/shifts");
    }

    [Fact]
    public async Task Staff_confirm_logged_hours_as_they_are_and_the_volunteer_sees_the_new_total()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var week3 = demo.ShiftOf(demo.Chen, 3);
        var page = $"/projects/{demo.Patrol}/shifts";

        var response = await staff.SubmitFormAsync(page, $"/shifts/{week3}/confirm");

        Assert.Equal($"{page}?page=1#shift-{week3}", response.RedirectPath());
        var shift = await ShiftAsync(week3);
        Assert.Equal((ShiftStatus.Confirmed, 120, demo.Staff), (shift.Status, shift.ConfirmedMinutes, shift.ConfirmedById));
        var volunteer = await Portal.ClientForAsync("volunteer");
        Assert.Contains("5.5 小时", await volunteer.GetStringAsync("/volunteer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_needs_a_note_and_comes_back_with_the_input_kept_without_one()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var week3 = demo.ShiftOf(demo.Wang, 3);
        var page = $"/projects/{demo.Patrol}/shifts";

        var refused = await staff.SubmitFormAsync(page, $"/shifts/{week3}/confirm", new() { ["Minutes"] = "100" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = new HtmlParser().ParseDocument(await refused.BodyAsync());
        var minutes = document.QuerySelector($"#confirm-minutes-{week3}")!;
        Assert.Equal("100", minutes.GetAttribute("value"));
        Assert.Contains("is-invalid", minutes.ClassName, StringComparison.Ordinal);
        Assert.Contains("更正时长需要在备注中说明原因。", document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ShiftStatus.Logged, (await ShiftAsync(week3)).Status);

        var corrected = await staff.SubmitFormAsync(page, $"/shifts/{week3}/confirm", new() { ["Minutes"] = "100", ["Note"] = "20:10 才到" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var shift = await ShiftAsync(week3);
        Assert.Equal((ShiftStatus.Confirmed, 100, 120, "20:10 才到"), (shift.Status, shift.ConfirmedMinutes, shift.LoggedMinutes, shift.Note));
        Assert.Equal("5.7", (await HoursAsync(staff, "/volunteers")).Volunteers["王军"]);
    }

    [Fact]
    public async Task Staff_confirm_a_shift_nobody_logged_only_with_the_minutes()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var week4 = demo.ShiftOf(demo.Chen, 4);
        var page = $"/projects/{demo.Patrol}/shifts";

        var refused = await staff.SubmitFormAsync(page, $"/shifts/{week4}/confirm");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("志愿者尚未填报时长", await refused.BodyAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync(page, $"/shifts/{week4}/confirm", new() { ["Minutes"] = "120" })).StatusCode);
        Assert.Equal(120, (await ShiftAsync(week4)).ConfirmedMinutes);
    }

    [Fact]
    public async Task Confirming_what_the_volunteer_changed_since_the_page_was_opened_is_a_clash_with_the_input_kept()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var week3 = demo.ShiftOf(demo.Chen, 3);
        var seen = (await ShiftAsync(week3)).Version;
        var volunteer = await Portal.ClientForAsync("volunteer");
        await volunteer.SubmitFormAsync("/volunteer", $"/volunteer/shifts/{week3}/log", new() { ["Minutes"] = "150" });

        var response = await staff.PostFormAsync($"/projects/{demo.Patrol}/shifts", $"/shifts/{week3}/confirm",
            new() { ["Minutes"] = "120", ["Note"] = "", ["Version"] = $"{seen}" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.BodyAsync());
        Assert.Equal("120", document.QuerySelector($"#confirm-minutes-{week3}")!.GetAttribute("value"));
        Assert.Contains("已填报：150 分钟", document.QuerySelector($"#shift-{week3}")!.TextContent, StringComparison.Ordinal);
        var shift = await ShiftAsync(week3);
        Assert.Equal((ShiftStatus.Logged, 150, (int?)null), (shift.Status, shift.LoggedMinutes, shift.ConfirmedMinutes));
    }

    [Fact]
    public async Task Staff_put_a_colleague_on_duty_once_and_only_at_the_projects_own_sessions()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var page = $"/projects/{demo.Patrol}/shifts";

        var added = await staff.PostFormAsync(page, page, new() { ["SessionId"] = $"{demo.Weeks[4]}", ["UserId"] = demo.Staff });
        Assert.Equal(page, added.RedirectPath());
        var twice = await staff.PostFormAsync(page, page, new() { ["SessionId"] = $"{demo.Weeks[4]}", ["UserId"] = demo.Staff });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("此人已在这个场次值班。", await twice.BodyAsync(), StringComparison.Ordinal);
        var elsewhere = await staff.PostFormAsync(page, page, new() { ["SessionId"] = $"{demo.SummerCourse}", ["UserId"] = demo.Staff });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var notStaff = await staff.PostFormAsync(page, page, new() { ["SessionId"] = $"{demo.Weeks[4]}", ["UserId"] = demo.Chen });
        Assert.Equal(HttpStatusCode.BadRequest, notStaff.StatusCode);
        Assert.Contains("请选择工作人员。", await notStaff.BodyAsync(), StringComparison.Ordinal);

        var onDuty = await Portal.WithDbAsync(db => db.Shifts.Where(s => s.SessionId == demo.Weeks[4] && !s.IsVolunteer).ToListAsync());
        Assert.Equal(demo.Staff, Assert.Single(onDuty).UserId);
        // Staff on duty take no volunteer place.
        var volunteer = await Portal.ClientForAsync("volunteer");
        Assert.Contains("还剩 2 个志愿岗位（共 3 个）", await volunteer.GetStringAsync("/volunteer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_set_how_many_volunteers_a_session_needs()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var staff = await Portal.ClientForAsync("staff");
        var page = $"/projects/{demo.Patrol}/shifts";
        var week6 = demo.Weeks[5];

        var changed = await staff.PostFormAsync(page, $"/sessions/{week6}/volunteers-needed", new() { ["VolunteersNeeded"] = "5" });
        Assert.Equal($"{page}#session-{week6}", changed.RedirectPath());
        Assert.Equal(5, await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == week6).Select(s => s.VolunteersNeeded).SingleAsync()));
        var volunteer = await Portal.ClientForAsync("volunteer");
        Assert.Contains("还剩 5 个志愿岗位（共 5 个）", await volunteer.GetStringAsync("/volunteer"), StringComparison.Ordinal);

        var bad = await staff.PostFormAsync(page, $"/sessions/{week6}/volunteers-needed", new() { ["VolunteersNeeded"] = "-1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("-1", new HtmlParser().ParseDocument(await bad.BodyAsync()).QuerySelector($"#needed-{week6}")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync(page, "/sessions/99999/volunteers-needed", new() { ["VolunteersNeeded"] = "1" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, $"/sessions/{week6}/volunteers-needed", new() { ["VolunteersNeeded"] = "0" })).StatusCode);
        Assert.DoesNotContain($"id=\"open-{week6}\"", await volunteer.GetStringAsync("/volunteer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_community_are_refused_its_hours_shifts_and_volunteers()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var outsider = await Portal.NewUserClientAsync("yangguang.volunteers", 1, "Staff");
        var week3 = demo.ShiftOf(demo.Wang, 3);

        foreach (var page in new[] { "/volunteers?community=2", $"/volunteers?project={demo.Patrol}", $"/volunteers/export.xlsx?community=2",
                     $"/projects/{demo.Patrol}/shifts", $"/volunteers/{demo.Wang}" })
        {
            Assert.StartsWith("/account/access-denied", (await outsider.GetAsync(page)).RedirectPath() ?? page, StringComparison.Ordinal);
        }
        var posts = new (string Action, Dictionary<string, string> Fields)[]
        {
            ($"/shifts/{week3}/confirm", new() { ["Minutes"] = "120", ["Version"] = $"{(await ShiftAsync(week3)).Version}" }),
            ($"/projects/{demo.Patrol}/shifts", new() { ["SessionId"] = $"{demo.Weeks[4]}", ["UserId"] = demo.Staff }),
            ($"/sessions/{demo.Weeks[4]}/volunteers-needed", new() { ["VolunteersNeeded"] = "9" }),
        };
        foreach (var (action, fields) in posts)
        {
            Assert.StartsWith("/account/access-denied", (await outsider.PostFormAsync("/volunteers", action, fields)).RedirectPath() ?? action, StringComparison.Ordinal);
        }
        Assert.Equal(ShiftStatus.Logged, (await ShiftAsync(week3)).Status);
        Assert.Equal(3, await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == demo.Weeks[4]).Select(s => s.VolunteersNeeded).SingleAsync()));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Shifts.CountAsync(s => s.SessionId == demo.Weeks[4] && !s.IsVolunteer)));

        // Their own list holds their community's hours only (阳光社区 runs no volunteer project); its own volunteer is theirs to see.
        var (volunteers, projects, total) = await HoursAsync(outsider, "/volunteers");
        Assert.Empty(volunteers);
        Assert.Empty(projects);
        Assert.Equal("0.0 小时", total);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/volunteers/{demo.Chen}")).StatusCode);
    }

    [Fact]
    public async Task Staff_of_the_projects_community_work_on_its_shifts()
    {
        var demo = await VolunteerDemo.LoadAsync(Portal);
        var own = await Portal.NewUserClientAsync("heping.volunteers", 2, "Staff");
        var page = $"/projects/{demo.Patrol}/shifts";

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(page)).StatusCode);
        Assert.Equal("8.5 小时", (await HoursAsync(own, "/volunteers")).Total);
        Assert.Equal(HttpStatusCode.Redirect, (await own.SubmitFormAsync(page, $"/shifts/{demo.ShiftOf(demo.Wang, 3)}/confirm")).StatusCode);
    }
}
