using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Representatives;

/// <summary>居民代表: staff name the residents who give opinions on their community's proposals.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("representatives")]
public sealed class RepresentativesController(
    CommunityServiceDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? community, bool only = false, int page = 1, CancellationToken ct = default)
    {
        var query = Residents();
        if (community is { } c)
        {
            query = query.Where(u => u.CommunityId == c);
        }
        if (only)
        {
            query = query.Where(u => u.IsRepresentative);
        }
        var rows = await query
            .OrderBy(u => u.Community!.Name).ThenByDescending(u => u.IsRepresentative).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new ResidentRow(u.Id, u.UserName!, u.DisplayName, u.Community!.Name, u.IsRepresentative))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        var communities = await db.Communities.AsNoTracking().OrderBy(x => x.Name)
            .Select(x => new SelectListItem(x.Name, x.Id.ToString())).ToListAsync(ct);
        return View(new ResidentList(community, only, communities, rows));
    }

    [HttpPost("{userId}")]
    public async Task<IActionResult> Set(string userId, RepresentativeForm form, [FromServices] IValidator<RepresentativeForm> validator, CancellationToken ct)
    {
        var back = Url.LocalOr(form.ReturnUrl, Url.Action(nameof(Index)));
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.Refuse(l["The value is not valid."], back);
        }
        if (user.CommunityId is { } community && !await authorization.WorksInAsync(User, community))
        {
            return Forbid();
        }
        if (form.IsRepresentative && !await Residents().AnyAsync(u => u.Id == userId, ct))
        {
            return this.Refuse(l[RepresentativeRules.OnlyResidents], back);
        }
        if (form.IsRepresentative && user.CommunityId is null)
        {
            return this.Refuse(l[RepresentativeRules.NeedsCommunity], back);
        }
        user.IsRepresentative = form.IsRepresentative;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = (form.IsRepresentative
            ? l["{0} is now a resident representative.", user.DisplayName]
            : l["{0} is no longer a resident representative.", user.DisplayName]).Value;
        return LocalRedirect(back);
    }

    private IQueryable<ApplicationUser> Residents() =>
        db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Resident)));
}
