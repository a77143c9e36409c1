using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// A blank text box binds as "" rather than null: the forms' text properties are non-nullable strings, and
/// the validators, not the binder, decide whether blank is allowed.
/// </summary>
public sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
