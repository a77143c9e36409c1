namespace CommunityService.Web.Features.SignUps;

public static class SignUpsSetup
{
    /// <summary>
    /// Sign-ups: a session's lists, and the queue that takes one change to a session's list at a time within this instance
    /// (<see cref="SessionQueue.Setting"/>, on by default: it spares the retries of a clash, which stays correct without it).
    /// </summary>
    public static IServiceCollection AddSignUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SessionLists>();
        services.AddSingleton(new SessionQueue(configuration.GetValue(SessionQueue.Setting, true)));
        return services;
    }
}
