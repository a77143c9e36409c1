using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// MVC marks every non-nullable number "required" with the framework's English message; giving those
/// attributes a message key lets data-annotations localization translate them, on the page and in the browser.
/// </summary>
public sealed class RequiredMessageProvider : IValidationMetadataProvider
{
    public const string Message = "The {0} field is required.";

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (required.ErrorMessage is null && required.ErrorMessageResourceName is null)
            {
                required.ErrorMessage = Message;
            }
        }
    }
}
