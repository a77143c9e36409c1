namespace CommunityService.Web.Features.Me;

public static class MeSetup
{
    /// <summary>A resident's own page: the protector of the special-group facts she keeps with separate consent.</summary>
    public static IServiceCollection AddMe(this IServiceCollection services) => services.AddSingleton<ResidentFactsProtector>();
}
