using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>What the pager partial needs: the page numbers, the current route (its address) and query (to keep the filters).</summary>
public sealed record PagerModel(int Number, int PageCount, RouteValueDictionary Route, IQueryCollection Query)
{
    public static PagerModel For<T>(Page<T> page, HttpRequest request) => new(page.Number, page.PageCount, request.RouteValues, request.Query);

    /// <summary>The same page at another number, made from its route (so under a path base too); a query key never overrides a route value.</summary>
    public string? UrlFor(IUrlHelper url, int number)
    {
        var values = new RouteValueDictionary(Route);
        foreach (var (key, given) in Query)
        {
            if (!values.ContainsKey(key) && !string.Equals(key, "page", StringComparison.OrdinalIgnoreCase))
            {
                values[key] = given.Count == 1 ? given[0] ?? "" : given.Select(v => v ?? "").ToArray();
            }
        }
        values["page"] = Math.Max(1, number).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return url.RouteUrl(values);
    }
}
