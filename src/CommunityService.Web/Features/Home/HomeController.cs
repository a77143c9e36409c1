using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(CommunityServiceDbContext db, TimeProvider clock) : Controller
{
    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var office = await db.StreetOffices.AsNoTracking()
            .Select(o => new CenterInfo(o.Name, o.Address, o.Phone, o.OpeningHours))
            .FirstOrDefaultAsync(ct);
        var notices = await NoticeQueries.NewestVisible(db, clock.GetUtcNow().UtcDateTime)
            .Select(NoticeQueries.ToRow)
            .Take(5)
            .ToListAsync(ct);
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Open)
            .OrderByDescending(s => s.CreatedAt).Take(3)
            .Select(s => new OpenSurvey(s.Id, s.Title, s.EndDate, s.AllowAnonymous)).ToListAsync(ct);
        var proposals = User.IsInRole(Roles.Resident) ? await ProposalsAwaitingAsync(User.UserId(), ct) : [];
        return View(new HomePage(office, notices, surveys) { Proposals = proposals });
    }

    [OutputCache(PolicyName = PublicCache.Policy)]
    [HttpGet("/services")]
    public async Task<IActionResult> Services(CancellationToken ct)
    {
        var types = await db.ServiceTypes.AsNoTracking()
            .Where(t => t.IsActive)
            .OrderBy(t => t.Category).ThenBy(t => t.Id)
            .Select(t => new CatalogType(t.Id, t.Category, t.Name, t.Description,
                db.Projects.Count(p => p.ServiceTypeId == t.Id && (p.Stage == ProjectStage.Publicity || p.Stage == ProjectStage.Execution))))
            .ToListAsync(ct);
        return View(types);
    }

    /// <summary>For a representative: their community's proposals waiting for a decision, in one query (none for anyone else).</summary>
    private Task<List<ProposalLink>> ProposalsAwaitingAsync(string userId, CancellationToken ct) =>
        db.Projects.AsNoTracking()
            .Where(p => p.Stage == ProjectStage.Decision
                && db.Users.Any(u => u.Id == userId && u.IsRepresentative && u.CommunityId == p.CommunityId))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ProposalLink(p.Id, p.Name, p.Opinions.Any(o => o.GivenById == userId)))
            .ToListAsync(ct);

    /// <summary>适老化: the larger-text, stronger-contrast mode, switched on every page and remembered in a cookie.</summary>
    [HttpGet("/display")]
    public IActionResult SetDisplay(bool large, string? returnUrl)
    {
        Response.Cookies.Append(DisplayMode.CookieName, large ? "large" : "standard",
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        return LocalRedirect(Url.LocalOr(returnUrl, Url.Action(nameof(Index))));
    }

    /// <summary>The language switcher: remembers the choice in the standard culture cookie for a year.</summary>
    [HttpGet("/culture")]
    public IActionResult SetCulture(string? c, string? returnUrl)
    {
        var culture = c == "en" ? "en" : "zh-CN";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        return LocalRedirect(Url.LocalOr(returnUrl, Url.Action(nameof(Index))));
    }
}
