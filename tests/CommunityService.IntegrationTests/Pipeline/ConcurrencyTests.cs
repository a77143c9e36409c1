using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pipeline;

public class ConcurrencyTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_second_of_two_editors_gets_a_conflict_with_their_input_kept()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var project = await Portal.WithDbAsync(db => db.Projects.Include(p => p.TargetGroups).SingleAsync(p => p.Name == "家政服务培训"));
        Dictionary<string, string> Form(string name) => new()
        {
            ["Name"] = name, ["Summary"] = project.Summary, ["ServiceTypeId"] = $"{project.ServiceTypeId}",
            ["CommunityId"] = $"{project.CommunityId}", ["TargetGroups"] = "AllResidents", ["Version"] = $"{project.Version}",
        };
        var url = $"/projects/{project.Id}/edit";

        var first = await staff.PostFormAsync(url, url, Form("家政服务培训（春季班）"));
        var second = await manager.PostFormAsync(url, url, Form("家政技能培训"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.BodyAsync();
        Assert.Contains("其他人同时修改了这条记录", html, StringComparison.Ordinal);
        Assert.Contains("value=\"家政技能培训\"", html, StringComparison.Ordinal);
        Assert.Equal("家政服务培训（春季班）", await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Saving_again_from_the_fresh_form_after_a_conflict_succeeds()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await Portal.WithDbAsync(db => db.Projects.SingleAsync(p => p.Name == "家政服务培训"));
        var url = $"/projects/{project.Id}/edit";
        Dictionary<string, string> Form(string name, int version) => new()
        {
            ["Name"] = name, ["ServiceTypeId"] = $"{project.ServiceTypeId}", ["CommunityId"] = $"{project.CommunityId}",
            ["TargetGroups"] = "AllResidents", ["Version"] = $"{version}",
        };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(url, url, Form("第一次", project.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostFormAsync(url, url, Form("过期的", project.Version))).StatusCode);
        var current = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(url, url, Form("最新的", current))).StatusCode);
    }
}
