using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Security;

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

public static class CommunityAccessExtensions
{
    public const string OtherCommunity = "You can only work on records of your own community.";

    /// <summary>The one community a staff member works in; null for street-office staff and managers, who work in all.</summary>
    public static int? OwnCommunity(this System.Security.Claims.ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Manager) && int.TryParse(user.FindFirst(PortalClaimsFactory.CommunityId)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var own)
            ? own
            : null;

    public static async Task<bool> WorksInAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, int communityId) =>
        (await authorization.AuthorizeAsync(user, new CommunityRecord(communityId), WorksInCommunityRequirement.Instance)).Succeeded;

    /// <summary>For records that span communities (a survey): the person works in at least one of them.</summary>
    public static async Task<bool> WorksInAnyAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, IEnumerable<int> communityIds)
    {
        foreach (var id in communityIds)
        {
            if (await authorization.WorksInAsync(user, id))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// For a form that names a community (a new project, a need): true when the person works in it; else a model error on that
    /// field, in their language, so that the form comes back as they filled it in.
    /// </summary>
    public static async Task<bool> WorksInChosenCommunityAsync(
        this ControllerBase controller, IAuthorizationService authorization, int communityId, string field, IStringLocalizer l)
    {
        if (await authorization.WorksInAsync(controller.User, communityId))
        {
            return true;
        }
        controller.ModelState.AddModelError(field, l[OtherCommunity]);
        return false;
    }

    /// <summary>
    /// A record-level check in one step: the record when the person works in its community, else the refusal to return —
    /// 404 when there is no record, 403 when it belongs to another community.
    /// </summary>
    public static async Task<RecordAccess<T>> OpenInCommunityAsync<T>(this ControllerBase controller, IAuthorizationService authorization, T? record, Func<T, int> communityOf)
        where T : class =>
        record is null ? new RecordAccess<T>(controller.NotFound())
        : await authorization.WorksInAsync(controller.User, communityOf(record)) ? new RecordAccess<T>(record)
        : new RecordAccess<T>(controller.Forbid());
}

/// <summary>The outcome of a record-level check: the record, or the response that refuses it.</summary>
public sealed class RecordAccess<T>
    where T : class
{
    public RecordAccess(T record) => Record = record;

    public RecordAccess(IActionResult refusal) => Refusal = refusal;

    public T? Record { get; }

    public IActionResult? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Granted => Record is not null;
}
