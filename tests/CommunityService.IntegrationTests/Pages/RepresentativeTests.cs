using System.Net;
using System.Text.RegularExpressions;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

public class RepresentativeTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Staff_make_a_resident_a_representative_who_may_then_open_their_communitys_proposal()
    {
        var staff = await Portal.ClientForAsync("staff");
        var volunteer = await Portal.ClientForAsync("volunteer");
        var volunteerId = await UserIdAsync("volunteer");
        Assert.StartsWith("/account/access-denied", (await volunteer.GetAsync("/projects/13/decision")).RedirectPath(), StringComparison.Ordinal);

        var list = await staff.GetStringAsync("/representatives?community=1");
        Assert.Contains("陈志愿", list, StringComparison.Ordinal);
        Assert.Contains("张阿姨", list, StringComparison.Ordinal);
        Assert.DoesNotContain("刘建国", list, StringComparison.Ordinal);
        Assert.DoesNotContain("李社工", list.Split("<main")[1], StringComparison.Ordinal);

        var made = await staff.PostFormAsync("/representatives", $"/representatives/{volunteerId}",
            new() { ["IsRepresentative"] = "true", ["ReturnUrl"] = "/representatives?community=1" });
        Assert.Equal("/representatives?community=1", made.RedirectPath());
        Assert.True(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == volunteerId).Select(u => u.IsRepresentative).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/projects/13/decision")).StatusCode);

        var removed = await staff.PostFormAsync("/representatives", $"/representatives/{volunteerId}", new() { ["IsRepresentative"] = "false" });
        Assert.Equal("/representatives", removed.RedirectPath());
        Assert.StartsWith("/account/access-denied", (await volunteer.GetAsync("/projects/13/decision")).RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_residents_can_be_representatives()
    {
        var manager = await Portal.ClientForAsync("manager");
        var staffId = await UserIdAsync("staff");

        var refused = await manager.PostFormAsync("/representatives", $"/representatives/{staffId}", new() { ["IsRepresentative"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只有居民才能担任居民代表", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.False(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == staffId).Select(u => u.IsRepresentative).SingleAsync()));
    }

    [Fact]
    public async Task The_administrator_sets_the_flag_on_the_account_form_for_residents_only()
    {
        var admin = await Portal.ClientForAsync("admin");
        var residentId = await UserIdAsync("resident");
        var version = await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == residentId).Select(u => u.Version).SingleAsync());
        var edit = $"/admin/users/{residentId}/edit";
        var checkbox = Regex.Match(await admin.GetStringAsync(edit), "<input[^>]*id=\"IsRepresentative\"[^>]*>").Value;
        Assert.Contains("checked=\"checked\"", checkbox, StringComparison.Ordinal);

        var refused = await admin.PostFormAsync(edit, edit, new()
        {
            ["DisplayName"] = "张阿姨", ["CommunityId"] = "1", ["Roles"] = "Volunteer", ["IsRepresentative"] = "true", ["Version"] = $"{version}",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只有居民才能担任居民代表", await refused.BodyAsync(), StringComparison.Ordinal);

        var saved = await admin.PostFormAsync(edit, edit, new()
        {
            ["DisplayName"] = "张阿姨", ["CommunityId"] = "1", ["Roles"] = "Resident", ["IsRepresentative"] = "false", ["Version"] = $"{version}",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == residentId).Select(u => u.IsRepresentative).SingleAsync()));
    }

    private Task<string> UserIdAsync(string userName) =>
        Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
