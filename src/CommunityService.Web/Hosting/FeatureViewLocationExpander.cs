using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace CommunityService.Web.Hosting;

/// <summary>
/// Finds a controller's views in its feature folder: the controller in namespace
/// <c>CommunityService.Web.Features.Admin.Users</c> has its views in <c>/Features/Admin/Users/</c>.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Root = "CommunityService.Web.Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor descriptor)
        {
            var ns = descriptor.ControllerTypeInfo.Namespace ?? "";
            if (ns.StartsWith(Root, StringComparison.Ordinal))
            {
                context.Values[Key] = ns[Root.Length..].Replace('.', '/');
            }
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }
        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
