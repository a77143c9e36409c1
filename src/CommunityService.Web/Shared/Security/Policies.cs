using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CommunityService.Web.Shared.Security;

/// <summary>Named authorization policies. The fallback policy (any signed-in user) covers everything else.</summary>
public static class Policies
{
    public const string StaffOrManager = nameof(StaffOrManager);
    public const string Manager = nameof(Manager);
    public const string Admin = nameof(Admin);
    public const string Resident = nameof(Resident);
    public const string Volunteer = nameof(Volunteer);

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(StaffOrManager, p => p.RequireRole(Roles.Staff, Roles.Manager));
        options.AddPolicy(Manager, p => p.RequireRole(Roles.Manager));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Resident, p => p.RequireRole(Roles.Resident, Roles.Volunteer));
        options.AddPolicy(Volunteer, p => p.RequireRole(Roles.Volunteer));
    }
}
