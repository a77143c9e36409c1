using System.Net;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.HomeVisits;

/// <summary>A resident asks for a home visit from a service notice, follows it and may withdraw it.</summary>
public class ResidentHomeVisitTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_resident_asks_for_a_home_visit_and_it_is_stored_under_their_account()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (notice, project) = await NoticeOfAsync("物业维修便民服务");
        var residentId = await UserIdAsync("resident");
        var form = $"/notices/{notice}/home-visit";

        var page = await resident.GetStringAsync(form);
        Assert.Contains("value=\"张阿姨\"", page, StringComparison.Ordinal);
        Assert.Contains("<legend", page, StringComparison.Ordinal);

        var sent = await resident.PostFormAsync(form, form, Visit("阳台水管漏水，需要师傅上门修理。"));

        Assert.Equal("/me", sent.RedirectPath());
        var stored = Assert.Single(await WithNeedAsync("阳台水管漏水，需要师傅上门修理。"));
        Assert.Equal((project, residentId, residentId, HomeVisitStatus.Submitted), (stored.ProjectId, stored.ResidentId, stored.CreatedById, stored.Status));
        Assert.Equal(("+86 138-0013-8000", "阳光社区 5 号楼 1 单元 302 室", TimeOfDay.Afternoon), (stored.Phone, stored.Address, stored.PreferredTime));
        Assert.Equal((Today.AddDays(1), Today.AddDays(5)), (stored.PreferredFrom, stored.PreferredTo));

        // The same form sent twice asks once.
        await resident.PostFormAsync(form, form, Visit("阳台水管漏水，需要师傅上门修理。"));
        Assert.Single(await WithNeedAsync("阳台水管漏水，需要师傅上门修理。"));
    }

    [Fact]
    public async Task The_form_comes_back_filled_in_with_messages_on_bad_input()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (notice, _) = await NoticeOfAsync("物业维修便民服务");
        var form = $"/notices/{notice}/home-visit";
        var before = await Portal.WithDbAsync(db => db.HomeVisitRequests.CountAsync());
        var fields = Visit("");
        fields["Phone"] = "打电话给我";
        fields["PreferredFrom"] = "2020-01-01";
        fields["PreferredTo"] = "2019-12-01";

        var refused = await resident.PostFormAsync(form, form, fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.BodyAsync();
        Assert.Contains("value=\"阳光社区 5 号楼 1 单元 302 室\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"打电话给我\"", body, StringComparison.Ordinal);
        Assert.Contains("请输入电话号码", body, StringComparison.Ordinal);
        Assert.Contains("开始日期不能早于今天", body, StringComparison.Ordinal);
        Assert.Contains("希望上门的最后一天不能早于第一天", body, StringComparison.Ordinal);
        Assert.Contains("需求", body.Split("data-valmsg-for=\"Need\"")[1][..80], StringComparison.Ordinal);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.HomeVisitRequests.CountAsync()));
    }

    [Fact]
    public async Task A_service_given_only_at_the_facility_has_no_home_visit_form()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (facilityOnly, _) = await NoticeOfAsync("青少年暑期托管");
        var (atHome, _) = await NoticeOfAsync("物业维修便民服务");
        var before = await Portal.WithDbAsync(db => db.HomeVisitRequests.CountAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/notices/{facilityOnly}/home-visit")).StatusCode);
        var posted = await resident.PostFormAsync($"/notices/{atHome}/home-visit", $"/notices/{facilityOnly}/home-visit", Visit("想请人上门看孩子"));

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.HomeVisitRequests.CountAsync()));
    }

    [Fact]
    public async Task A_notice_outside_its_publish_window_takes_no_requests()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (notice, _) = await NoticeOfAsync("物业维修便民服务");
        await Portal.WithDbAsync(async db =>
        {
            var n = await db.Notices.SingleAsync(x => x.Id == notice);
            n.VisibleUntil = DateTime.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/notices/{notice}/home-visit")).StatusCode);
    }

    [Fact]
    public async Task Status_worker_and_schedule_posted_on_the_resident_form_are_ignored()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (notice, project) = await NoticeOfAsync("物业维修便民服务");
        var (other, _) = await NoticeOfAsync("残疾人康复上门服务");
        var staffId = await UserIdAsync("staff");
        var residentId = await UserIdAsync("resident");
        var fields = Visit("空调不制冷，想请师傅上门看看。");
        fields["Status"] = "Scheduled";
        fields["AssignedWorkerId"] = staffId;
        fields["ScheduledAt"] = "2030-01-01T09:00";
        fields["DeclineReason"] = "x";
        fields["ResidentId"] = staffId;
        fields["ProjectId"] = $"{other}";
        fields["Id"] = "1";

        var sent = await resident.PostFormAsync($"/notices/{notice}/home-visit", $"/notices/{notice}/home-visit", fields);

        Assert.Equal("/me", sent.RedirectPath());
        var stored = Assert.Single(await WithNeedAsync("空调不制冷，想请师傅上门看看。"));
        Assert.Equal((HomeVisitStatus.Submitted, null, null, "", residentId, project),
            (stored.Status, stored.AssignedWorkerId, stored.ScheduledAt, stored.DeclineReason, stored.ResidentId, stored.ProjectId));
        Assert.NotEqual(1, stored.Id);
    }

    [Fact]
    public async Task A_resident_cannot_cancel_another_residents_request()
    {
        var mine = await Portal.WithDbAsync(db => db.HomeVisitRequests.AsNoTracking().SingleAsync(r => r.Name == "张阿姨"));
        var other = await Portal.NewUserClientAsync("resident.b", 1, "Resident");

        var refused = await other.PostFormAsync("/notices", $"/home-visits/{mine.Id}/cancel", []);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var after = await Portal.WithDbAsync(db => db.HomeVisitRequests.AsNoTracking().SingleAsync(r => r.Id == mine.Id));
        Assert.Equal((HomeVisitStatus.Submitted, mine.Version, mine.UpdatedAt), (after.Status, after.Version, after.UpdatedAt));
    }

    [Fact]
    public async Task A_resident_withdraws_their_own_open_request_once()
    {
        var resident = await Portal.ClientForAsync("resident");
        var mine = await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.Name == "张阿姨").Select(r => r.Id).SingleAsync());

        var cancelled = await resident.PostFormAsync("/notices", $"/home-visits/{mine}/cancel", []);

        Assert.Equal("/me", cancelled.RedirectPath());
        Assert.Equal(HomeVisitStatus.Cancelled, await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.Id == mine).Select(r => r.Status).SingleAsync()));
        var again = await resident.PostFormAsync("/notices", $"/home-visits/{mine}/cancel", []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("这条申请已经结束", await again.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_cannot_open_the_staff_pages()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (_, project) = await NoticeOfAsync("物业维修便民服务");
        var mine = await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.Name == "张阿姨").Select(r => new { r.Id, r.Version }).SingleAsync());

        foreach (var page in new[] { $"/projects/{project}/home-visits", $"/projects/{project}/home-visits/create", $"/home-visits/{mine.Id}" })
        {
            Assert.StartsWith("/account/access-denied", (await resident.GetAsync(page)).RedirectPath() ?? page, StringComparison.Ordinal);
        }
        var accept = await resident.PostFormAsync("/notices", $"/home-visits/{mine.Id}/accept", new() { ["Version"] = $"{mine.Version}" });
        Assert.StartsWith("/account/access-denied", accept.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.Equal(HomeVisitStatus.Submitted, await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.Id == mine.Id).Select(r => r.Status).SingleAsync()));
    }

    internal static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));

    internal static Dictionary<string, string> Visit(string need) => new()
    {
        ["Name"] = "张阿姨", ["Phone"] = "+86 138-0013-8000", ["Address"] = "阳光社区 5 号楼 1 单元 302 室", ["Need"] = need,
        ["PreferredFrom"] = Today.AddDays(1).ToString("yyyy-MM-dd"), ["PreferredTo"] = Today.AddDays(5).ToString("yyyy-MM-dd"), ["PreferredTime"] = "Afternoon",
    };

    /// <summary>The stored requests whose need (ciphertext: it cannot be compared in SQL) decrypts to <paramref name="need"/>.</summary>
    private async Task<List<HomeVisitRequest>> WithNeedAsync(string need)
    {
        var protector = Portal.Services.GetRequiredService<HomeVisitNeedProtector>();
        var all = await Portal.WithDbAsync(db => db.HomeVisitRequests.AsNoTracking().ToListAsync());
        return all.Where(r => protector.Unprotect(r.ProtectedNeed) == need).ToList();
    }

    private Task<(int Notice, int Project)> NoticeOfAsync(string project) =>
        Portal.WithDbAsync(async db =>
        {
            var n = await db.Notices.Where(x => x.Project!.Name == project).Select(x => new { x.Id, x.ProjectId }).SingleAsync();
            return (n.Id, n.ProjectId);
        });

    private Task<string> UserIdAsync(string userName) =>
        Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
