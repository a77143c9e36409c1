using CommunityService.Data;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Audit;

/// <summary>The audit trail, for managers: newest first, filtered by record type, actor, result and local dates.</summary>
[Authorize(Policy = Policies.Manager)]
public sealed class AuditController(CommunityServiceDbContext db, PortalTime time, IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/audit")]
    public async Task<IActionResult> Index(AuditFilter filter, int page = 1, CancellationToken ct = default)
    {
        if (!FilterDates.CheckPeriod(ModelState, l, filter.From, filter.To))
        {
            return this.InvalidForm(new AuditList(filter, new Page<AuditRow>([], 1, PageSize, 0)));
        }
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Type is { } type)
        {
            var name = type.ToString();
            query = query.Where(a => a.RecordType == name);
        }
        if (filter.Event is { } action)
        {
            var name = action.ToString();
            query = query.Where(a => a.Action == name);
        }
        if (filter.Result is { } result)
        {
            var name = result.ToString();
            query = query.Where(a => a.Result == name);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // A query, not .NET: UPPER(column) LIKE on every provider; the StringComparison overloads do not translate.
            query = query.Where(a => a.ActorName.ToUpper().Contains(actor));
#pragma warning restore CA1862
        }
        if (!string.IsNullOrWhiteSpace(filter.Record))
        {
            var record = filter.Record.Trim();
            query = query.Where(a => a.RecordId == record);
        }
        if (filter.From is { } from)
        {
            var start = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At < end);
        }
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.RecordType, a.RecordId, a.Result, a.Detail))
            .ToPageAsync(page, PageSize, ct);
        return View(new AuditList(filter, rows));
    }
}
