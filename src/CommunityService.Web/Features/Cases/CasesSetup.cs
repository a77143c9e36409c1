using Microsoft.AspNetCore.Authorization;

namespace CommunityService.Web.Features.Cases;

public static class CasesSetup
{
    /// <summary>Case files: who may open one (by assignment and community), and the protector of their text.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, CaseAccessHandler>();
        services.AddSingleton<CaseProtector>();
        return services;
    }
}
