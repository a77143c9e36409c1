using CommunityService.Data.Publicity;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Database;

/// <summary>
/// The provider differences decided once (docs/architecture.md), shown on whichever provider the suite runs on: scripts/test.sh
/// runs these on SQLite and on PostgreSQL, and they hold the same on both.
/// </summary>
public class ProviderParityTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_date_time_is_read_back_as_utc_and_one_of_another_kind_is_stored_as_utc()
    {
        var created = await Portal.WithDbAsync(db => db.Projects.OrderBy(p => p.Id).Select(p => p.CreatedAt).FirstAsync());
        Assert.Equal(DateTimeKind.Utc, created.Kind);

        var local = new DateTime(2026, 12, 7, 20, 30, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2026, 12, 7, 9, 15, 0, DateTimeKind.Unspecified);
        await Portal.WithDbAsync(async db =>
        {
            var projects = await db.Projects.OrderBy(p => p.Id).Take(2).ToListAsync();
            projects[0].UpdatedAt = local;
            projects[1].UpdatedAt = unspecified;
            await db.SaveChangesAsync();
        });

        var stored = await Portal.WithDbAsync(db => db.Projects.OrderBy(p => p.Id).Take(2).Select(p => p.UpdatedAt).ToListAsync());
        Assert.Equal([local.ToUniversalTime(), DateTime.SpecifyKind(unspecified, DateTimeKind.Utc)], stored);
        Assert.All(stored, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
        // A query with a time of unspecified kind is compared as UTC, not refused.
        Assert.Equal(1, await Portal.WithDbAsync(db => db.Projects.CountAsync(p => p.UpdatedAt == unspecified)));
    }

    [Fact]
    public async Task A_search_finds_the_same_rows_whatever_the_case_of_the_words()
    {
        var notice = await Portal.WithDbAsync(async db =>
        {
            var visible = await NoticeQueries.Visible(db, DateTime.UtcNow).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync();
            var entity = await db.Notices.SingleAsync(n => n.Id == visible);
            entity.Title = "WiFi 助老课堂";
            await db.SaveChangesAsync();
            return visible;
        });
        await Portal.EvictPublicCacheAsync();
        var anonymous = Portal.CreateAnonymousClient();

        foreach (var words in new[] { "wifi", "WIFI", "WiFi 助老" })
        {
            Assert.Contains($"/notices/{notice}\"", await anonymous.GetStringAsync("/notices?q=" + Uri.EscapeDataString(words)), StringComparison.Ordinal);
        }
        Assert.DoesNotContain($"/notices/{notice}\"", await anonymous.GetStringAsync("/notices?q=wifx"), StringComparison.Ordinal);

        var admin = await Portal.ClientForAsync("admin");
        foreach (var term in new[] { "staff", "STAFF", "Staff" })
        {
            Assert.Contains(">staff<", await admin.GetStringAsync("/admin/users?q=" + term), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Names_are_listed_in_the_same_order_as_the_code_points()
    {
        await Portal.WithDbAsync(async db =>
        {
            var communities = await db.Communities.OrderBy(c => c.Id).Take(3).ToListAsync();
            foreach (var (community, name) in communities.Zip(new[] { "b 社区", "B 社区", "a 社区" }))
            {
                community.Name = name;
            }
            await db.SaveChangesAsync();
        });

        var names = await Portal.WithDbAsync(db => db.Communities.Where(c => c.Name.EndsWith("社区")).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(["B 社区", "a 社区", "b 社区"], names.Where(n => n.Contains(' ', StringComparison.Ordinal)).ToList());
    }
}
