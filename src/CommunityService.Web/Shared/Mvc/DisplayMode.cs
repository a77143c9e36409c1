
namespace CommunityService.Web.Shared.Mvc;

/// <summary>The large-text display a visitor chose (a cookie): the layout and the public pages' cache key read it.</summary>
public static class DisplayMode
{
    public const string CookieName = "cs.display";

    public static bool IsLarge(HttpRequest request) => request.Cookies[CookieName] == "large";
}
