namespace CommunityService.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>Privacy: the anonymizer of deletion requests, and retention (its options, the nightly run).</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<ResidentAnonymizer>();
        services.AddScoped<Retention>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
