using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommunityService.Web.Features.Demo;

/// <summary>The five roles exist in every environment.</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole> roles)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
