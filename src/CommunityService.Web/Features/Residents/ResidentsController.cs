using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Residents;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Residents;

/// <summary>
/// Staff and managers see a resident's profile, with the special-group facts while the resident's consent stands;
/// staff of one community only their own community's residents.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("residents")]
public sealed class ResidentsController(CommunityServiceDbContext db, IAuthorizationService authorization, ResidentFactsProtector protector) : Controller
{
    [HttpGet("{userId}")]
    public async Task<IActionResult> Details(string userId, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Resident || r.Name == Roles.Volunteer))))
            .Select(u => new ResidentAccount(u.Id, u.UserName ?? "", u.DisplayName, u.CommunityId, u.Community!.Name))
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return NotFound();
        }
        var stored = await db.ResidentProfiles.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.FullName, p.Phone, p.CommunityId, Community = p.Community!.Name, p.Address, p.Household, p.SensitiveConsentAt,
                p.SensitiveConsentWording, p.UpdatedAt, p.ProtectedFacts })
            .FirstOrDefaultAsync(ct);
        var profile = stored is null ? null : new ResidentFacts(stored.FullName, stored.Phone, stored.CommunityId, stored.Community, stored.Address,
            stored.Household, FactsReading.Nothing, stored.SensitiveConsentAt, stored.SensitiveConsentWording, stored.UpdatedAt);
        if (!await MaySeeAsync(profile?.CommunityId ?? account.CommunityId))
        {
            return Forbid();
        }
        if (profile?.HasConsent == true)
        {
            // Special-group facts (disability, low income, age) are on this page: who looked is on the trail. Decrypted only
            // after the access check, and only while the consent stands.
            profile = profile with { Facts = protector.Read(stored!.ProtectedFacts, userId) };
            await audit.WriteAsync(User, AuditAction.SensitiveDataViewed, AuditRecordType.Resident, account.UserName, AuditResult.Succeeded, "", ct);
        }
        var history = await ConsentRow.HistoryAsync(db, userId, ct);
        return View(new ResidentPage(account, profile, history));
    }

    /// <summary>A resident of no community belongs to the street office as a whole: its own staff and managers see them.</summary>
    private async Task<bool> MaySeeAsync(int? communityId) => communityId is { } id
        ? await authorization.WorksInAsync(User, id)
        : User.IsInRole(Roles.Manager) || !User.HasClaim(c => c.Type == PortalClaimsFactory.CommunityId);
}
