using System.Net;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Execution;

/// <summary>The parents' meeting of 青少年暑期托管 (赵秀兰 and 孙女士 have places), moved into the past so it can be held.</summary>
public class AttendanceTests(PortalFactory portal) : PortalTest(portal)
{
    private async Task<int> HeldMeetingAsync() => await Portal.WithDbAsync(async db =>
    {
        var meeting = await db.Sessions.SingleAsync(s => s.Title == "家长说明会");
        (meeting.StartsAt, meeting.EndsAt) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    [Fact]
    public async Task One_tap_checks_a_person_in_and_a_second_tap_undoes_it()
    {
        var staff = await Portal.ClientForAsync("staff");
        var meeting = await HeldMeetingAsync();
        var page = $"/sessions/{meeting}/check-in";
        var zhao = await Portal.WithDbAsync(db => db.SignUps.SingleAsync(s => s.SessionId == meeting && s.Name == "赵秀兰"));

        var tap = await staff.PostFormAsync(page, $"/signups/{zhao.Id}/check-in", []);
        Assert.Equal($"{page}#signup-{zhao.Id}", tap.RedirectPath());
        Assert.NotNull(await Portal.WithDbAsync(db => db.SignUps.Where(s => s.Id == zhao.Id).Select(s => s.CheckedInAt).SingleAsync()));
        Assert.Contains("已签到 1 / 2", await staff.GetStringAsync(page), StringComparison.Ordinal);

        await staff.PostFormAsync(page, $"/signups/{zhao.Id}/check-in", []);
        Assert.Null(await Portal.WithDbAsync(db => db.SignUps.Where(s => s.Id == zhao.Id).Select(s => s.CheckedInAt).SingleAsync()));

        var waiting = await Portal.WithDbAsync(db => db.SignUps.SingleAsync(s => s.SessionId == meeting && s.Name == "钱先生"));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostFormAsync(page, $"/signups/{waiting.Id}/check-in", [])).StatusCode);
    }

    [Fact]
    public async Task Walk_ins_are_added_and_checked_in_and_one_step_records_everyone_who_came_once()
    {
        var staff = await Portal.ClientForAsync("staff");
        var meeting = await HeldMeetingAsync();
        var page = $"/sessions/{meeting}/check-in";
        var zhao = await Portal.WithDbAsync(db => db.SignUps.SingleAsync(s => s.SessionId == meeting && s.Name == "赵秀兰"));
        await staff.PostFormAsync(page, $"/signups/{zhao.Id}/check-in", []);

        var missingName = await staff.PostFormAsync(page, $"/sessions/{meeting}/walk-ins", new() { ["Name"] = "", ["Phone"] = "13900001111" });
        Assert.Equal(HttpStatusCode.BadRequest, missingName.StatusCode);
        Assert.Contains("value=\"13900001111\"", await missingName.BodyAsync(), StringComparison.Ordinal);
        var walkIn = await staff.PostFormAsync(page, $"/sessions/{meeting}/walk-ins", new() { ["Name"] = "路过的周阿姨", ["Phone"] = "" });
        Assert.Equal(page, walkIn.RedirectPath());

        var recorded = await staff.PostFormAsync(page, $"/sessions/{meeting}/records", []);
        Assert.Equal(page, recorded.RedirectPath());
        await staff.PostFormAsync(page, $"/sessions/{meeting}/records", []);

        var records = await Portal.WithDbAsync(db => db.ServiceRecords.Where(r => r.SessionId == meeting).OrderBy(r => r.RecipientName).ToListAsync());
        Assert.Equal(["赵秀兰", "路过的周阿姨"], records.Select(r => r.RecipientName).Order());
        Assert.Equal(zhao.ResidentId, records.Single(r => r.RecipientName == "赵秀兰").ResidentId);
        Assert.All(records, r => Assert.Equal((60, "家长说明会"), (r.DurationMinutes, r.Description)));
        var walk = await Portal.WithDbAsync(db => db.SignUps.SingleAsync(s => s.Name == "路过的周阿姨"));
        Assert.Equal((SignUpChannel.WalkIn, SignUpStatus.Registered), (walk.Channel, walk.Status));
        Assert.Equal(3, await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == meeting).Select(s => s.PlacesTaken).SingleAsync()));
    }

    [Fact]
    public async Task A_session_that_has_not_started_cannot_be_recorded_yet()
    {
        var staff = await Portal.ClientForAsync("staff");
        var meeting = await Portal.WithDbAsync(db => db.Sessions.Where(s => s.Title == "家长说明会").Select(s => s.Id).SingleAsync());

        var response = await staff.PostFormAsync($"/sessions/{meeting}/check-in", $"/sessions/{meeting}/records", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ServiceRecords.CountAsync(r => r.SessionId == meeting)));
    }

    [Fact]
    public async Task The_records_list_pages_and_filters_and_is_closed_to_other_communities()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync());

        var html = await staff.GetStringAsync($"/projects/{project}/records?mode=AtHome");
        Assert.Contains("已登记 12 次服务", html, StringComparison.Ordinal);
        var facility = await staff.GetStringAsync($"/projects/{project}/records?mode=AtFacility");
        Assert.DoesNotContain("残疾人康复上门服务：第 1 次服务", facility, StringComparison.Ordinal);

        var outsider = await Portal.NewUserClientAsync("yangguang.records", 1, "Staff");
        Assert.StartsWith("/account/access-denied", (await outsider.GetAsync($"/projects/{project}/records")).RedirectPath() ?? "", StringComparison.Ordinal);
    }
}
