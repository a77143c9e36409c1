using System.Net;
using CommunityService.Data.Communities;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

public class CommunityProfileTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Staff_write_a_first_and_a_second_version_and_the_page_shows_the_latest_with_its_changes()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await NewCommunityAsync("春风社区");
        var page = $"/communities/{id}/profile";
        var edit = $"{page}/edit";

        Assert.Contains("这个社区还没有填写概况", await staff.GetStringAsync(page), StringComparison.Ordinal);

        var first = await staff.PostFormAsync(edit, edit, Form(basedOn: 0, households: 1_200, alone: 80, venueName: "春风活动室"));
        Assert.Equal(page, first.RedirectPath());
        var second = await staff.PostFormAsync(edit, edit, Form(basedOn: 1, households: 1_260, alone: 95, venueName: "春风小学礼堂",
            owner: "StationedUnit", unit: "春风小学", history: "1998 年建成，2020 年加装电梯。"));
        Assert.Equal(page, second.RedirectPath());

        var html = await staff.GetStringAsync(page);
        Assert.Contains("社区概况已保存", html, StringComparison.Ordinal);
        Assert.Contains("第 2 版", html, StringComparison.Ordinal);
        Assert.Contains("1,260", html, StringComparison.Ordinal);
        Assert.Contains("春风小学礼堂", html, StringComparison.Ordinal);
        Assert.Contains("1998 年建成，2020 年加装电梯。", html, StringComparison.Ordinal);
        Assert.Contains("与第 1 版相比的变化", html, StringComparison.Ordinal);
        Assert.Contains("1,200", html, StringComparison.Ordinal);
        Assert.Contains("新增场地", html, StringComparison.Ordinal);
        Assert.Contains("移除场地", html, StringComparison.Ordinal);
        Assert.Contains("李社工", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}?version=1\"", html, StringComparison.Ordinal);

        var versions = await Portal.WithDbAsync(db => db.CommunityProfiles.Where(p => p.CommunityId == id)
            .OrderBy(p => p.VersionNumber).Select(p => new { p.VersionNumber, p.Households, Venues = p.Venues.Count }).ToListAsync());
        Assert.Equal([(1, 1_200, 1), (2, 1_260, 1)], versions.Select(v => (v.VersionNumber, v.Households, v.Venues)));
    }

    [Fact]
    public async Task An_earlier_version_shows_its_own_values_and_its_changes_against_the_one_before()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CommunityIdAsync("阳光社区");

        var latest = await staff.GetStringAsync($"/communities/{id}/profile");
        var first = await staff.GetStringAsync($"/communities/{id}/profile?version=1");

        Assert.Contains("2,100", latest, StringComparison.Ordinal);
        Assert.Contains("2,080", latest, StringComparison.Ordinal);
        Assert.Contains("阳光小学操场", latest, StringComparison.Ordinal);
        Assert.Contains("这是第一个版本", first, StringComparison.Ordinal);
        Assert.Contains("您正在查看的是较早的版本", first, StringComparison.Ordinal);
        Assert.DoesNotContain("阳光小学操场", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/communities/{id}/profile?version=9")).StatusCode);
    }

    [Fact]
    public async Task The_list_shows_each_community_with_a_link_to_its_profile()
    {
        var manager = await Portal.ClientForAsync("manager");
        var id = await CommunityIdAsync("青石社区");

        var html = await manager.GetStringAsync("/communities");

        Assert.Contains($"href=\"/communities/{id}/profile\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/communities\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_error_keeps_the_input_and_saves_nothing()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CommunityIdAsync("和平社区");
        var edit = $"/communities/{id}/profile/edit";
        var fields = Form(basedOn: 1, households: 2_000_000, alone: 150, venueName: "", history: "撤村建居形成的社区");
        fields["Venues[0].Capacity"] = "50";
        fields["Venues[1].Owner"] = "StationedUnit";
        fields["Venues[1].Name"] = "和平中学礼堂";

        var response = await staff.PostFormAsync(edit, edit, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("撤村建居形成的社区", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2000000\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"和平中学礼堂\"", html, StringComparison.Ordinal);
        Assert.Contains("您输入了 2000000", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;场地名称&#x27; 不能为空", html, StringComparison.Ordinal);
        Assert.Contains("请填写开放该场地的驻社区单位名称", html, StringComparison.Ordinal);
        Assert.Equal(1, await VersionCountAsync(id));
    }

    [Fact]
    public async Task A_form_based_on_an_older_version_gets_a_conflict_with_the_input_kept()
    {
        var staff = await Portal.ClientForAsync("staff");
        var manager = await Portal.ClientForAsync("manager");
        var id = await CommunityIdAsync("阳光社区");
        var edit = $"/communities/{id}/profile/edit";

        var first = await manager.PostFormAsync(edit, edit, Form(basedOn: 2, households: 2_150, alone: 215, venueName: "社区服务中心活动室"));
        var second = await staff.PostFormAsync(edit, edit, Form(basedOn: 2, households: 2_180, alone: 220, venueName: "长者食堂"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.BodyAsync();
        Assert.Contains("其他人同时修改了这条记录", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2180\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"长者食堂\"", html, StringComparison.Ordinal);
        Assert.Equal(3, await VersionCountAsync(id));
    }

    [Fact]
    public async Task Saving_an_unchanged_form_adds_no_version()
    {
        var staff = await Portal.ClientForAsync("staff");
        var id = await CommunityIdAsync("青石社区");
        var edit = $"/communities/{id}/profile/edit";
        var form = await staff.GetStringAsync(edit);
        var profile = await Portal.WithDbAsync(db => db.CommunityProfiles.Include(p => p.Venues).SingleAsync(p => p.CommunityId == id));
        var fields = new Dictionary<string, string>
        {
            ["BasedOnVersion"] = "1", ["Environment"] = profile.Environment, ["History"] = profile.History, ["Geography"] = profile.Geography,
            ["Facilities"] = profile.Facilities, ["Organizations"] = profile.Organizations, ["VolunteerBase"] = profile.VolunteerBase,
            ["Households"] = $"{profile.Households}", ["ResidentsUnder18"] = $"{profile.ResidentsUnder18}", ["Residents18To59"] = $"{profile.Residents18To59}",
            ["Residents60To79"] = $"{profile.Residents60To79}", ["Residents80AndOver"] = $"{profile.Residents80AndOver}",
            ["ElderlyLivingAlone"] = $"{profile.ElderlyLivingAlone}", ["PeopleWithDisabilities"] = $"{profile.PeopleWithDisabilities}",
            ["LowIncomeHouseholds"] = $"{profile.LowIncomeHouseholds}", ["ChildrenInNeed"] = $"{profile.ChildrenInNeed}",
        };
        foreach (var (venue, i) in profile.Venues.OrderBy(v => v.Id).Select((v, i) => (v, i)))
        {
            fields[$"Venues[{i}].Name"] = venue.Name;
            fields[$"Venues[{i}].Owner"] = $"{venue.Owner}";
            fields[$"Venues[{i}].UnitName"] = venue.UnitName;
            fields[$"Venues[{i}].Capacity"] = $"{venue.Capacity}";
        }

        var response = await staff.PostFormAsync(edit, edit, fields);

        Assert.Contains("value=\"青石社区活动中心\"", form, StringComparison.Ordinal);
        Assert.Equal($"/communities/{id}/profile", response.RedirectPath());
        Assert.Contains("内容没有变化，未保存新版本", await staff.GetStringAsync($"/communities/{id}/profile"), StringComparison.Ordinal);
        Assert.Equal(1, await VersionCountAsync(id));
    }

    [Theory]
    [InlineData(null, "/account/login")]
    [InlineData("resident", "/account/access-denied")]
    public async Task Residents_and_visitors_are_refused(string? user, string sentTo)
    {
        var client = await Portal.ClientForAsync(user);
        var id = await CommunityIdAsync("阳光社区");

        var page = await client.GetAsync($"/communities/{id}/profile");
        var list = await client.GetAsync("/communities");
        var post = await client.PostFormAsync("/account/login", $"/communities/{id}/profile/edit", Form(basedOn: 2, households: 1, alone: 1, venueName: "活动室"));

        foreach (var response in new[] { page, list, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(sentTo, response.RedirectPath(), StringComparison.Ordinal);
        }
        Assert.Equal(2, await VersionCountAsync(id));
    }

    private static Dictionary<string, string> Form(int basedOn, int households, int alone, string venueName,
        string owner = "Center", string unit = "", string history = "老旧小区") => new()
    {
        ["BasedOnVersion"] = $"{basedOn}", ["Environment"] = "以多层住宅为主", ["History"] = history, ["Geography"] = "街道北部",
        ["Facilities"] = "活动室、图书角", ["Organizations"] = "居委会", ["VolunteerBase"] = "志愿者 50 人",
        ["Households"] = $"{households}", ["ResidentsUnder18"] = "300", ["Residents18To59"] = "1500", ["Residents60To79"] = "600",
        ["Residents80AndOver"] = "120", ["ElderlyLivingAlone"] = $"{alone}", ["PeopleWithDisabilities"] = "30",
        ["LowIncomeHouseholds"] = "12", ["ChildrenInNeed"] = "4",
        ["Venues[0].Name"] = venueName, ["Venues[0].Owner"] = owner, ["Venues[0].UnitName"] = unit, ["Venues[0].Capacity"] = venueName.Length > 0 ? "80" : "",
        ["Venues[1].Name"] = "", ["Venues[1].Owner"] = "Center", ["Venues[1].UnitName"] = "", ["Venues[1].Capacity"] = "",
    };

    private Task<int> CommunityIdAsync(string name) =>
        Portal.WithDbAsync(db => db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private Task<int> VersionCountAsync(int communityId) =>
        Portal.WithDbAsync(db => db.CommunityProfiles.CountAsync(p => p.CommunityId == communityId));

    private Task<int> NewCommunityAsync(string name) => Portal.WithDbAsync(async db =>
    {
        var community = new Community { Name = name, StreetOfficeId = await db.StreetOffices.Select(o => o.Id).FirstAsync() };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community.Id;
    });
}
