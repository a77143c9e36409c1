using Microsoft.AspNetCore.Http.Extensions;

namespace CommunityService.Web.Infrastructure;

/// <summary>What the pager partial needs: the page numbers, and the current query to keep the filters.</summary>
public sealed record PagerModel(int Number, int PageCount, string Path, IQueryCollection Query)
{
    public static PagerModel For<T>(Page<T> page, HttpRequest request) => new(page.Number, page.PageCount, request.Path, request.Query);

    public string UrlFor(int number)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in Query)
        {
            if (!string.Equals(key, "page", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }
        query.Add("page", Math.Max(1, number).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Path + query.ToQueryString();
    }
}
