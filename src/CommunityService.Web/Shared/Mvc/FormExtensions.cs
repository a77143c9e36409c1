using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Mvc;

public static class FormExtensions
{
    /// <summary>What the second of two editors of a record is told (their input stays in the form).</summary>
    public const string ConflictMessage = "Someone else changed this record at the same time. Your input is kept below; please review and save again.";

    /// <summary>Runs the form's validator (async rules included) and adds its messages to the model state.</summary>
    public static async Task<bool> ValidateFormAsync<T>(this Controller controller, T form, IValidator<T> validator, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(form, ct);
        result.AddToModelState(controller.ModelState);
        return controller.ModelState.IsValid;
    }

    /// <summary>The same form again, filled in, with its messages and a 400: bad input is the client's to fix.</summary>
    public static ViewResult InvalidForm(this Controller controller, object model, string? viewName = null, int status = StatusCodes.Status400BadRequest)
    {
        controller.Response.StatusCode = status;
        return controller.View(viewName, model);
    }

    /// <summary>A one-button action that cannot be done: the reason in words, a 400 (or <paramref name="status"/>), and the way back.</summary>
    public static ViewResult Refuse(this Controller controller, string message, string? backUrl, int status = StatusCodes.Status400BadRequest)
    {
        controller.Response.StatusCode = status;
        return controller.View("_Refused", new Refusal(message, backUrl));
    }

    /// <summary>A request whose form or address was refused without a page to show it on: its messages, a 400, the way back.</summary>
    public static ViewResult RefuseInvalid(this Controller controller, string? backUrl) =>
        controller.Refuse(string.Join(" ", controller.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), backUrl);

    /// <summary>
    /// The one place a lost race on a record's <c>Version</c> is caught for a form: saves the request's changes, or returns false
    /// when someone else saved one of the records since it was read (nothing was saved), so the action can show the filled-in
    /// form again with <see cref="ConflictForm"/>. One-button actions need nothing: the <see cref="ConcurrencyConflicts"/>
    /// filter answers them with a 409 page.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The same form again after a lost race: the input kept, the clash message above it, and a 409.</summary>
    public static ViewResult ConflictForm(this Controller controller, object model, string? viewName = null)
    {
        var l = controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        controller.ModelState.AddModelError("", l[ConflictMessage]);
        return controller.InvalidForm(model, viewName, StatusCodes.Status409Conflict);
    }

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
