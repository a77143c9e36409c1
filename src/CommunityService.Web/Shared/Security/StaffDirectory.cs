using CommunityService.Data;
using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Shared.Security;

/// <summary>Who can be given work in a community: active staff of that community or of the whole street office.</summary>
public static class StaffDirectory
{
    public static IQueryable<ApplicationUser> Workers(CommunityServiceDbContext db, int communityId) =>
        db.Users.AsNoTracking().Where(u => !u.IsDisabled && (u.CommunityId == null || u.CommunityId == communityId)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Staff)));

    public static Task<List<SelectListItem>> WorkerChoicesAsync(CommunityServiceDbContext db, int communityId, CancellationToken ct) =>
        Workers(db, communityId).OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id)).ToListAsync(ct);
}
