using System.Security.Claims;
using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunityService.Web.Shared.Security;

/// <summary>Puts the person's name (and community) into the sign-in cookie, so pages greet them without a query.</summary>
public sealed class PortalClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "cs:display_name";
    public const string CommunityId = "cs:community";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.CommunityId is { } community)
        {
            identity.AddClaim(new Claim(CommunityId, community.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}

public static class ClaimsPrincipalNames
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaimsFactory.DisplayName) ?? user.Identity?.Name ?? "";
}
