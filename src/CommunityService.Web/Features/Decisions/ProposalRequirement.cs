using System.Security.Claims;
using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Decisions;

/// <summary>The part of a project that decides who may see its proposal and give an opinion on it.</summary>
public sealed record ProposalResource(int ProjectId, int CommunityId, ProjectStage Stage);

/// <summary>
/// A proposal is not public. Staff and managers may always open it; a resident representative (居民代表)
/// only for a project of their own community, and only while it waits for its decision.
/// </summary>
public sealed class ProposalOpinionRequirement : IAuthorizationRequirement
{
    private ProposalOpinionRequirement(bool givesOpinion) => GivesOpinion = givesOpinion;

    public static ProposalOpinionRequirement Open { get; } = new(givesOpinion: false);

    /// <summary>A representative of the project's community; the action checks the stage itself, so it can say why it refuses.</summary>
    public static ProposalOpinionRequirement GiveOpinion { get; } = new(givesOpinion: true);

    public bool GivesOpinion { get; }
}

/// <summary>
/// Reads the flag and the community from the database, not the sign-in cookie: a representative named or
/// removed by staff counts at once. Scoped, so a page asking twice runs the query once.
/// </summary>
public sealed class ProposalOpinionHandler(CommunityServiceDbContext db) : AuthorizationHandler<ProposalOpinionRequirement, ProposalResource>
{
    private readonly Dictionary<string, int?> representedCommunity = [];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProposalOpinionRequirement requirement, ProposalResource resource)
    {
        var user = context.User;
        if (!requirement.GivesOpinion && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Manager)))
        {
            context.Succeed(requirement);
            return;
        }
        if (!requirement.GivesOpinion && resource.Stage != ProjectStage.Decision)
        {
            return;
        }
        if (await RepresentedCommunityAsync(user) == resource.CommunityId)
        {
            context.Succeed(requirement);
        }
    }

    private async Task<int?> RepresentedCommunityAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Resident))
        {
            return null;
        }
        var id = user.UserId();
        if (!representedCommunity.TryGetValue(id, out var community))
        {
            community = await db.Users.AsNoTracking()
                .Where(u => u.Id == id && u.IsRepresentative && !u.IsDisabled)
                .Select(u => u.CommunityId).FirstOrDefaultAsync();
            representedCommunity[id] = community;
        }
        return community;
    }
}
