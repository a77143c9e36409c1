using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Features.Dashboard;
using Microsoft.Extensions.Localization;

namespace CommunityService.UnitTests.Dashboard;

public class DashboardMathTests
{
    [Fact]
    public void A_period_covers_every_month_it_touches_across_a_new_year()
    {
        var months = DashboardMath.MonthsBetween(new(2024, 11, 30), new(2025, 2, 1));

        Assert.Equal(["2024-11", "2024-12", "2025-01", "2025-02"], months.Select(m => m.ToString()));
    }

    [Fact]
    public void A_period_inside_one_month_is_that_month()
    {
        Assert.Equal([new Month(2024, 4)], DashboardMath.MonthsBetween(new(2024, 4, 3), new(2024, 4, 3)));
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(3, 3, 100.0)]
    [InlineData(0, 5, 0.0)]
    public void A_share_is_a_percentage_with_one_decimal(int part, int whole, double expected)
    {
        Assert.Equal((decimal)expected, DashboardMath.Percent(part, whole));
    }

    [Fact]
    public void A_share_of_nothing_is_no_figure_rather_than_zero()
    {
        Assert.Null(DashboardMath.Percent(0, 0));
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(90, 1.5)]
    [InlineData(100, 1.7)]
    [InlineData(360, 6.0)]
    public void Minutes_become_hours_with_one_decimal(int minutes, double hours)
    {
        Assert.Equal((decimal)hours, DashboardMath.Hours(minutes));
    }

    [Fact]
    public void Months_without_a_row_from_the_database_show_as_empty()
    {
        var months = DashboardMath.MonthsBetween(new(2024, 3, 1), new(2024, 5, 31));

        var rows = DashboardMath.ByMonth(months, [new MonthVolunteering(new(2024, 4), 60, 1, 1)], v => v.Month, m => new MonthVolunteering(m, 0, 0, 0));

        Assert.Equal([0, 60, 0], rows.Select(r => r.Minutes));
        Assert.Equal(months, rows.Select(r => r.Month));
    }

    [Fact]
    public void A_moment_falls_in_the_month_whose_start_it_has_passed()
    {
        // Local midnights in Beijing (UTC+8): 1 April starts at 16:00 UTC on 31 March.
        DateTime[] starts = [new(2024, 2, 29, 16, 0, 0), new(2024, 3, 31, 16, 0, 0), new(2024, 4, 30, 16, 0, 0), new(2024, 5, 31, 16, 0, 0), new(2024, 6, 30, 16, 0, 0)];
        var index = DashboardQuery.MonthIndex<DateTime>(t => t, starts).Compile();

        Assert.Equal(0, index(new(2024, 3, 1, 0, 0, 0)));
        Assert.Equal(0, index(new(2024, 3, 31, 15, 59, 59)));
        Assert.Equal(1, index(new(2024, 3, 31, 16, 0, 0)));
        Assert.Equal(2, index(new(2024, 5, 15, 0, 0, 0)));
        Assert.Equal(3, index(new(2024, 6, 30, 15, 0, 0)));
        Assert.Equal(4, index(new(2024, 7, 20, 0, 0, 0)));
    }

    [Theory]
    [InlineData(CellFormat.Count, 12345, "12,345")]
    [InlineData(CellFormat.Hours, 1234.5, "1,234.5")]
    [InlineData(CellFormat.Percent, 66.7, "66.7%")]
    [InlineData(CellFormat.Rating, 3.6667, "3.67")]
    [InlineData(CellFormat.Money, 4200, "¥4,200.00")]
    public void Cells_are_written_as_the_center_writes_numbers(CellFormat format, double value, string expected)
    {
        Assert.Equal(expected, DashboardTable.Format(format, (decimal)value));
    }

    [Fact]
    public void A_missing_figure_shows_as_a_dash()
    {
        Assert.Equal("–", DashboardTable.Format(CellFormat.Percent, null));
    }
}

/// <summary>The tables built from fixed figures: totals, shares and the weighted average of ratings.</summary>
public class DashboardTablesTests
{
    private sealed class KeysAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly DashboardPeriod Spring = new(new(2024, 3, 1), new(2024, 5, 31), default, default, [], null, null);

