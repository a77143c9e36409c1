using Microsoft.Extensions.Options;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// Where the portal is reached. <see cref="PathBase"/> (<c>Portal:PathBase</c>, e.g. <c>/portal</c>) is the prefix a reverse
/// proxy passes through; every link comes from a route, so it carries the prefix. <see cref="PublicBaseUrl"/>
/// (<c>Portal:PublicBaseUrl</c>, e.g. <c>https://gov.example/streets/xingfu/portal/</c>) is the one source of absolute
/// addresses, for what leaves the browser: QR codes on printed notices, later links in messages.
/// </summary>
public sealed class PortalAddressOptions
{
    public const string Section = "Portal";

    public string PathBase { get; set; } = "";

    public string? PublicBaseUrl { get; set; }

    /// <summary>The prefix as a path: empty, or a leading slash and no trailing one ("portal/" becomes "/portal").</summary>
    public PathString NormalizedPathBase =>
        string.IsNullOrWhiteSpace(PathBase) || PathBase.Trim() == "/" ? PathString.Empty : new PathString("/" + PathBase.Trim().Trim('/'));

    public static bool IsValidPublicBaseUrl(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

/// <summary>
/// Absolute addresses of the portal's pages. With <c>Portal:PublicBaseUrl</c> set, the page's route path (without the path
/// base: the public URL already names where the portal's root is seen from outside) goes under that URL; without it, the
/// request's own scheme, host and path base, as the proxy passed them on — right only when the proxy forwards the host
/// and the scheme, which is why a deployment behind a proxy should set the public URL.
/// </summary>
public sealed class PublicUrls(LinkGenerator links, IOptions<PortalAddressOptions> options)
{
    public string? Action(HttpContext context, string action, string controller, object? values = null)
    {
        var publicBase = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(publicBase))
        {
            return links.GetUriByAction(context, action, controller, values);
        }
        var path = links.GetPathByAction(action, controller, values);
        return path is null ? null : publicBase.Trim().TrimEnd('/') + path;
    }

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalAddressOptions>()
            .Bind(configuration.GetSection(PortalAddressOptions.Section))
            .Validate(o => PortalAddressOptions.IsValidPublicBaseUrl(o.PublicBaseUrl),
                "Portal:PublicBaseUrl must be an absolute http or https URL without query or fragment.")
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
    }
}
