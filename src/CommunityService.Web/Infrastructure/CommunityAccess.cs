using System.Globalization;
using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CommunityService.Web.Infrastructure;

/// <summary>The community a record belongs to, as the resource of a record-level check.</summary>
public sealed record CommunityRecord(int CommunityId);

/// <summary>Staff work on their own community's records; staff of the whole street office and managers on all.</summary>
public sealed class WorksInCommunityRequirement : IAuthorizationRequirement
{
    public static readonly WorksInCommunityRequirement Instance = new();
}

public sealed class WorksInCommunityHandler : AuthorizationHandler<WorksInCommunityRequirement, CommunityRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WorksInCommunityRequirement requirement, CommunityRecord resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Manager))
        {
            context.Succeed(requirement);
        }
        else if (user.IsInRole(Roles.Staff))
        {
            var community = user.FindFirst(PortalClaimsFactory.CommunityId)?.Value;
            if (community is null || community == resource.CommunityId.ToString(CultureInfo.InvariantCulture))
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
