namespace CommunityService.Web.Features.Cases;

public static class CasesSetup
{
    /// <summary>Case files: the protector of their text (who may open one is in Shared/Security/CaseAccess).</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseProtector>();
        return services;
    }
}
