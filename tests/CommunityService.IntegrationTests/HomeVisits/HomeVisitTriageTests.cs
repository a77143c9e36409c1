using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.HomeVisits;

/// <summary>Staff triage home-visit requests: accept, decline with a reason, schedule with a worker, take one by phone.</summary>
public partial class HomeVisitTriageTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Staff_accept_a_submitted_request()
    {
        var staff = await Portal.ClientForAsync("staff");
        var request = await RequestAsync("刘奶奶");

        var accepted = await staff.PostFormAsync($"/home-visits/{request.Id}", $"/home-visits/{request.Id}/accept", new() { ["Version"] = $"{request.Version}" });

        Assert.Equal($"/home-visits/{request.Id}", accepted.RedirectPath());
        Assert.Equal(HomeVisitStatus.Accepted, (await RequestAsync("刘奶奶")).Status);
        var again = await staff.PostFormAsync($"/home-visits/{request.Id}", $"/home-visits/{request.Id}/accept", new() { ["Version"] = $"{request.Version + 1}" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_is_kept_with_the_request()
    {
        var staff = await Portal.ClientForAsync("staff");
        var request = await RequestAsync("赵叔叔");
        var page = $"/home-visits/{request.Id}";

        var refused = await staff.PostFormAsync(page, $"{page}/decline", new() { ["Reason"] = "  ", ["Version"] = $"{request.Version}" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请写明不予受理的原因", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HomeVisitStatus.Accepted, (await RequestAsync("赵叔叔")).Status);

        var declined = await staff.PostFormAsync(page, $"{page}/decline", new() { ["Reason"] = "已由残联康复站上门服务", ["Version"] = $"{request.Version}" });

        Assert.Equal(page, declined.RedirectPath());
        var after = await RequestAsync("赵叔叔");
        Assert.Equal((HomeVisitStatus.Declined, "已由残联康复站上门服务"), (after.Status, after.DeclineReason));
    }

    [Fact]
    public async Task Staff_schedule_a_visit_with_a_worker_of_the_services_community()
    {
        var staff = await Portal.ClientForAsync("staff");
        var request = await RequestAsync("刘奶奶");
        var communities = await Portal.WithDbAsync(db => db.Communities.ToDictionaryAsync(c => c.Name, c => c.Id));
        await Portal.NewUserClientAsync("heping.worker", communities["和平社区"], "Staff");
        await Portal.NewUserClientAsync("qingshi.worker", communities["青石社区"], "Staff");
        var own = await UserIdAsync("heping.worker");
        var elsewhere = await UserIdAsync("qingshi.worker");
        var page = $"/home-visits/{request.Id}";

        var html = await staff.GetStringAsync(page);
        Assert.Contains($"value=\"{own}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{await UserIdAsync("staff")}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, html, StringComparison.Ordinal);
        Assert.DoesNotContain(await UserIdAsync("resident"), html, StringComparison.Ordinal);

        var at = DateTime.UtcNow.AddHours(8).Date.AddDays(2).AddHours(14.5);
        var typed = at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var refused = await staff.PostFormAsync(page, $"{page}/schedule", new() { ["At"] = typed, ["WorkerId"] = elsewhere, ["Version"] = $"{request.Version}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请从列表中选择服务人员", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HomeVisitStatus.Submitted, (await RequestAsync("刘奶奶")).Status);

        var scheduled = await staff.PostFormAsync(page, $"{page}/schedule", new() { ["At"] = typed, ["WorkerId"] = own, ["Version"] = $"{request.Version}" });

        Assert.Equal(page, scheduled.RedirectPath());
        var after = await RequestAsync("刘奶奶");
        Assert.Equal((HomeVisitStatus.Scheduled, own, at.AddHours(-8)), (after.Status, after.AssignedWorkerId, after.ScheduledAt));
        Assert.Contains(typed.Replace('T', ' '), await staff.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_changed_since_it_was_opened_answers_with_a_clash_keeping_the_input()
    {
        var staff = await Portal.ClientForAsync("staff");
        var request = await RequestAsync("刘奶奶");
        var page = $"/home-visits/{request.Id}";
        await staff.PostFormAsync(page, $"{page}/accept", new() { ["Version"] = $"{request.Version}" });

        var clash = await staff.PostFormAsync(page, $"{page}/decline", new() { ["Reason"] = "家属已另找康复机构", ["Version"] = $"{request.Version}" });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var body = await clash.BodyAsync();
        Assert.Contains("其他人同时修改了这条记录", body, StringComparison.Ordinal);
        Assert.Contains("家属已另找康复机构</textarea>", body, StringComparison.Ordinal);
        Assert.Equal(HomeVisitStatus.Accepted, (await RequestAsync("刘奶奶")).Status);
    }

    [Fact]
    public async Task Staff_take_a_request_for_someone_who_phoned()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectAsync("残疾人康复上门服务");
        var create = $"/projects/{project}/home-visits/create";
        var fields = ResidentHomeVisitTests.Visit("电话申请：需要上门指导使用助行器。");
        fields["Name"] = "钱爷爷";
        fields["ResidentId"] = await UserIdAsync("resident");

        var taken = await staff.PostFormAsync(create, create, fields);

        var stored = await Portal.WithDbAsync(db => db.HomeVisitRequests.AsNoTracking().SingleAsync(r => r.Name == "钱爷爷"));
        Assert.Equal($"/home-visits/{stored.Id}", taken.RedirectPath());
        Assert.Equal((project, null, await UserIdAsync("staff"), HomeVisitStatus.Submitted), (stored.ProjectId, stored.ResidentId, stored.CreatedById, stored.Status));
    }

    [Fact]
    public async Task A_service_without_home_visits_takes_no_requests_from_staff()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectAsync("青少年暑期托管");

        var page = await staff.GetAsync($"/projects/{project}/home-visits/create");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("本服务不提供上门服务", await page.BodyAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"/projects/{project}/home-visits", await staff.GetStringAsync($"/projects/{project}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_bound_to_another_community_are_refused()
    {
        var project = await ProjectAsync("残疾人康复上门服务");
        var request = await RequestAsync("刘奶奶");
        var yangguang = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == "阳光社区").Select(c => c.Id).SingleAsync());
        var staff = await Portal.NewUserClientAsync("yangguang.visits", yangguang, "Staff");

        foreach (var page in new[] { $"/projects/{project}/home-visits", $"/projects/{project}/home-visits/create", $"/home-visits/{request.Id}" })
        {
            Assert.StartsWith("/account/access-denied", (await staff.GetAsync(page)).RedirectPath() ?? page, StringComparison.Ordinal);
        }
        var accept = await staff.PostFormAsync("/notices", $"/home-visits/{request.Id}/accept", new() { ["Version"] = $"{request.Version}" });
        Assert.StartsWith("/account/access-denied", accept.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(accept.RedirectPath())).StatusCode);
        Assert.Equal(HomeVisitStatus.Submitted, (await RequestAsync("刘奶奶")).Status);
        // Their own community's service is theirs to run.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/projects/{await ProjectAsync("物业维修便民服务")}/home-visits")).StatusCode);
    }

    [Fact]
    public async Task The_triage_list_puts_open_requests_first_oldest_first_within()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectAsync("残疾人康复上门服务");
        var now = DateTime.UtcNow;
        var (oldSubmitted, oldCancelled) = await Portal.WithDbAsync(async db =>
        {
            HomeVisitRequest Make(string name, int daysAgo) => new()
            {
                ProjectId = project, Name = name, Phone = "13800138000", Address = "和平社区", ProtectedNeed = Needs.Protect("康复指导"),
                PreferredFrom = DateOnly.FromDateTime(now), PreferredTo = DateOnly.FromDateTime(now.AddDays(3)), CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now,
            };
            var submitted = Make("老申请", 30);
            var cancelled = Make("撤回的申请", 40);
            cancelled.Cancel(now);
            db.HomeVisitRequests.AddRange(submitted, cancelled);
            await db.SaveChangesAsync();
            return (submitted.Id, cancelled.Id);
        });
        var demo = await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.ProjectId == project).ToDictionaryAsync(r => r.Name, r => r.Id));

        var html = await staff.GetStringAsync($"/projects/{project}/home-visits");

        int[] expected = [oldSubmitted, demo["刘奶奶"], demo["赵叔叔"], demo["孙师傅"], oldCancelled, demo["周大妈"]];
        Assert.Equal(expected, VisitIds().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("4 件待处理", html, StringComparison.Ordinal);
        Assert.Equal([demo["周大妈"]], VisitIds().Matches(await staff.GetStringAsync($"/projects/{project}/home-visits?status=Declined"))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("上门服务申请（4 件待处理）", await staff.GetStringAsync($"/projects/{project}"), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"visit-(\\d+)\"")]
    private static partial Regex VisitIds();

    private HomeVisitNeedProtector Needs => Portal.Services.GetRequiredService<HomeVisitNeedProtector>();

    private Task<HomeVisitRequest> RequestAsync(string name) =>
        Portal.WithDbAsync(db => db.HomeVisitRequests.AsNoTracking().SingleAsync(r => r.Name == name));

    private Task<int> ProjectAsync(string name) =>
        Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private Task<string> UserIdAsync(string userName) =>
        Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
