using System.Globalization;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;

namespace CommunityService.Web.Features.Dashboard;

/// <summary>A calendar month in the portal's time zone.</summary>
public readonly record struct Month(int Year, int Number)
{
    private int Index => Year * 12 + Number;

    public static Month Of(DateOnly day) => new(day.Year, day.Month);

    public Month Next() => Number == 12 ? new(Year + 1, 1) : new(Year, Number + 1);

    public bool IsAfter(Month other) => Index > other.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}");
}

/// <summary>The arithmetic the dashboard does on the database's sums: month buckets, percentages, hours.</summary>
public static class DashboardMath
{
    /// <summary>Every month the period touches, oldest first, so that a month with nothing in it still shows as zero.</summary>
    public static IReadOnlyList<Month> MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = new List<Month>();
        for (var m = Month.Of(from); !m.IsAfter(Month.Of(to)); m = m.Next())
        {
            months.Add(m);
        }
        return months;
    }

    /// <summary>Part of the whole in percent, one decimal; null when the whole is zero (nothing to divide).</summary>
    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    public static decimal Hours(long minutes) => Math.Round(minutes / 60m, 1);

    /// <summary>Rows per month from the database, with the months that have no row filled in by <paramref name="empty"/>.</summary>
    public static IReadOnlyList<T> ByMonth<T>(IReadOnlyList<Month> months, IEnumerable<T> rows, Func<T, Month> month, Func<Month, T> empty)
    {
        var found = rows.ToDictionary(month);
        return months.Select(m => found.TryGetValue(m, out var row) ? row : empty(m)).ToList();
    }
}

/// <summary>
/// The period and scope the figures are for. Dates are local days, both included; the UTC bounds are [StartUtc, EndUtc).
/// <see cref="MonthStartsUtc"/> has the UTC instant each of <see cref="Months"/> starts (local midnight on the 1st; the
/// first is the period's start), so that facts fall into local months by plain comparisons in the database.
/// </summary>
public sealed record DashboardPeriod(DateOnly From, DateOnly To, DateTime StartUtc, DateTime EndUtc, IReadOnlyList<DateTime> MonthStartsUtc, int? CommunityId, ServiceCategory? Category)
{
    public bool IsScoped => CommunityId is not null || Category is not null;

    public IReadOnlyList<Month> Months => DashboardMath.MonthsBetween(From, To);
}

public sealed record StageCount(ProjectStage Stage, ServiceCategory Category, int Projects);

public sealed record NeedCount(NeedStatus Status, int Needs);

public sealed record GroupServed(TargetGroup Group, int People, int Services);

public sealed record ModeServed(DeliveryMode Mode, int People, int Services, int Minutes);

public sealed record MonthActivity(Month Month, int SessionsHeld, int Services, int Minutes);

public sealed record MonthSatisfaction(Month Month, int Ratings, int Satisfied, double? AverageRating)
{
    public decimal? SatisfiedPercent => DashboardMath.Percent(Satisfied, Ratings);
}

public sealed record MonthVolunteering(Month Month, int Minutes, int Shifts, int Volunteers);

public sealed record SourceBudget(FundingSource Source, decimal Planned, decimal Spent);

public sealed record CategoryDemand(
    ServiceCategory Category, int Sessions, int FullSessions, int Places, int PlacesTaken, int Waiting, int HomeVisitsAsked, int HomeVisitsOpen);

/// <summary>Everything the dashboard shows, counted in the database by <see cref="DashboardQuery"/>.</summary>
public sealed record DashboardFigures(
    DashboardPeriod Period,
    IReadOnlyList<StageCount> ProjectsByStage,
    IReadOnlyList<NeedCount> Needs,
    IReadOnlyList<GroupServed> ByTargetGroup,
    IReadOnlyList<ModeServed> ByDeliveryMode,
    int PeopleServed,
    IReadOnlyList<MonthActivity> Activity,
    IReadOnlyList<MonthSatisfaction> Satisfaction,
    IReadOnlyList<MonthVolunteering> Volunteering,
    IReadOnlyList<SourceBudget> Budget,
    IReadOnlyList<CategoryDemand> Demand)
{
    public int Services => ByDeliveryMode.Sum(m => m.Services);

    public int ServiceMinutes => ByDeliveryMode.Sum(m => m.Minutes);

    public int NeedsFound => Needs.Sum(n => n.Needs);

    public int NeedsAddressed => Needs.Where(n => n.Status == NeedStatus.Addressed).Sum(n => n.Needs);
}
