namespace CommunityService.Web.Features.HomeVisits;

public static class HomeVisitsSetup
{
    /// <summary>Home-visit requests: the protector of the need, which can reveal health.</summary>
    public static IServiceCollection AddHomeVisits(this IServiceCollection services) => services.AddSingleton<HomeVisitNeedProtector>();
}
