using System.Globalization;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Dashboard;

public enum CellFormat
{
    Count,
    Hours,
    Percent,
    Rating,
    Money,
}

public sealed record DashboardColumn(string Title, CellFormat Format, bool Charted = false);

public sealed record DashboardRow(string Label, IReadOnlyList<decimal?> Values);

/// <summary>
/// One section of the dashboard: a table (the figures, for screen readers and for those who prefer numbers), the chart drawn
/// from it, and one sentence saying what its numbers count. The export writes the same rows.
/// </summary>
public sealed record DashboardTable(
    string Key, string Title, string Meaning, string Chart, string RowHeader, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<DashboardRow> Rows,
    DashboardRow? Total = null, bool Stacked = false, string? ShortTitle = null)
{
    /// <summary>The title of the table's sheet in a workbook, where Excel allows 31 characters.</summary>
    public string SheetTitle => ShortTitle ?? Title;

    public static string Format(CellFormat format, decimal? value) => value is not { } v ? "–" : format switch
    {
        CellFormat.Hours => v.ToString("#,##0.0", CultureInfo.InvariantCulture),
        CellFormat.Percent => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        CellFormat.Rating => v.ToString("0.00", CultureInfo.InvariantCulture),
        CellFormat.Money => Yuan.Format(v),
        _ => v.ToString("#,##0", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// What dashboard.js draws: the row labels along one axis and a data set per charted column. Hours charted beside counts
    /// get an axis of their own on the right ("y1"), so that neither scale flattens the other.
    /// </summary>
    public object ChartData => new
    {
        type = Chart,
        stacked = Stacked,
        labels = Rows.Select(r => r.Label),
        datasets = Columns.Select((c, i) => (c, i)).Where(x => x.c.Charted)
            .Select(x => new { label = x.c.Title, data = Rows.Select(r => r.Values[x.i]), axis = OwnAxis(x.c) ? "y1" : "y" }),
    };

    private bool OwnAxis(DashboardColumn column) =>
        column.Format == CellFormat.Hours && Columns.Any(c => c.Charted && c.Format == CellFormat.Count);
}

/// <summary>Turns the figures into the dashboard's tables, in the reader's language.</summary>
public static class DashboardTables
{
    public static IReadOnlyList<DashboardTable> Of(DashboardFigures f, IStringLocalizer l)
    {
        static decimal? N(decimal? v) => v;
        var months = f.Period.Months;

        var categories = Enum.GetValues<ServiceCategory>();
        var stageRows = Enum.GetValues<ProjectStage>().Select(stage =>
        {
            var counts = categories.Select(c => f.ProjectsByStage.Where(s => s.Stage == stage && s.Category == c).Sum(s => s.Projects)).ToList();
            return new DashboardRow(l[$"ProjectStage.{stage}"].Value, [.. counts.Select(c => N(c)), counts.Sum()]);
        }).ToList();
        var projects = new DashboardTable("projects", l["Projects by stage and category"].Value,
            l["Projects started before the end of the period, counted at the stage they are in today."].Value, "bar", l["Stage"].Value,
            [.. categories.Select(c => new DashboardColumn(l[$"ServiceCategory.{c}"].Value, CellFormat.Count, true)), new DashboardColumn(l["Total"].Value, CellFormat.Count)],
            stageRows, Sum(l["Total"].Value, stageRows), Stacked: true);

        var found = f.NeedsFound;
        var needs = new DashboardTable("needs", l["Needs found and addressed"].Value,
            l["Needs recorded in the period (by the day they were found), by what has become of them since."].Value, "bar", l["Status"].Value,
            [new DashboardColumn(l["Needs"].Value, CellFormat.Count, true), new DashboardColumn(l["Share"].Value, CellFormat.Percent)],
            Enum.GetValues<NeedStatus>().Select(s =>
            {
                var n = f.Needs.Where(x => x.Status == s).Sum(x => x.Needs);
                return new DashboardRow(l[$"NeedStatus.{s}"].Value, [n, DashboardMath.Percent(n, found)]);
            }).ToList(),
            new DashboardRow(l["Needs found"].Value, [found, found == 0 ? null : 100m]));

        var groups = new DashboardTable("groups", l["People served by target group"].Value,
            l["Different people who received a service in the period, counted under each target group of the projects that served them; one person can count under several groups."].Value,
            "bar", l["Target group"].Value,
            [new DashboardColumn(l["People served"].Value, CellFormat.Count, true), new DashboardColumn(l["Services delivered"].Value, CellFormat.Count)],
            Enum.GetValues<TargetGroup>().Select(g =>
            {
                var row = f.ByTargetGroup.SingleOrDefault(x => x.Group == g);
                return new DashboardRow(l[$"TargetGroup.{g}"].Value, [row?.People ?? 0, row?.Services ?? 0]);
            }).ToList());

        var modes = new DashboardTable("modes", l["People served by delivery mode"].Value,
            l["Services recorded in the period, by where they were given; the total counts each person once."].Value, "bar", l["Delivery mode"].Value,
            [new DashboardColumn(l["People served"].Value, CellFormat.Count, true), new DashboardColumn(l["Services delivered"].Value, CellFormat.Count), new DashboardColumn(l["Service hours"].Value, CellFormat.Hours)],
            Enum.GetValues<DeliveryMode>().Where(m => m != DeliveryMode.Both || f.ByDeliveryMode.Any(x => x.Mode == m)).Select(m =>
            {
                var row = f.ByDeliveryMode.SingleOrDefault(x => x.Mode == m);
                return new DashboardRow(l[$"DeliveryMode.{m}"].Value, [row?.People ?? 0, row?.Services ?? 0, DashboardMath.Hours(row?.Minutes ?? 0)]);
            }).ToList(),
            new DashboardRow(l["Total"].Value, [f.PeopleServed, f.Services, DashboardMath.Hours(f.ServiceMinutes)]));

        var activityRows = f.Activity.Select(a => new DashboardRow(a.Month.ToString(), [a.SessionsHeld, a.Services, DashboardMath.Hours(a.Minutes)])).ToList();
        var activity = new DashboardTable("activity", l["Sessions and service hours"].Value,
            l["Sessions held (not cancelled, already started) and services recorded, by month; hours are the recorded duration of each service."].Value,
            "bar", l["Month"].Value,
            [new DashboardColumn(l["Sessions held"].Value, CellFormat.Count, true), new DashboardColumn(l["Services delivered"].Value, CellFormat.Count, true),
                new DashboardColumn(l["Service hours"].Value, CellFormat.Hours, true)],
            activityRows,
            new DashboardRow(l["Total"].Value, [f.Activity.Sum(a => a.SessionsHeld), f.Activity.Sum(a => a.Services), DashboardMath.Hours(f.Activity.Sum(a => a.Minutes))]));

        var ratings = f.Satisfaction.Sum(s => s.Ratings);
        var satisfied = f.Satisfaction.Sum(s => s.Satisfied);
        decimal? average = ratings == 0 ? null : Math.Round((decimal)(f.Satisfaction.Sum(s => (s.AverageRating ?? 0) * s.Ratings) / ratings), 2);
        var satisfaction = new DashboardTable("satisfaction", l["Satisfaction over time"].Value,
            l["Residents' ratings (1 to 5) given in each month; satisfied means a rating of 4 or 5."].Value, "line", l["Month"].Value,
            [new DashboardColumn(l["Ratings"].Value, CellFormat.Count), new DashboardColumn(l["Average rating"].Value, CellFormat.Rating),
                new DashboardColumn(l["Satisfied"].Value, CellFormat.Percent, true)],
            f.Satisfaction.Select(s => new DashboardRow(s.Month.ToString(),
                [s.Ratings, s.AverageRating is { } a ? Math.Round((decimal)a, 2) : null, s.SatisfiedPercent])).ToList(),
            new DashboardRow(l["Total"].Value, [ratings, average, DashboardMath.Percent(satisfied, ratings)]));

        var volunteers = new DashboardTable("volunteers", l["Volunteer hours"].Value,
            l["Volunteers' confirmed hours at sessions held in each month; volunteers are the different people who gave them."].Value, "bar", l["Month"].Value,
            [new DashboardColumn(l["Volunteer hours"].Value, CellFormat.Hours, true), new DashboardColumn(l["Shifts"].Value, CellFormat.Count),
                new DashboardColumn(l["Volunteers"].Value, CellFormat.Count)],
            f.Volunteering.Select(v => new DashboardRow(v.Month.ToString(), [DashboardMath.Hours(v.Minutes), v.Shifts, v.Volunteers])).ToList(),
            new DashboardRow(l["Total"].Value, [DashboardMath.Hours(f.Volunteering.Sum(v => v.Minutes)), f.Volunteering.Sum(v => v.Shifts), null]));

        var budgetRows = f.Budget.Select(b => new DashboardRow(l[$"FundingSource.{b.Source}"].Value, [b.Planned, b.Spent, SpentPercent(b.Spent, b.Planned)])).ToList();
        var (planned, spent) = (f.Budget.Sum(b => b.Planned), f.Budget.Sum(b => b.Spent));
        var budget = new DashboardTable("budget", l["Budget planned and spent by funding source"].Value,
            l["Planned: the budget lines of the approved plans whose dates overlap the period, in full; spent: expenses dated in the period."].Value,
            "bar", l["Funding source"].Value,
            [new DashboardColumn(l["Planned"].Value, CellFormat.Money, true), new DashboardColumn(l["Spent"].Value, CellFormat.Money, true),
                new DashboardColumn(l["Spent of planned"].Value, CellFormat.Percent)],
            budgetRows, new DashboardRow(l["Total"].Value, [planned, spent, SpentPercent(spent, planned)]), ShortTitle: l["Budget and spending by source"].Value);

        var demandRows = f.Demand.Select(d => new DashboardRow(l[$"ServiceCategory.{d.Category}"].Value,
            [d.Sessions, d.FullSessions, d.Places, d.PlacesTaken, d.Waiting, d.HomeVisitsAsked, d.HomeVisitsOpen])).ToList();
        var demand = new DashboardTable("demand", l["Demand and capacity"].Value,
            l["Sessions starting in the period (not cancelled): places offered and taken, full sessions, people still on a waiting list; home-visit requests made in the period, and every request made before its end that is still open today."].Value,
            "bar", l["Category"].Value,
            [new DashboardColumn(l["Sessions"].Value, CellFormat.Count), new DashboardColumn(l["Full sessions"].Value, CellFormat.Count),
                new DashboardColumn(l["Places offered"].Value, CellFormat.Count, true), new DashboardColumn(l["Places taken"].Value, CellFormat.Count, true),
                new DashboardColumn(l["On a waiting list"].Value, CellFormat.Count, true), new DashboardColumn(l["Home-visit requests"].Value, CellFormat.Count),
                new DashboardColumn(l["Still open"].Value, CellFormat.Count, true)],
            demandRows, Sum(l["Total"].Value, demandRows));

        return [projects, needs, groups, modes, activity, satisfaction, volunteers, budget, demand];
    }

    private static decimal? SpentPercent(decimal spent, decimal planned) => planned == 0 ? null : Math.Round(100m * spent / planned, 1);

    private static DashboardRow Sum(string label, List<DashboardRow> rows) =>
        new(label, rows.Count == 0 ? [] : Enumerable.Range(0, rows[0].Values.Count).Select(i => (decimal?)rows.Sum(r => r.Values[i] ?? 0)).ToList());
}
