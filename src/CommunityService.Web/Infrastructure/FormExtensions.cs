using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Infrastructure;

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

    /// <summary>A one-button action that cannot be done: the reason in words, a 400, and the way back.</summary>
    public static ViewResult Refuse(this Controller controller, string message, string? backUrl)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View("_Refused", new Refusal(message, backUrl));
    }

    /// <summary>A request whose form or address was refused without a page to show it on: its messages, a 400, the way back.</summary>
    public static ViewResult RefuseInvalid(this Controller controller, string? backUrl) =>
        controller.Refuse(string.Join(" ", controller.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), backUrl);

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
