using System.Threading.RateLimiting;

namespace CommunityService.Web.Shared.Security;

/// <summary>
/// Guessing passwords or creating accounts in bulk: sign-in and registration posts are limited per client address
/// (`RateLimiting:SignInPerMinute`, 10 by default) in a fixed one-minute window. Over the limit the answer is 429, shown
/// as the localized error page. Behind a reverse proxy the client address must come from X-Forwarded-For (see
/// docs/operations.md), or every visitor shares the proxy's limit.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static void AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimiting:SignInPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
