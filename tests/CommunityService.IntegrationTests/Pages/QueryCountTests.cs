using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

/// <summary>
/// Each list and detail page runs the same number of SQL commands with the demo data and with a thousand
/// more rows behind it: no query per row. The ceiling per page is named so a new query is a deliberate choice.
/// </summary>
public class QueryCountTests(PortalFactory portal) : PortalTest(portal)
{
    public static TheoryData<string, string?, int> Pages => new()
    {
        { "/", null, 3 },
        { "/notices", null, 3 },
        { "/notices?q=%E6%9C%8D%E5%8A%A1&category=Welfare&page=2", null, 3 },
        { "/notices?fee=Paid&mode=AtHome&group=AllResidents&community=1", null, 3 },
        { "/services", null, 1 },
        { "/projects", "staff", 3 },
        { "/projects?stage=Execution&page=3", "staff", 3 },
        { "/projects/{project}", "staff", 12 },
        { "/projects/{project}/plan", "staff", 10 },
        { "/needs", "staff", 3 },
        { "/surveys", "staff", 2 },
        { "/reviews", "manager", 3 },
        { "/admin/users", "admin", 2 },
        { "/me", "resident", 5 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_runs_a_fixed_number_of_sql_commands_however_many_rows(string url, string? user, int ceiling)
    {
        var client = await Portal.ClientForAsync(user);
        var project = await Portal.WithDbAsync(db => db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync());
        url = url.Replace("{project}", project.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await client.GetAsync(url);
        await Portal.EvictPublicCacheAsync();
        var (_, before) = await Portal.CountCommandsAsync(client, url);

        await AddManyRowsAsync(project);
        await Portal.EvictPublicCacheAsync();
        var (response, after) = await Portal.CountCommandsAsync(client, url);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, after);
        Assert.InRange(after, 1, ceiling);
    }

    private Task AddManyRowsAsync(int projectId) => Portal.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var type = await db.ServiceTypes.FirstAsync();
        var community = await db.Communities.FirstAsync();
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        for (var i = 0; i < 1000; i++)
        {
            var project = new ServiceProject
            {
                Name = $"批量项目 {i}", Category = type.Category, ServiceTypeId = type.Id, CommunityId = community.Id, CreatedById = staff,
                CreatedAt = now, UpdatedAt = now.AddMinutes(-i), TargetGroups = [new ProjectTargetGroup { Group = TargetGroup.Elderly }],
            };
            project.Needs.Add(new NeedFinding { CommunityId = community.Id, Text = $"需求 {i}", CreatedById = staff, CreatedAt = now, TargetGroups = [new NeedTargetGroup { Group = TargetGroup.Elderly }] });
            var notice = new Notice { Title = $"服务通知 {i}", Body = "批量", CreatedAt = now };
            notice.Publish(now.AddMinutes(-i));
            project.Notices.Add(notice);
            db.Projects.Add(project);
            db.ServiceRecords.Add(new ServiceRecord { ProjectId = projectId, RecipientName = $"居民 {i}", DeliveredAt = now.AddMinutes(-i), DurationMinutes = 30, Description = "上门", RecordedById = staff, CreatedAt = now });
        }
        await db.SaveChangesAsync();
    });
}
