using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Identity;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Publicity;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Notices;

/// <summary>The public side of publicity: the notice board, a notice's page with its sessions, posters and flyers.</summary>
[AllowAnonymous]
public sealed class NoticesController(CommunityServiceDbContext db, TimeProvider clock, PublicUrls publicUrls) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("/notices")]
    public async Task<IActionResult> Index([FromQuery] NoticeFilter filter, int page = 1, CancellationToken ct = default)
    {
        var query = NoticeQueries.Visible(db, Now);
        // Every word must appear somewhere in the notice; Chinese has no spaces, so a phrase is one word. Compared in upper case
        // on both sides: "wifi" finds "WiFi" on every provider, whatever its collation.
        foreach (var word in filter.Words().Select(w => w.ToUpperInvariant()))
        {
#pragma warning disable CA1862 // A query, not .NET: UPPER(column) LIKE on every provider; the StringComparison overloads do not translate.
            query = query.Where(n => n.Title.ToUpper().Contains(word) || n.Body.ToUpper().Contains(word) || n.Audience.ToUpper().Contains(word)
                || n.Place.ToUpper().Contains(word) || n.Project!.Name.ToUpper().Contains(word));
#pragma warning restore CA1862
        }
        if (filter.Category is { } category)
        {
            query = query.Where(n => n.Project!.Category == category);
        }
        if (filter.Community is { } community)
        {
            query = query.Where(n => n.Project!.CommunityId == community);
        }
        if (filter.Group is { } group)
        {
            query = query.Where(n => n.Project!.TargetGroups.Any(g => g.Group == group));
        }
        // Fee and delivery come from the project's newest approved plan, which the notice announces.
        if (filter.Fee is { } fee)
        {
            query = query.Where(n => n.Project!.Plans.Where(p => p.Status == PlanStatus.Approved)
                .OrderByDescending(p => p.VersionNumber).Select(p => (FeeTier?)p.FeeTier).FirstOrDefault() == fee);
        }
        if (filter.Mode is { } mode and not DeliveryMode.Both)
        {
            // A service offered both ways matches either wish.
            DeliveryMode?[] modes = [mode, DeliveryMode.Both];
            query = query.Where(n => modes.Contains(n.Project!.Plans.Where(p => p.Status == PlanStatus.Approved)
                .OrderByDescending(p => p.VersionNumber).Select(p => (DeliveryMode?)p.DeliveryMode).FirstOrDefault()));
        }
        var rows = await query.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Select(NoticeQueries.ToRow)
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        var communities = await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        return View(new NoticeBoard(filter, communities, rows));
    }

    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("/notices/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var now = Now;
        var notice = await NoticeQueries.Visible(db, now).Where(n => n.Id == id)
            .Select(n => new NoticePage(n.Id, n.ProjectId, n.Title, n.Body, n.Audience, n.Schedule, n.Place, n.Fee, n.HowToJoin, n.Contact,
                n.PublishedAt, n.Project!.Category, n.Project.Community!.Name, n.Project.ServiceType!.Name, n.Project.Name,
                n.Project.Plans.Where(p => p.Status == PlanStatus.Approved).OrderByDescending(p => p.VersionNumber)
                    .Select(p => (DeliveryMode?)p.DeliveryMode).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        if (notice is null)
        {
            return NotFound();
        }
        // Places left change with every sign-up: the project's sign-ups evict this page.
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(PublicCache.ProjectTag(notice.ProjectId));
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ProjectId == notice.ProjectId && !s.IsCancelled && s.EndsAt > now)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(50)
            .Select(s => new SessionOffer(s.Id, s.Title, s.StartsAt, s.EndsAt, s.Place, s.Capacity, s.PlacesTaken, s.StartsAt > now))
            .ToListAsync(ct);
        IReadOnlyDictionary<int, SignUpStatus> mine = new Dictionary<int, SignUpStatus>();
        if (User.IsInRole(Roles.Resident) || User.IsInRole(Roles.Volunteer))
        {
            var me = User.UserId();
            mine = await db.SignUps.AsNoTracking()
                .Where(s => s.ProjectId == notice.ProjectId && s.ResidentId == me && s.Status != SignUpStatus.Cancelled)
                .ToDictionaryAsync(s => s.SessionId, s => s.Status, ct);
        }
        return View(notice with { Sessions = sessions, MySignUps = mine });
    }

    /// <summary>An A4 poster (海报) of a published notice, with a QR code that opens the notice on a phone.</summary>
    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("/notices/{id:int}/poster")]
    public Task<IActionResult> Poster(int id, CancellationToken ct) => PrintAsync(id, "Poster", ct);

    /// <summary>A flyer (传单): the same content, two to an A4 sheet.</summary>
    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("/notices/{id:int}/flyer")]
    public Task<IActionResult> Flyer(int id, CancellationToken ct) => PrintAsync(id, "Flyer", ct);

    private async Task<IActionResult> PrintAsync(int id, string view, CancellationToken ct)
    {
        var notice = await NoticeQueries.Visible(db, Now).Where(n => n.Id == id)
            .Select(n => new NoticePrint(n.Id, n.Title, n.Body, n.Audience, n.Schedule, n.Place, n.Fee, n.HowToJoin, n.Contact,
                n.Project!.Community!.Name))
            .FirstOrDefaultAsync(ct);
        if (notice is null)
        {
            return NotFound();
        }
        var url = publicUrls.Action(HttpContext, nameof(Details), "Notices", new { id }) ?? "";
        return View(view, notice with { Url = url, QrCode = QrCodes.PngDataUri(url) });
    }
}
