namespace CommunityService.Web.Demo;

public static class DemoSetup
{
    /// <summary>The demo data's seeder (run in Development, with <c>--seed-demo</c> or <c>Demo:Seed</c>; never in Production).</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoSeeder>();
}
