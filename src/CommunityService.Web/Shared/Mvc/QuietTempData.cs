using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// The cookie TempData provider answers every page that reads TempData (the layout reads the flash message) with a
/// Set-Cookie that deletes its cookie, even when the browser sent none. A response that sets a cookie is never
/// output-cached, so this provider leaves the header out unless there is a cookie to delete.
/// </summary>
public sealed class QuietTempData(CookieTempDataProvider inner) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName))
        {
            return;
        }
        inner.SaveTempData(context, values);
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietTempData>();
    }
}
