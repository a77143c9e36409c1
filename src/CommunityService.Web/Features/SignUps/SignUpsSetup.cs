namespace CommunityService.Web.Features.SignUps;

public static class SignUpsSetup
{
    /// <summary>Sign-ups: a session's lists, and the queue that takes one sign-up at a time on SQLite.</summary>
    public static IServiceCollection AddSignUps(this IServiceCollection services)
    {
        services.AddScoped<SessionLists>();
        services.AddSingleton<SessionQueue>();
        return services;
    }
}
