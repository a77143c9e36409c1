using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommunityService.Web.Shared.Security;

/// <summary>The five roles exist in every environment; the first administrator is made from the command line.</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole> roles, UserManager<ApplicationUser> users, TimeProvider clock)
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

    /// <summary>Creates an administrator account, or says why not ("created" when it worked).</summary>
    public async Task<string> CreateAdminAsync(string userName, string password)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "usage: --create-admin NAME, with the password in COMMUNITYSERVICE_ADMIN_PASSWORD";
        }
        if (await users.FindByNameAsync(userName) is not null)
        {
            return "a user with this name already exists";
        }
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return string.Join("; ", created.Errors.Select(e => e.Description));
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        return "created";
    }
}
