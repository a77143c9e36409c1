using CommunityService.Data;
using CommunityService.Data.Communities;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Communities;

/// <summary>社区概况: each community's profile, kept as dated versions that are never overwritten.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("communities")]
public sealed class CommunityProfilesController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Communities.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CommunityProfileRow(c.Id, c.Name, c.IsActive,
                db.CommunityProfiles.Where(p => p.CommunityId == c.Id).OrderByDescending(p => p.VersionNumber)
                    .Select(p => (DateTime?)p.CreatedAt).FirstOrDefault(),
                db.CommunityProfiles.Count(p => p.CommunityId == c.Id)))
            .ToListAsync(ct));

    /// <summary>One version (the latest unless <paramref name="version"/> says otherwise) and what changed since the one before.</summary>
    [HttpGet("{id:int}/profile")]
    public async Task<IActionResult> Profile(int id, int? version, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (community is null)
        {
            return NotFound();
        }
        var versions = await (
                from p in db.CommunityProfiles.AsNoTracking()
                where p.CommunityId == id
                join u in db.Users on p.CreatedById equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                orderby p.VersionNumber descending
                select new ProfileVersionRow(p.VersionNumber, p.CreatedAt, u == null ? "" : u.DisplayName))
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            return version is null ? View(new ProfilePage(id, community, null, null, [], versions)) : NotFound();
        }
        var shownNumber = version ?? versions[0].VersionNumber;
        if (versions.All(v => v.VersionNumber != shownNumber))
        {
            return NotFound();
        }
        var previousNumber = versions.Where(v => v.VersionNumber < shownNumber).Select(v => (int?)v.VersionNumber).FirstOrDefault();
        var pair = await db.CommunityProfiles.AsNoTracking().Include(p => p.Venues)
            .Where(p => p.CommunityId == id && (p.VersionNumber == shownNumber || p.VersionNumber == previousNumber))
            .ToListAsync(ct);
        var shown = pair.Single(p => p.VersionNumber == shownNumber);
        var previous = pair.SingleOrDefault(p => p.VersionNumber == previousNumber);
        return View(new ProfilePage(id, community, shown, previous?.VersionNumber, ProfileChanges.Between(previous, shown), versions));
    }

    [HttpGet("{id:int}/profile/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (community is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, id))
        {
            return Forbid();
        }
        return View(ProfileForm.From(await LatestAsync(id, ct), id, community));
    }

    /// <summary>Saves the form as a new version; the form must be based on the version that is still the latest.</summary>
    [HttpPost("{id:int}/profile/edit")]
    public async Task<IActionResult> Edit(int id, ProfileForm form, [FromServices] IValidator<ProfileForm> validator, CancellationToken ct)
    {
        form.CommunityId = id;
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (community is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, id))
        {
            return Forbid();
        }
        form.CommunityName = community;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            form.PadVenues();
            return this.InvalidForm(form);
        }
        var latest = await LatestAsync(id, ct);
        if ((latest?.VersionNumber ?? 0) != form.BasedOnVersion)
        {
            return Clash(form);
        }
        var profile = form.ToProfile((latest?.VersionNumber ?? 0) + 1, User.UserId(), clock.GetUtcNow().UtcDateTime);
        if (latest is not null && ProfileChanges.Between(latest, profile).Count == 0)
        {
            TempData["Message"] = l["Nothing changed, so no new version was saved."].Value;
            return RedirectToAction(nameof(Profile), new { id });
        }
        db.CommunityProfiles.Add(profile);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the version number catches someone who saved between our check and our insert.
            db.ChangeTracker.Clear();
            if (await LatestNumberAsync(id, ct) == form.BasedOnVersion)
            {
                throw;
            }
            return Clash(form);
        }
        TempData["Message"] = l["The community profile was saved."].Value;
        return RedirectToAction(nameof(Profile), new { id });
    }

    private ViewResult Clash(ProfileForm form)
    {
        form.PadVenues();
        return this.ConflictForm(form);
    }

    private Task<CommunityProfile?> LatestAsync(int communityId, CancellationToken ct) =>
        db.CommunityProfiles.AsNoTracking().Include(p => p.Venues)
            .Where(p => p.CommunityId == communityId)
            .OrderByDescending(p => p.VersionNumber)
            .FirstOrDefaultAsync(ct);

    private async Task<int> LatestNumberAsync(int communityId, CancellationToken ct) =>
        await db.CommunityProfiles.Where(p => p.CommunityId == communityId).MaxAsync(p => (int?)p.VersionNumber, ct) ?? 0;
}
