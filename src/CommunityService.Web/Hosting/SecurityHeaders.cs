
namespace CommunityService.Web.Hosting;

/// <summary>
/// Headers on every response: a strict content security policy (no inline script or style anywhere in the
/// portal), no MIME sniffing, no framing, a conservative referrer; and signed-in pages are never cached.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Old browsers' XSS auditor is switched off, as OWASP advises (it could be abused to hide parts of a page);
            // the content security policy is what stops injected script.
            headers.XXSSProtection = "0";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
