using CommunityService.Data.Auditing;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// The trail records who signed in or failed to, every refusal, account and role changes, approvals and exports of
/// personal data; it keeps no typed password, managers search it, and nobody can change it from the portal.
/// </summary>
public class AuditTrailTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<List<AuditEntry>> EntriesAsync(string action) =>
        Portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_recorded_without_what_was_typed_as_a_password()
    {
        var client = Portal.CreateAnonymousClient();
        await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "staff", ["Password"] = "Typed-Secret-971" });
        await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "Typed-Secret-972", ["Password"] = "whatever" });
        await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "staff", ["Password"] = "Demo@12345" });

        var failed = await EntriesAsync("SignInFailed");
        Assert.Equal(2, failed.Count);
        Assert.Equal(("staff", "Denied", "wrong password"), (failed[0].RecordId, failed[0].Result, failed[0].Detail));
        Assert.Equal(("", "unknown account"), (failed[1].RecordId, failed[1].Detail));
        var signedIn = Assert.Single(await EntriesAsync("SignedIn"));
        Assert.Equal(("staff", "李社工", "Succeeded"), (signedIn.RecordId, signedIn.ActorName, signedIn.Result));
        var everything = await Portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Select(a => a.ActorName + a.Action + a.RecordType + a.RecordId + a.Result + a.Detail).ToListAsync());
        Assert.DoesNotContain(everything, e => e.Contains("Typed-Secret", StringComparison.Ordinal) || e.Contains("Demo@12345", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_is_recorded_with_who_and_which_address()
    {
        var resident = await Portal.ClientForAsync("resident");

        var response = await resident.GetAsync("/projects?stage=Execution");

        Assert.StartsWith("/account/access-denied", response.RedirectPath(), StringComparison.Ordinal);
        var denied = Assert.Single(await EntriesAsync("AccessDenied"));
        Assert.Equal(("张阿姨", "Page", "/projects", "Denied", "GET"), (denied.ActorName, denied.RecordType, denied.RecordId, denied.Result, denied.Detail));
        Assert.NotNull(denied.ActorId);
    }

    [Fact]
    public async Task Role_changes_and_disabling_an_account_are_recorded()
    {
        var admin = await Portal.ClientForAsync("admin");
        var id = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "wangjun").Select(u => u.Id).SingleAsync());
        var page = $"/admin/users/{id}/edit";

        var saved = await admin.SubmitFormAsync(page, page, new() { ["Roles"] = "Staff", ["IsDisabled"] = "true" });

        Assert.Equal("/admin/users", saved.RedirectPath());
        var roles = Assert.Single(await EntriesAsync("RolesChanged"));
        Assert.Equal(("wangjun", "系统管理员"), (roles.RecordId, roles.ActorName));
        Assert.EndsWith("→ Staff", roles.Detail, StringComparison.Ordinal);
        Assert.Equal("wangjun", Assert.Single(await EntriesAsync("AccountDisabled")).RecordId);
    }

    [Fact]
    public async Task A_managers_decision_and_an_export_of_personal_data_are_recorded()
    {
        var manager = await Portal.ClientForAsync("manager");
        await manager.PostFormAsync("/projects/13/decision", "/projects/13/decide", new()
        {
            ["Outcome"] = "Approve", ["Reason"] = "居民代表普遍支持。", ["FromProposal"] = "true",
        });
        var staff = await Portal.ClientForAsync("staff");
        var export = await staff.GetAsync("/volunteers/export.xlsx");

        Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
        var approved = Assert.Single(await EntriesAsync("Approved"));
        Assert.Equal(("王主任", "Project", "13", "decision"), (approved.ActorName, approved.RecordType, approved.RecordId, approved.Detail));
        var exported = Assert.Single(await EntriesAsync("PersonalDataExported"));
        Assert.Equal(("李社工", "Volunteers"), (exported.ActorName, exported.RecordType));
    }

    [Fact]
    public async Task Managers_search_the_trail_by_action_and_nobody_can_change_it_from_the_portal()
    {
        await Portal.CreateAnonymousClient().PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "resident", ["Password"] = "wrong-one" });
        var manager = await Portal.ClientForAsync("manager");

        var html = await manager.GetStringAsync("/audit?event=SignInFailed");

        Assert.Contains("<td>登录失败</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>张阿姨</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>登录</td>", html, StringComparison.Ordinal);
        var writes = RoleMatrix.Rows.Where(r => r.Route.StartsWith("/audit", StringComparison.Ordinal) && r.Method != "GET");
        Assert.Empty(writes);
    }
}