    private static readonly DashboardFigures Figures = new(
        Spring,
        [new StageCount(ProjectStage.Execution, ServiceCategory.Welfare, 2), new StageCount(ProjectStage.Execution, ServiceCategory.Commercial, 1),
            new StageCount(ProjectStage.Plan, ServiceCategory.Welfare, 4)],
        [new NeedCount(NeedStatus.Open, 1), new NeedCount(NeedStatus.Addressed, 3)],
        [new GroupServed(TargetGroup.Elderly, 5, 9)],
        [new ModeServed(DeliveryMode.AtHome, 2, 4, 150), new ModeServed(DeliveryMode.AtFacility, 4, 6, 90)],
        5,
        [new MonthActivity(new(2024, 3), 1, 4, 120), new MonthActivity(new(2024, 4), 0, 0, 0), new MonthActivity(new(2024, 5), 2, 6, 120)],
        [new MonthSatisfaction(new(2024, 3), 2, 1, 4.0), new MonthSatisfaction(new(2024, 4), 0, 0, null), new MonthSatisfaction(new(2024, 5), 3, 2, 11.0 / 3)],
        [new MonthVolunteering(new(2024, 3), 120, 1, 1), new MonthVolunteering(new(2024, 4), 0, 0, 0), new MonthVolunteering(new(2024, 5), 30, 1, 1)],
        [new SourceBudget(FundingSource.StateFunding, 3000m, 250.5m), new SourceBudget(FundingSource.Donation, 0m, 50m)],
        [new CategoryDemand(ServiceCategory.Welfare, 2, 1, 16, 12, 3, 4, 2)]);

    private static DashboardTable Table(string key) => DashboardTables.Of(Figures, new KeysAsText()).Single(t => t.Key == key);

    [Fact]
    public void Projects_are_counted_per_stage_and_category_with_totals_both_ways()
    {
        var table = Table("projects");

        var execution = table.Rows.Single(r => r.Label == "ProjectStage.Execution");
        Assert.Equal([2m, 0m, 1m, 3m], execution.Values);
        Assert.Equal([6m, 0m, 1m, 7m], table.Total!.Values);
        Assert.Equal(Enum.GetValues<ProjectStage>().Length, table.Rows.Count);
    }

    [Fact]
    public void The_overall_average_rating_weighs_each_month_by_its_ratings()
    {
        // (4.00 × 2 + 3.67 × 3) / 5 = (8 + 11) / 5 = 3.80, not the average of the monthly averages (3.83).
        Assert.Equal([5m, 3.80m, 60.0m], Table("satisfaction").Total!.Values);
    }

    [Fact]
    public void The_total_of_people_served_counts_each_person_once_not_the_sum_of_modes()
    {
        Assert.Equal([5m, 10m, 4.0m], Table("modes").Total!.Values);
    }

    [Fact]
    public void Spending_without_a_planned_budget_has_no_share()
    {
        var budget = Table("budget");

        Assert.Equal([3000m, 250.5m, 8.4m], budget.Rows[0].Values);
        Assert.Equal([0m, 50m, null], budget.Rows[1].Values);
        Assert.Equal([3000m, 300.5m, 10.0m], budget.Total!.Values);
    }

    [Fact]
    public void The_chart_draws_only_the_charted_columns()
    {
        var demand = Table("demand");

        var datasets = ((IEnumerable<object>)demand.ChartData.GetType().GetProperty("datasets")!.GetValue(demand.ChartData)!).ToList();
        Assert.Equal(4, datasets.Count);
        Assert.Equal(4, demand.Columns.Count(c => c.Charted));
    }

    [Fact]
    public void Hours_charted_beside_counts_get_an_axis_of_their_own()
    {
        static List<string> Axes(DashboardTable table) =>
            ((IEnumerable<object>)table.ChartData.GetType().GetProperty("datasets")!.GetValue(table.ChartData)!)
            .Select(d => (string)d.GetType().GetProperty("axis")!.GetValue(d)!).ToList();

        Assert.Equal(["y", "y", "y1"], Axes(Table("activity")));
        Assert.All(Axes(Table("budget")), axis => Assert.Equal("y", axis));
    }

    [Fact]
    public void A_sheet_title_fits_excel_and_a_short_one_is_given_where_the_title_is_long()
    {
        Assert.Equal("Budget and spending by source", Table("budget").SheetTitle);
        Assert.Equal(Table("needs").Title, Table("needs").SheetTitle);
    }
}
