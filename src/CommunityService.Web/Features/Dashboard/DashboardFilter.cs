using System.Globalization;
using CommunityService.Data.Catalog;

namespace CommunityService.Web.Features.Dashboard;

/// <summary>The dashboard's filters, from the query string: local dates (both included), a community, a category.</summary>
public sealed class DashboardFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Community { get; set; }
    public ServiceCategory? Category { get; set; }

    /// <summary>The filters of a resolved period as a query string, for the export links.</summary>
    public static string QueryOf(DashboardPeriod period)
    {
        var parts = new List<string>
        {
            "from=" + period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "to=" + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (period.CommunityId is { } community)
        {
            parts.Add("community=" + community.ToString(CultureInfo.InvariantCulture));
        }
        if (period.Category is { } category)
        {
            parts.Add("category=" + category);
        }
        return string.Join('&', parts);
    }
}
