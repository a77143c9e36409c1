using CommunityService.Data.Catalog;

namespace CommunityService.Web.Features.Dashboard;

public sealed record CommunityChoice(int Id, string Name);

/// <summary>The filter as the form shows it: the dates as typed, so that a refused date comes back for correcting.</summary>
public sealed record DashboardFilterValues(string From, string To, int? Community, ServiceCategory? Category);

/// <summary>The page: figures, or none when the filter was refused (its messages are in the model state).</summary>
public sealed record DashboardPage(
    DashboardFilterValues Filter, DashboardFigures? Figures, IReadOnlyList<DashboardTable> Tables, IReadOnlyList<CommunityChoice> Communities, DateTime WorkedOutAtUtc)
{
    public string Query => Figures is null ? "" : DashboardFilter.QueryOf(Figures.Period);
}

/// <summary>The figures for one filter and when they were worked out.</summary>
public sealed record DashboardSnapshot(DashboardFigures Figures, DateTime WorkedOutAtUtc);
