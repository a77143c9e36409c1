using System.Security.Claims;
using CommunityService.Data;
using CommunityService.Data.Cases;
using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Shared.Security;

/// <summary>A case file as the resource of the check: its id is all the check needs.</summary>
public sealed record CaseFileResource(int CaseFileId);

/// <summary>
/// 保密: a case file is opened only by managers and by staff assigned to it. Everyone else, staff included, is
/// answered 404 whether the file exists or not (see CasesController).
/// </summary>
public sealed class CaseAccessRequirement : IAuthorizationRequirement
{
    public static readonly CaseAccessRequirement Instance = new();
}

/// <summary>
/// Reads the assignment from the database, not the cookie, so an unassigned worker loses access at once. Staff run the
/// same single query whether the file exists or not; the role must still be held, so an assignment outlives no demotion.
/// </summary>
public sealed class CaseAccessHandler(CommunityServiceDbContext db) : AuthorizationHandler<CaseAccessRequirement, CaseFileResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseAccessRequirement requirement, CaseFileResource resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Manager))
        {
            context.Succeed(requirement);
            return;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.Staff))
        {
            return;
        }
        if (await db.CaseAssignments.AnyAsync(a => a.CaseFileId == resource.CaseFileId && a.UserId == userId))
        {
            context.Succeed(requirement);
        }
    }
}

public static class CaseAccess
{
    public static async Task<bool> MayOpenCaseAsync(this IAuthorizationService authorization, ClaimsPrincipal user, int caseFileId) =>
        (await authorization.AuthorizeAsync(user, new CaseFileResource(caseFileId), CaseAccessRequirement.Instance)).Succeeded;

    /// <summary>The same rule as <see cref="CaseAccessHandler"/> as a filter, for lists and counts: a file one may not open is not there.</summary>
    public static IQueryable<CaseFile> OpenableBy(this IQueryable<CaseFile> files, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Manager))
        {
            return files;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && user.IsInRole(Roles.Staff)
            ? files.Where(f => f.Workers.Any(w => w.UserId == userId))
            : files.Where(f => false);
    }
}
