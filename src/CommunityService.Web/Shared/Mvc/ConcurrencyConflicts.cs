using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// The last line behind the per-form clash handling: a save that loses a race on a record's Version in an action that does
/// not catch it (one-button steps such as approve or confirm, pressed by two people at once) answers 409 with a message
/// and the way back, not a 500. Nothing was saved: the losing request's changes are all in the failed SaveChanges.
/// </summary>
public sealed class ConcurrencyConflicts(IStringLocalizer<SharedResource> l, IModelMetadataProvider metadata) : IExceptionFilter
{
    public const string Message = "Someone else changed this record at the same time. Please review and save again.";

    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DbUpdateConcurrencyException)
        {
            return;
        }
        var request = context.HttpContext.Request;
        var back = Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) && referer.Host == request.Host.Host
            ? referer.PathAndQuery
            : null;
        context.Result = new ViewResult
        {
            ViewName = "_Refused",
            StatusCode = StatusCodes.Status409Conflict,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = new Refusal(l[Message], back) },
        };
        context.ExceptionHandled = true;
    }
}
