using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Execution;

/// <summary>张阿姨 (`resident`) had a lunch at the elders' canteen (老年人助餐服务) recorded against her account.</summary>
public class FeedbackTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<(int Record, int Project)> HerServiceAsync() => Portal.WithDbAsync(async db =>
    {
        var resident = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
        var record = await db.ServiceRecords.Where(r => r.ResidentId == resident).Select(r => new { r.Id, r.ProjectId }).FirstAsync();
        return (record.Id, record.ProjectId);
    });

    [Fact]
    public async Task A_resident_rates_a_service_she_received_once_and_staff_see_it()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (record, project) = await HerServiceAsync();
        var page = $"/me/services/{record}/feedback";
        Assert.Contains(page, await resident.GetStringAsync("/me"), StringComparison.Ordinal);

        var bad = await resident.PostFormAsync(page, page, new() { ["Rating"] = "6", ["Comment"] = "饭菜很香" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("饭菜很香", await bad.BodyAsync(), StringComparison.Ordinal);

        var good = await resident.PostFormAsync(page, page, new() { ["Rating"] = "5", ["Comment"] = "饭菜很香" });
        Assert.Equal("/me", good.RedirectPath());
        var again = await resident.PostFormAsync("/me", page, new() { ["Rating"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        Assert.Contains("您的评分：5 分", await resident.GetStringAsync("/me"), StringComparison.Ordinal);
        var staff = await Portal.ClientForAsync("staff");
        var list = await staff.GetStringAsync($"/projects/{project}/feedback");
        Assert.Contains("共 1 条评价，平均 5.0 分", list, StringComparison.Ordinal);
        Assert.Contains("饭菜很香", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_rates_a_service_someone_else_received()
    {
        var other = await Portal.NewUserClientAsync("not.her", 1, "Resident");
        var (record, _) = await HerServiceAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/me/services/{record}/feedback")).StatusCode);
        var post = await other.PostFormAsync("/me", $"/me/services/{record}/feedback", new() { ["Rating"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Feedback.CountAsync(f => f.ServiceRecordId == record)));
    }
}
