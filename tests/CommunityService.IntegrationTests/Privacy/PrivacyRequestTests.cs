using System.Net;
using CommunityService.Data.Identity;
using CommunityService.Data.Privacy;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Privacy;

/// <summary>A resident asks to correct or delete her data on /me/privacy; staff of her community answer it.</summary>
public class PrivacyRequestTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Wrong = "服务记录上的电话少了一位";
    private const string Right = "138 0013 8000";

    private async Task<HttpResponseMessage> AskCorrectionAsync(HttpClient client) =>
        await client.PostFormAsync("/me/privacy", "/me/privacy", new() { ["Kind"] = "Correction", ["Details"] = Wrong, ["ShouldBe"] = Right });

    private Task<PrivacyRequest> OnlyRequestOfAsync(string residentId) =>
        Portal.WithDbAsync(db => db.PrivacyRequests.AsNoTracking().SingleAsync(r => r.ResidentId == residentId));

    [Fact]
    public async Task A_resident_asks_for_a_correction_and_sees_it_open_on_her_page()
    {
        var resident = await Portal.ClientForAsync("resident");
        var response = await AskCorrectionAsync(resident);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));
        Assert.Equal((PrivacyRequestKind.Correction, PrivacyRequestStatus.Open, Wrong, Right, 1), (request.Kind, request.Status, request.Details, request.ShouldBe, request.CommunityId));
        var page = await (await resident.GetAsync("/me")).BodyAsync();
        Assert.Contains(Wrong, page);
        Assert.Contains("待办理", page);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "PrivacyRequested" && a.RecordId == request.Id.ToString() && !a.Detail.Contains(Wrong))));
    }

    [Fact]
    public async Task A_second_open_request_of_the_same_kind_is_refused_but_a_deletion_may_follow_a_correction()
    {
        var resident = await Portal.ClientForAsync("resident");
        await AskCorrectionAsync(resident);

        var again = await AskCorrectionAsync(resident);
        var deletion = await resident.PostFormAsync("/me/privacy", "/me/privacy", new() { ["Kind"] = "Deletion", ["Understood"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("您已有一个同类申请正在办理", await again.BodyAsync());
        Assert.Equal(HttpStatusCode.Redirect, deletion.StatusCode);
        var me = await PrivacyData.UserIdAsync(Portal, "resident");
        Assert.Equal(2, await Portal.WithDbAsync(db => db.PrivacyRequests.CountAsync(r => r.ResidentId == me)));
    }

    [Fact]
    public async Task A_deletion_request_needs_the_ticked_box_and_a_correction_needs_both_fields()
    {
        var resident = await Portal.ClientForAsync("resident");

        var unticked = await resident.PostFormAsync("/me/privacy", "/me/privacy", new() { ["Kind"] = "Deletion" });
        var halfCorrection = await resident.PostFormAsync("/me/privacy", "/me/privacy", new() { ["Kind"] = "Correction", ["Details"] = Wrong });

        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, halfCorrection.StatusCode);
        Assert.Contains(Wrong, await halfCorrection.BodyAsync());
        var me = await PrivacyData.UserIdAsync(Portal, "resident");
        Assert.Equal(0, await Portal.WithDbAsync(db => db.PrivacyRequests.CountAsync(r => r.ResidentId == me)));
    }

    [Fact]
    public async Task Another_resident_neither_sees_nor_withdraws_it()
    {
        await AskCorrectionAsync(await Portal.ClientForAsync("resident"));
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));
        var other = await Portal.ClientForAsync("volunteer");

        var page = await (await other.GetAsync("/me/privacy")).BodyAsync();
        var withdraw = await other.PostFormAsync("/me/privacy", $"/privacy-requests/{request.Id}/withdraw", []);
        var staffPage = await other.GetAsync($"/privacy-requests/{request.Id}");

        Assert.DoesNotContain(Wrong, page);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal("/account/access-denied", staffPage.RedirectPath()?.Split('?')[0]);
        Assert.Equal(PrivacyRequestStatus.Open, (await OnlyRequestOfAsync(request.ResidentId)).Status);
    }

    [Fact]
    public async Task A_resident_withdraws_her_open_request_and_may_then_ask_again()
    {
        var resident = await Portal.ClientForAsync("resident");
        await AskCorrectionAsync(resident);
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));

        var withdraw = await resident.PostFormAsync("/me/privacy", $"/privacy-requests/{request.Id}/withdraw", []);
        var again = await AskCorrectionAsync(resident);

        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var statuses = await Portal.WithDbAsync(db => db.PrivacyRequests.Where(r => r.ResidentId == request.ResidentId).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal([PrivacyRequestStatus.Withdrawn, PrivacyRequestStatus.Open], statuses);
    }

    [Fact]
    public async Task Staff_of_another_community_neither_list_nor_open_nor_handle_it()
    {
        await AskCorrectionAsync(await Portal.ClientForAsync("resident"));
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));
        var qingshi = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == "青石社区").Select(c => c.Id).SingleAsync());
        var outsider = await Portal.NewUserClientAsync("qingshi-staff", qingshi, Roles.Staff);

        var list = await (await outsider.GetAsync("/privacy-requests")).BodyAsync();
        var details = await outsider.GetAsync($"/privacy-requests/{request.Id}");
        var reject = await outsider.PostFormAsync("/privacy-requests", $"/privacy-requests/{request.Id}/reject", new() { ["Reason"] = "不是本社区", ["Version"] = "0" });

        Assert.DoesNotContain($"/privacy-requests/{request.Id}\"", list);
        Assert.Equal("/account/access-denied", details.RedirectPath()?.Split('?')[0]);
        Assert.Equal("/account/access-denied", reject.RedirectPath()?.Split('?')[0]);
        Assert.Equal(PrivacyRequestStatus.Open, (await OnlyRequestOfAsync(request.ResidentId)).Status);
    }

    [Fact]
    public async Task Staff_find_the_oldest_open_request_first_and_the_resident_reads_their_answer()
    {
        var resident = await Portal.ClientForAsync("resident");
        await AskCorrectionAsync(resident);
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));
        var staff = await Portal.ClientForAsync("staff");

        var demoOpen = await Portal.WithDbAsync(db => db.PrivacyRequests.Where(r => r.Id != request.Id && r.Status == PrivacyRequestStatus.Open).Select(r => r.Id).SingleAsync());
        var demoClosed = await Portal.WithDbAsync(db => db.PrivacyRequests.Where(r => r.Status == PrivacyRequestStatus.Completed).Select(r => r.Id).SingleAsync());

        var queue = await (await staff.GetAsync("/privacy-requests")).BodyAsync();
        var response = await staff.SubmitFormAsync($"/privacy-requests/{request.Id}", $"/privacy-requests/{request.Id}/complete",
            new() { ["Answer"] = "已把服务记录上的电话改为 138 0013 8000" });

        // The demo's open correction (刘建国, two days old) is older than this one; both come before the demo's completed deletion.
        var open = queue.IndexOf($"/privacy-requests/{request.Id}\"", StringComparison.Ordinal);
        Assert.True(queue.IndexOf($"/privacy-requests/{demoOpen}\"", StringComparison.Ordinal) < open);
        Assert.True(open < queue.IndexOf($"/privacy-requests/{demoClosed}\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = await OnlyRequestOfAsync(request.ResidentId);
        Assert.Equal(PrivacyRequestStatus.Completed, done.Status);
        Assert.Contains("已把服务记录上的电话改为", await (await resident.GetAsync("/me")).BodyAsync());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_resident_then_reads()
    {
        var resident = await Portal.ClientForAsync("resident");
        await AskCorrectionAsync(resident);
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));
        var manager = await Portal.ClientForAsync("manager");

        var empty = await manager.SubmitFormAsync($"/privacy-requests/{request.Id}", $"/privacy-requests/{request.Id}/reject");
        var rejected = await manager.SubmitFormAsync($"/privacy-requests/{request.Id}", $"/privacy-requests/{request.Id}/reject", new() { ["Reason"] = "记录核对无误" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(PrivacyRequestStatus.Rejected, (await OnlyRequestOfAsync(request.ResidentId)).Status);
        Assert.Contains("记录核对无误", await (await resident.GetAsync("/me/privacy")).BodyAsync());
    }

    [Fact]
    public async Task Staff_answering_a_request_someone_else_answered_meanwhile_get_a_conflict_with_their_input_kept()
    {
        await AskCorrectionAsync(await Portal.ClientForAsync("resident"));
        var request = await OnlyRequestOfAsync(await PrivacyData.UserIdAsync(Portal, "resident"));
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var token = await HttpForms.TokenFromAsync(staff, $"/privacy-requests/{request.Id}");

        await manager.SubmitFormAsync($"/privacy-requests/{request.Id}", $"/privacy-requests/{request.Id}/reject", new() { ["Reason"] = "记录核对无误" });
        var stale = await staff.PostAsync($"/privacy-requests/{request.Id}/complete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Answer"] = "电话已改正（李社工）", ["Version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("电话已改正（李社工）", await stale.BodyAsync());
        Assert.Equal(PrivacyRequestStatus.Rejected, (await OnlyRequestOfAsync(request.ResidentId)).Status);
    }
}
