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
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
