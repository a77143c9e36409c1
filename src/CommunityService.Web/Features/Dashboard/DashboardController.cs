using System.Globalization;
using CommunityService.Data;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Dashboard;

/// <summary>
/// The managers' dashboard (数据看板): the whole center's figures for a period, a community and a category. The figures of
/// a filter are kept for <c>Dashboard:CacheSeconds</c> (60 by default, 0 to switch off) in this instance's memory: a
/// manager opening the page again, or several managers at a meeting, do not run its fourteen GROUP BY queries again, and
/// the page says when the figures were worked out. Managers see every community, so the figures do not depend on who asks.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class DashboardController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IStringLocalizer<SharedResource> l, IMemoryCache cache, Microsoft.Extensions.Configuration.IConfiguration configuration) : Controller
{
    /// <summary>Excel's limit on a sheet's name.</summary>
    private const int SheetNameMax = 31;

    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(DashboardFilter filter, CancellationToken ct)
    {
        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new CommunityChoice(c.Id, c.Name)).ToListAsync(ct);
        if (!Usable(filter, communities.Select(c => c.Id)))
        {
            var typed = new DashboardFilterValues(
                FilterDates.Typed(ModelState, nameof(filter.From), filter.From), FilterDates.Typed(ModelState, nameof(filter.To), filter.To),
                filter.Community, filter.Category);
            return this.InvalidForm(new DashboardPage(typed, null, [], communities, clock.GetUtcNow().UtcDateTime));
        }
        var (figures, at) = await FiguresAsync(filter, ct);
        var p = figures.Period;
        var values = new DashboardFilterValues(
            p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.CommunityId, p.Category);
        return View(new DashboardPage(values, figures, DashboardTables.Of(figures, l), communities, at));
    }

    /// <summary>One table as a workbook (<paramref name="table"/> names it), or every table, a sheet each.</summary>
    [HttpGet("/dashboard/export")]
    public async Task<IActionResult> Export(DashboardFilter filter, string? table, CancellationToken ct)
    {
        var known = filter.Community is { } asked ? await db.Communities.Where(c => c.Id == asked).Select(c => c.Id).ToListAsync(ct) : [];
        if (!Usable(filter, known))
        {
            return this.RefuseInvalid(Url.Action(nameof(Index)));
        }
        var (figures, _) = await FiguresAsync(filter, ct);
        var tables = DashboardTables.Of(figures, l).Where(t => table is null || t.Key == table).ToList();
        if (tables.Count == 0)
        {
            return NotFound();
        }
        var sheets = new Dictionary<string, object>();
        foreach (var t in tables)
        {
            sheets[t.SheetTitle.Length > SheetNameMax ? t.SheetTitle[..SheetNameMax] : t.SheetTitle] = Sheet(t);
        }
        var period = figures.Period;
        return await this.WorkbookAsync(sheets, string.Create(CultureInfo.InvariantCulture, $"dashboard-{table ?? "all"}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx"), ct);
    }

    /// <summary>
    /// Whether the filter can be worked out: dates the binder could read, within the years a filter may use, not ending
    /// before they start; a community that exists; a category of the list (the binder refuses any other).
    /// </summary>
    private bool Usable(DashboardFilter filter, IEnumerable<int> communities)
    {
        FilterDates.CheckPeriod(ModelState, l, filter.From, filter.To);
        if (filter.From is { } from && from > (filter.To ?? DateOnly.FromDateTime(time.Now)) && ModelState.IsValid)
        {
            ModelState.AddModelError(filter.To is null ? nameof(filter.From) : nameof(filter.To),
                l[filter.To is null ? "The start date is after today." : "The end date comes before the start date."]);
        }
        if (filter.Community is { } community && !communities.Contains(community))
        {
            ModelState.AddModelError(nameof(filter.Community), l["Choose a community from the list."]);
        }
        return ModelState.IsValid;
    }

    private async Task<DashboardSnapshot> FiguresAsync(DashboardFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = DashboardQuery.Resolve(filter, time, now);
        var seconds = configuration.GetValue("Dashboard:CacheSeconds", 60);
        if (seconds <= 0)
        {
            return new DashboardSnapshot(await new DashboardQuery(db).RunAsync(period, now, ct), now);
        }
        var key = (nameof(DashboardController), period.From, period.To, period.CommunityId, period.Category);
        if (cache.TryGetValue(key, out DashboardSnapshot? kept) && kept is not null)
        {
            return kept;
        }
        var snapshot = new DashboardSnapshot(await new DashboardQuery(db).RunAsync(period, now, ct), now);
        cache.Set(key, snapshot, TimeSpan.FromSeconds(seconds));
        return snapshot;
    }

    private static List<Dictionary<string, object>> Sheet(DashboardTable table)
    {
        var rows = table.Total is null ? table.Rows : [.. table.Rows, table.Total];
        return rows.Select(r =>
        {
            var row = new Dictionary<string, object> { [table.RowHeader] = r.Label };
            for (var i = 0; i < table.Columns.Count; i++)
            {
                row[table.Columns[i].Title] = r.Values[i] is { } v ? v : "";
            }
            return row;
        }).ToList();
    }
}
