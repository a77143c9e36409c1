using System.Globalization;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace CommunityService.Web.Hosting;

public static class PublicCaching
{
    public static void AddPublicCaching(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // The default rules stay: only anonymous GET/HEAD answered 200 without a cookie being set are stored.
            o.AddPolicy(PublicCache.Policy, b => b
                .Expire(PublicCache.Lifetime)
                .Tag(PublicCache.NoticesTag)
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>("view",
                    $"{CultureInfo.CurrentUICulture.Name}|{CommunityService.Web.Shared.Mvc.DisplayMode.IsLarge(context.Request)}")));
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
    }

    /// <summary>
    /// Static files: links carry a content hash (asp-append-version adds ?v=…), so such a request may be kept
    /// for a year; a request without it revalidates with the ETag.
    /// </summary>
    public static void UseFingerprintedStaticFiles(this WebApplication app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

    /// <summary>
    /// Signed-in pages carry secrets (antiforgery tokens, personal data) next to text an attacker may influence;
    /// compressing them over HTTPS would open the BREACH side channel, so only anonymous pages are compressed.
    /// </summary>
    public static void UseNoCompressionForSignedIn(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.Features.Get<IHttpsCompressionFeature>() is { } feature)
            {
                feature.Mode = HttpsCompressionMode.DoNotCompress;
            }
            return next(context);
        });
}
