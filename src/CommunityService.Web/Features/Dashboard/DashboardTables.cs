using System.Globalization;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Features.Money;
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
    DashboardRow? Total = null, bool Stacked = false)
{
    public static string Format(CellFormat format, decimal? value) => value is not { } v ? "–" : format switch
    {
        CellFormat.Hours => v.ToString("#,##0.0", CultureInfo.InvariantCulture),
        CellFormat.Percent => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        CellFormat.Rating => v.ToString("0.00", CultureInfo.InvariantCulture),
        CellFormat.Money => Yuan.Format(v),
        _ => v.ToString("#,##0", CultureInfo.InvariantCulture),
    };

    /// <summary>What dashboard.js draws: the row labels along one axis and a data set per charted column.</summary>
    public object ChartData => new
    {
        type = Chart,
        stacked = Stacked,
        labels = Rows.Select(r => r.Label),
        datasets = Columns.Select((c, i) => (c, i)).Where(x => x.c.Charted)
            .Select(x => new { label = x.c.Title, data = Rows.Select(r => r.Values[x.i]) }),
    };
}

/// <summary>Turns the figures into the dashboard's tables, in the reader's language.</summary>
public static class DashboardTables
{
    public static IReadOnlyList<DashboardTable> Of(DashboardFigures f, IStringLocalizer l)
    {
        string S(string key) => l[key].Value;
        static decimal? N(decimal? v) => v;
        var months = f.Period.Months;

        var categories = Enum.GetValues<ServiceCategory>();
        var stageRows = Enum.GetValues<ProjectStage>().Select(stage =>
        {
            var counts = categories.Select(c => f.ProjectsByStage.Where(s => s.Stage == stage && s.Category == c).Sum(s => s.Projects)).ToList();
            return new DashboardRow(S($"ProjectStage.{stage}"), [.. counts.Select(c => N(c)), counts.Sum()]);
        }).ToList();
        var projects = new DashboardTable("projects", S("Projects by stage and category"),
            S("Projects started before the end of the period, counted at the stage they are in today."), "bar", S("Stage"),
            [.. categories.Select(c => new DashboardColumn(S($"ServiceCategory.{c}"), CellFormat.Count, true)), new DashboardColumn(S("Total"), CellFormat.Count)],
            stageRows, Sum(S("Total"), stageRows), Stacked: true);

        var found = f.NeedsFound;
        var needs = new DashboardTable("needs", S("Needs found and addressed"),
            S("Needs recorded in the period (by the day they were found), by what has become of them since."), "bar", S("Status"),
            [new DashboardColumn(S("Needs"), CellFormat.Count, true), new DashboardColumn(S("Share"), CellFormat.Percent)],
            Enum.GetValues<NeedStatus>().Select(s =>
            {
                var n = f.Needs.Where(x => x.Status == s).Sum(x => x.Needs);
                return new DashboardRow(S($"NeedStatus.{s}"), [n, DashboardMath.Percent(n, found)]);
            }).ToList(),
            new DashboardRow(S("Needs found"), [found, found == 0 ? null : 100m]));

        var groups = new DashboardTable("groups", S("People served by target group"),
            S("Different people who received a service in the period, counted under each target group of the projects that served them; one person can count under several groups."),
            "bar", S("Target group"),
            [new DashboardColumn(S("People served"), CellFormat.Count, true), new DashboardColumn(S("Services delivered"), CellFormat.Count)],
            Enum.GetValues<TargetGroup>().Select(g =>
            {
                var row = f.ByTargetGroup.SingleOrDefault(x => x.Group == g);
                return new DashboardRow(S($"TargetGroup.{g}"), [row?.People ?? 0, row?.Services ?? 0]);
            }).ToList());

        var modes = new DashboardTable("modes", S("People served by delivery mode"),
            S("Services recorded in the period, by where they were given; the total counts each person once."), "bar", S("Delivery mode"),
            [new DashboardColumn(S("People served"), CellFormat.Count, true), new DashboardColumn(S("Services delivered"), CellFormat.Count), new DashboardColumn(S("Service hours"), CellFormat.Hours)],
            Enum.GetValues<DeliveryMode>().Where(m => m != DeliveryMode.Both || f.ByDeliveryMode.Any(x => x.Mode == m)).Select(m =>
            {
                var row = f.ByDeliveryMode.SingleOrDefault(x => x.Mode == m);
                return new DashboardRow(S($"DeliveryMode.{m}"), [row?.People ?? 0, row?.Services ?? 0, DashboardMath.Hours(row?.Minutes ?? 0)]);
            }).ToList(),
            new DashboardRow(S("Total"), [f.PeopleServed, f.Services, DashboardMath.Hours(f.ServiceMinutes)]));

        var activityRows = f.Activity.Select(a => new DashboardRow(a.Month.ToString(), [a.SessionsHeld, a.Services, DashboardMath.Hours(a.Minutes)])).ToList();
        var activity = new DashboardTable("activity", S("Sessions and service hours"),
            S("Sessions held (not cancelled, already started) and services recorded, by month; hours are the recorded duration of each service."),
            "bar", S("Month"),
            [new DashboardColumn(S("Sessions held"), CellFormat.Count, true), new DashboardColumn(S("Services delivered"), CellFormat.Count, true),
                new DashboardColumn(S("Service hours"), CellFormat.Hours, true)],
            activityRows,
            new DashboardRow(S("Total"), [f.Activity.Sum(a => a.SessionsHeld), f.Activity.Sum(a => a.Services), DashboardMath.Hours(f.Activity.Sum(a => a.Minutes))]));

        var ratings = f.Satisfaction.Sum(s => s.Ratings);
        var satisfied = f.Satisfaction.Sum(s => s.Satisfied);
        decimal? average = ratings == 0 ? null : Math.Round((decimal)(f.Satisfaction.Sum(s => (s.AverageRating ?? 0) * s.Ratings) / ratings), 2);
        var satisfaction = new DashboardTable("satisfaction", S("Satisfaction over time"),
            S("Residents' ratings (1 to 5) given in each month; satisfied means a rating of 4 or 5."), "line", S("Month"),
            [new DashboardColumn(S("Ratings"), CellFormat.Count), new DashboardColumn(S("Average rating"), CellFormat.Rating),
                new DashboardColumn(S("Satisfied"), CellFormat.Percent, true)],
            f.Satisfaction.Select(s => new DashboardRow(s.Month.ToString(),
                [s.Ratings, s.AverageRating is { } a ? Math.Round((decimal)a, 2) : null, s.SatisfiedPercent])).ToList(),
            new DashboardRow(S("Total"), [ratings, average, DashboardMath.Percent(satisfied, ratings)]));

        var volunteers = new DashboardTable("volunteers", S("Volunteer hours"),
            S("Volunteers' confirmed hours at sessions held in each month; volunteers are the different people who gave them."), "bar", S("Month"),
            [new DashboardColumn(S("Volunteer hours"), CellFormat.Hours, true), new DashboardColumn(S("Shifts"), CellFormat.Count),
                new DashboardColumn(S("Volunteers"), CellFormat.Count)],
            f.Volunteering.Select(v => new DashboardRow(v.Month.ToString(), [DashboardMath.Hours(v.Minutes), v.Shifts, v.Volunteers])).ToList(),
            new DashboardRow(S("Total"), [DashboardMath.Hours(f.Volunteering.Sum(v => v.Minutes)), f.Volunteering.Sum(v => v.Shifts), null]));

        var budgetRows = f.Budget.Select(b => new DashboardRow(S($"FundingSource.{b.Source}"), [b.Planned, b.Spent, SpentPercent(b.Spent, b.Planned)])).ToList();
        var (planned, spent) = (f.Budget.Sum(b => b.Planned), f.Budget.Sum(b => b.Spent));
        var budget = new DashboardTable("budget", S("Budget planned and spent by funding source"),
            S("Planned: the budget lines of the approved plans whose dates overlap the period, in full; spent: expenses dated in the period."),
            "bar", S("Funding source"),
            [new DashboardColumn(S("Planned"), CellFormat.Money, true), new DashboardColumn(S("Spent"), CellFormat.Money, true),
                new DashboardColumn(S("Spent of planned"), CellFormat.Percent)],
            budgetRows, new DashboardRow(S("Total"), [planned, spent, SpentPercent(spent, planned)]));

        var demandRows = f.Demand.Select(d => new DashboardRow(S($"ServiceCategory.{d.Category}"),
            [d.Sessions, d.FullSessions, d.Places, d.PlacesTaken, d.Waiting, d.HomeVisitsAsked, d.HomeVisitsOpen])).ToList();
        var demand = new DashboardTable("demand", S("Demand and capacity"),
            S("Sessions starting in the period (not cancelled): places offered and taken, full sessions, people still on a waiting list; home-visit requests made in the period and how many are still open."),
            "bar", S("Category"),
            [new DashboardColumn(S("Sessions"), CellFormat.Count), new DashboardColumn(S("Full sessions"), CellFormat.Count),
                new DashboardColumn(S("Places offered"), CellFormat.Count, true), new DashboardColumn(S("Places taken"), CellFormat.Count, true),
                new DashboardColumn(S("On a waiting list"), CellFormat.Count, true), new DashboardColumn(S("Home-visit requests"), CellFormat.Count),
                new DashboardColumn(S("Still open"), CellFormat.Count, true)],
            demandRows, Sum(S("Total"), demandRows));

        return [projects, needs, groups, modes, activity, satisfaction, volunteers, budget, demand];
    }

    private static decimal? SpentPercent(decimal spent, decimal planned) => planned == 0 ? null : Math.Round(100m * spent / planned, 1);

    private static DashboardRow Sum(string label, List<DashboardRow> rows) =>
        new(label, rows.Count == 0 ? [] : Enumerable.Range(0, rows[0].Values.Count).Select(i => (decimal?)rows.Sum(r => r.Values[i] ?? 0)).ToList());
}
