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

    [Fact]
    public async Task Money_adds_up_to_the_cent_and_a_value_finer_than_its_column_is_rounded_the_same_way()
    {
        var project = await Portal.WithDbAsync(async db =>
        {
            var expense = await db.Expenses.OrderBy(e => e.Id).FirstAsync();
            // Ten times 0.10 and ten times 0.20: 3.00 exactly, where binary floating point would give 3.0000000000000004.
            foreach (var amount in Enumerable.Repeat(0.10m, 10).Concat(Enumerable.Repeat(0.20m, 10)))
            {
                db.Expenses.Add(new Data.Money.Expense
                {
                    ProjectId = expense.ProjectId, BudgetItem = "分位测试", Amount = amount, SpentOn = expense.SpentOn, Source = expense.Source,
                    Description = "分位测试", RecordedById = expense.RecordedById, CreatedAt = DateTime.UtcNow,
                });
            }
            // Finer than the column's two places: stored rounded half away from zero (SQLite would keep the text as it came).
            db.Expenses.Add(new Data.Money.Expense
            {
                ProjectId = expense.ProjectId, BudgetItem = "分位舍入", Amount = 2.345m, SpentOn = expense.SpentOn, Source = expense.Source,
                Description = "分位舍入", RecordedById = expense.RecordedById, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return expense.ProjectId;
        });

        // The shapes the money page and the evaluation facts use: a grouped sum, and a sum over all.
        var byItem = await Portal.WithDbAsync(db => db.Expenses.Where(e => e.ProjectId == project && e.BudgetItem.StartsWith("分位"))
            .GroupBy(e => e.BudgetItem).Select(g => new { Item = g.Key, Spent = g.Sum(e => e.Amount), Largest = g.Max(e => e.Amount) })
            .ToDictionaryAsync(g => g.Item));
        var rounded = await Portal.WithDbAsync(db => db.Expenses.Where(e => e.BudgetItem == "分位舍入").Select(e => e.Amount).SingleAsync());

        Assert.Equal(3.00m, byItem["分位测试"].Spent);
        Assert.Equal(0.20m, byItem["分位测试"].Largest);
        Assert.Equal(2.35m, rounded);
        Assert.Equal(2.35m, byItem["分位舍入"].Spent);
        Assert.Equal("3.00", byItem["分位测试"].Spent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }
}
