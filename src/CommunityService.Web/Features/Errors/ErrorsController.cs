using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Features.Errors;

/// <summary>The localized error pages; re-executed for any method, so no verb and no antiforgery here.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Error(int? code)
    {
        // A post whose form cannot be read (a NUL character, a value over the form limits) is refused with 400 before the
        // action; re-executed here, the same unreadable form stops model binding, so the code is also taken from the route.
        code ??= RouteData.Values["code"] is string text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
