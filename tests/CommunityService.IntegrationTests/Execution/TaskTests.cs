using System.Net;
using CommunityService.Data.Execution;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Execution;

public class TaskTests(PortalFactory portal) : PortalTest(portal)
{
    private Task<int> ProjectAsync() => Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task My_tasks_show_only_mine_with_the_overdue_one_standing_out()
    {
        var staff = await Portal.ClientForAsync("staff");

        var html = await staff.GetStringAsync("/tasks");

        Assert.Contains("整理上月服务记录并反馈给家属", html, StringComparison.Ordinal);
        Assert.Contains("已逾期 3 天", html, StringComparison.Ordinal);
        Assert.Contains("您有 1 项任务已逾期", html, StringComparison.Ordinal);
        Assert.DoesNotContain("汇总本月巡逻发现的隐患", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_is_given_to_someone_working_in_the_community_and_moves_to_done()
    {
        var staff = await Portal.ClientForAsync("staff");
        var project = await ProjectAsync();
        var page = $"/projects/{project}/tasks";
        var me = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync());
        var resident = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync());

        var refused = await staff.PostFormAsync(page, page, new() { ["Title"] = "打电话回访", ["ResponsibleId"] = resident, ["DueOn"] = "2027-01-10" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("value=\"打电话回访\"", await refused.BodyAsync(), StringComparison.Ordinal);

        var added = await staff.PostFormAsync(page, page, new() { ["Title"] = "打电话回访", ["ResponsibleId"] = me, ["DueOn"] = "2027-01-10" });
        Assert.Equal(page, added.RedirectPath());
        var task = await Portal.WithDbAsync(db => db.Tasks.SingleAsync(t => t.Title == "打电话回访"));

        var done = await staff.PostFormAsync(page, $"/tasks/{task.Id}/status", new() { ["Status"] = "Done", ["Version"] = task.Version.ToString(), ["ReturnUrl"] = "/tasks" });
        Assert.Equal("/tasks", done.RedirectPath());
        var stale = await staff.PostFormAsync(page, $"/tasks/{task.Id}/status", new() { ["Status"] = "Open", ["Version"] = task.Version.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var saved = await Portal.WithDbAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(WorkStatus.Done, saved.Status);
        Assert.NotNull(saved.DoneAt);
    }

    [Fact]
    public async Task Staff_of_another_community_cannot_see_or_change_the_tasks()
    {
        var outsider = await Portal.NewUserClientAsync("yangguang.tasks", 1, "Staff");
        var project = await ProjectAsync();
        var task = await Portal.WithDbAsync(db => db.Tasks.FirstAsync(t => t.ProjectId == project));

        Assert.StartsWith("/account/access-denied", (await outsider.GetAsync($"/projects/{project}/tasks")).RedirectPath() ?? "", StringComparison.Ordinal);
        var post = await outsider.PostFormAsync("/tasks", $"/tasks/{task.Id}/status", new() { ["Status"] = "Done", ["Version"] = task.Version.ToString() });
        Assert.StartsWith("/account/access-denied", post.RedirectPath() ?? "", StringComparison.Ordinal);
        Assert.Equal(task.Status, await Portal.WithDbAsync(db => db.Tasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Progress_reports_are_kept_newest_first_with_their_author()
    {
        var staff = await Portal.ClientForAsync("staff");
        var page = $"/projects/{await ProjectAsync()}/progress";

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostFormAsync(page, page, new() { ["Text"] = " " })).StatusCode);
        Assert.Equal(page, (await staff.PostFormAsync(page, page, new() { ["Text"] = "本月完成上门 28 次，两户因住院暂停。" })).RedirectPath());
        Assert.Equal(page, (await staff.PostFormAsync(page, page, new() { ["Text"] = "康复师增加一位，下月起每周多 6 次。" })).RedirectPath());

        var html = await staff.GetStringAsync(page);
        Assert.True(html.IndexOf("康复师增加一位", StringComparison.Ordinal) < html.IndexOf("本月完成上门 28 次", StringComparison.Ordinal));
        Assert.Contains("李社工", html, StringComparison.Ordinal);
    }
}
