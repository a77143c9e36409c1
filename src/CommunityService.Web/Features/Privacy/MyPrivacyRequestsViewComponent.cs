using CommunityService.Data;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Features.Privacy;

/// <summary>The resident's requests about their data, with status and answer, as a section of /me.</summary>
public sealed class MyPrivacyRequestsViewComponent(CommunityServiceDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var rows = await MyRequests.LoadAsync(db, UserClaimsPrincipal.UserId(), HttpContext.RequestAborted);
        return View("~/Features/Privacy/_MyRequestsSection.cshtml", rows);
    }
}
