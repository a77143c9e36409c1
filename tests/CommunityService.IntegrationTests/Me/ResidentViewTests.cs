using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Me;

public class ResidentViewTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Street_office_staff_see_a_residents_profile_with_the_facts_she_consented_to()
    {
        var staff = await Portal.ClientForAsync("staff");

        var response = await staff.GetAsync($"/residents/{await IdOfAsync("resident")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("阳光路 12 号院 3 号楼 2 单元 501", html, StringComparison.Ordinal);
        Assert.Contains("138 0013 8000", html, StringComparison.Ordinal);
        Assert.Contains("60–79 岁", html, StringComparison.Ordinal);
        Assert.Contains("sensitive-facts-2026-11", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_her_own_community_see_her_and_staff_of_another_are_refused()
    {
        var id = await IdOfAsync("resident");
        var own = await Portal.NewUserClientAsync("yangguang.sw", 1, "Staff");
        var other = await Portal.NewUserClientAsync("heping.sw", 2, "Staff");

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/residents/{id}")).StatusCode);
        var refused = await other.GetAsync($"/residents/{id}");
        Assert.StartsWith("/account/access-denied", refused.RedirectPath() ?? $"{(int)refused.StatusCode}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_the_facts_are_not_shown_to_staff()
    {
        var resident = await Portal.ClientForAsync("resident");
        await resident.PostFormAsync("/me/profile", "/me/consent/withdraw", new() { ["Confirm"] = "true" });
        var staff = await Portal.ClientForAsync("manager");

        var html = await (await staff.GetAsync($"/residents/{await IdOfAsync("resident")}")).BodyAsync();

        Assert.Contains("阳光路 12 号院 3 号楼 2 单元 501", html, StringComparison.Ordinal);
        Assert.DoesNotContain("60–79 岁", html, StringComparison.Ordinal);
        Assert.Contains("居民未同意", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_cannot_open_a_residents_profile_page_not_even_their_own()
    {
        var resident = await Portal.ClientForAsync("resident");
        var volunteer = await Portal.ClientForAsync("volunteer");

        foreach (var (client, id) in new[] { (resident, await IdOfAsync("resident")), (volunteer, await IdOfAsync("resident")), (resident, await IdOfAsync("volunteer")) })
        {
            Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/residents/{id}")).RedirectPath() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Someone_who_is_not_a_resident_has_no_resident_page()
    {
        var staff = await Portal.ClientForAsync("staff");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/residents/{await IdOfAsync("manager")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/residents/no-such-user")).StatusCode);
    }

    [Fact]
    public async Task The_page_runs_a_fixed_number_of_sql_commands()
    {
        var staff = await Portal.ClientForAsync("staff");
        var url = $"/residents/{await IdOfAsync("resident")}";
        await staff.GetAsync(url);

        var (response, commands) = await CountAsync(staff, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The account, the profile, the consent history, and the audit entry of a look at special-group facts.
        Assert.InRange(commands, 1, 4);
    }

    /// <summary>The page's own commands: the fewer of two requests, as the once-a-minute security stamp check belongs to no page.</summary>
    private async Task<(HttpResponseMessage Response, int Commands)> CountAsync(HttpClient client, string url)
    {
        var first = await Portal.CountCommandsAsync(client, url);
        var second = await Portal.CountCommandsAsync(client, url);
        return second.Commands <= first.Commands ? second : first;
    }

    private Task<string> IdOfAsync(string userName) =>
        Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
