using System.Linq.Expressions;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Volunteers;
using CommunityService.Web.Shared.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures, each a GROUP BY in the database: <see cref="Commands"/> SQL commands whatever the number of
/// projects or records, and only grouped rows (at most one per month, stage, group or source) come back.
/// </summary>
public sealed class DashboardQuery(CommunityServiceDbContext db)
{
    /// <summary>How many SQL commands <see cref="RunAsync"/> sends.</summary>
    public const int Commands = 14;

    /// <summary>The period asked for, or the last twelve months (this month and the eleven before it) up to today.</summary>
    public static DashboardPeriod Resolve(DashboardFilter filter, PortalTime time, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(time.Local(nowUtc));
        var to = filter.To ?? today;
        var from = filter.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        var start = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var monthStarts = DashboardMath.MonthsBetween(from, to)
            .Select((m, i) => i == 0 ? start : time.ToUtc(new DateTime(m.Year, m.Number, 1, 0, 0, 0, DateTimeKind.Unspecified)))
            .ToList();
        return new DashboardPeriod(from, to, start, time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)), monthStarts, filter.Community, filter.Category);
    }

    /// <summary>
    /// The index of the month a moment falls in, as nested comparisons with the months' UTC starts (a binary search, so a
    /// year is four comparisons deep): cheap for the database, unlike date functions on every row, and right across a change
    /// of UTC offset. Rows are already inside the period, so the first month takes everything before the second's start.
    /// </summary>
    public static Expression<Func<T, int>> MonthIndex<T>(Expression<Func<T, DateTime>> at, IReadOnlyList<DateTime> monthStarts)
    {
        Expression Between(int first, int last)
        {
            if (first == last)
            {
                return Expression.Constant(first);
            }
            var middle = (first + last + 1) / 2;
            return Expression.Condition(Expression.LessThan(at.Body, Expression.Constant(monthStarts[middle])), Between(first, middle - 1), Between(middle, last));
        }
        return Expression.Lambda<Func<T, int>>(Between(0, monthStarts.Count - 1), at.Parameters);
    }

    public async Task<DashboardFigures> RunAsync(DashboardPeriod period, DateTime nowUtc, CancellationToken ct)
    {
        var (start, end, starts) = (period.StartUtc, period.EndUtc, period.MonthStartsUtc);
        var projects = db.Projects.AsNoTracking();
        if (period.CommunityId is { } community)
        {
            projects = projects.Where(p => p.CommunityId == community);
        }
        if (period.Category is { } category)
        {
            projects = projects.Where(p => p.Category == category);
        }
        var projectIds = projects.Select(p => p.Id);
        var scoped = period.IsScoped;

        var stages = await projects.Where(p => p.CreatedAt < end)
            .GroupBy(p => new { p.Stage, p.Category })
            .Select(g => new StageCount(g.Key.Stage, g.Key.Category, g.Count()))
            .ToListAsync(ct);

        var needs = db.Needs.AsNoTracking().Where(n => n.CreatedAt >= start && n.CreatedAt < end);
        if (period.CommunityId is { } needCommunity)
        {
            needs = needs.Where(n => n.CommunityId == needCommunity);
        }
        if (period.Category is { } needCategory)
        {
            needs = needs.Where(n => n.Category == needCategory);
        }
        var needCounts = await needs.GroupBy(n => n.Status).Select(g => new NeedCount(g.Key, g.Count())).ToListAsync(ct);

        var records = db.ServiceRecords.AsNoTracking().Where(r => r.DeliveredAt >= start && r.DeliveredAt < end);
        if (scoped)
        {
            records = records.Where(r => projectIds.Contains(r.ProjectId));
        }
        // A person is their account, else the name staff wrote down (as on the project's "on track?" panel).
        var served = records.Select(r => new { r.ProjectId, r.DeliveryMode, r.DurationMinutes, Person = r.ResidentId ?? "name:" + r.RecipientName });
        var byMode = await served.GroupBy(r => r.DeliveryMode)
            .Select(g => new ModeServed(g.Key, g.Select(r => r.Person).Distinct().Count(), g.Count(), g.Sum(r => r.DurationMinutes)))
            .ToListAsync(ct);
        var people = await served.Select(r => r.Person).Distinct().CountAsync(ct);
        // Each person once per project before the join: a resident served every week is one row, not fifty, per target group.
        var byGroup = await served.GroupBy(r => new { r.ProjectId, r.Person }).Select(g => new { g.Key.ProjectId, g.Key.Person, Services = g.Count() })
            .Join(db.Set<ProjectTargetGroup>(), r => r.ProjectId, g => g.ProjectId, (r, g) => new { g.Group, r.Person, r.Services })
            .GroupBy(x => x.Group)
            .Select(g => new GroupServed(g.Key, g.Select(x => x.Person).Distinct().Count(), g.Sum(x => x.Services)))
            .ToListAsync(ct);
        var recordMonths = await records.GroupBy(MonthIndex<ServiceRecord>(r => r.DeliveredAt, starts))
            .Select(g => new { Index = g.Key, Services = g.Count(), Minutes = g.Sum(r => r.DurationMinutes) })
            .ToListAsync(ct);

        var heldUntil = nowUtc < end ? nowUtc : end;
        var sessions = db.Sessions.AsNoTracking().Where(s => !s.IsCancelled && s.StartsAt >= start && s.StartsAt < end);
        var waiting = db.SignUps.AsNoTracking().Where(s => s.Status == SignUpStatus.Waiting && !s.Session!.IsCancelled
            && s.Session.StartsAt >= start && s.Session.StartsAt < end);
        // Requests made before the period's end: those made in it are "asked"; any still open today is the backlog.
        var visits = db.HomeVisitRequests.AsNoTracking().Where(r => r.CreatedAt < end);
        var feedback = db.Feedback.AsNoTracking().Where(f => f.CreatedAt >= start && f.CreatedAt < end);
        var shifts = db.Shifts.AsNoTracking().Where(s => s.IsVolunteer && s.Status == ShiftStatus.Confirmed
            && s.Session!.StartsAt >= start && s.Session.StartsAt < end);
        var expenses = db.Expenses.AsNoTracking().Where(e => e.SpentOn >= period.From && e.SpentOn <= period.To);
        // Budget planned: the newest approved plan of each project whose plan period overlaps the dashboard's period.
        var plans = db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Approved
            && !db.Plans.Any(q => q.ProjectId == p.ProjectId && q.Status == PlanStatus.Approved && q.VersionNumber > p.VersionNumber)
            && p.StartDate <= period.To && p.EndDate >= period.From);
        if (scoped)
        {
            sessions = sessions.Where(s => projectIds.Contains(s.ProjectId));
            waiting = waiting.Where(s => projectIds.Contains(s.ProjectId));
            visits = visits.Where(r => projectIds.Contains(r.ProjectId));
            feedback = feedback.Where(f => projectIds.Contains(f.ProjectId));
            shifts = shifts.Where(s => projectIds.Contains(s.Session!.ProjectId));
            expenses = expenses.Where(e => projectIds.Contains(e.ProjectId));
            plans = plans.Where(p => projectIds.Contains(p.ProjectId));
        }

        var sessionMonths = await sessions.Where(s => s.StartsAt < heldUntil)
            .GroupBy(MonthIndex<ServiceSession>(s => s.StartsAt, starts))
            .Select(g => new { Index = g.Key, Held = g.Count() })
            .ToListAsync(ct);
        var ratingMonths = await feedback.GroupBy(MonthIndex<ServiceFeedback>(f => f.CreatedAt, starts))
            .Select(g => new { Index = g.Key, Ratings = g.Count(), Satisfied = g.Count(f => f.Rating >= 4), Average = g.Average(f => (double)f.Rating) })
            .ToListAsync(ct);
        var volunteerMonths = await shifts.GroupBy(MonthIndex<Shift>(s => s.Session!.StartsAt, starts))
            .Select(g => new { Index = g.Key, Minutes = g.Sum(s => s.ConfirmedMinutes ?? 0), Shifts = g.Count(), Volunteers = g.Select(s => s.UserId).Distinct().Count() })
            .ToListAsync(ct);

        var planned = await db.PlanBudgetLines.AsNoTracking().Where(b => plans.Any(p => p.Id == b.PlanId))
            .GroupBy(b => b.Source).Select(g => new { Source = g.Key, Amount = g.Sum(b => b.Amount) })
            .ToListAsync(ct);
        var spent = await expenses.GroupBy(e => e.Source).Select(g => new { Source = g.Key, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);

        var capacity = await sessions.GroupBy(s => s.Project!.Category)
            .Select(g => new
            {
                Category = g.Key, Sessions = g.Count(), Full = g.Count(s => s.PlacesTaken >= s.Capacity),
                Places = g.Sum(s => s.Capacity), Taken = g.Sum(s => s.PlacesTaken),
            })
            .ToListAsync(ct);
        var waitingByCategory = await waiting.GroupBy(s => s.Session!.Project!.Category)
            .Select(g => new { Category = g.Key, Waiting = g.Count() })
            .ToListAsync(ct);
        var visitsByCategory = await visits.GroupBy(r => r.Project!.Category)
            .Select(g => new
            {
                Category = g.Key, Asked = g.Count(r => r.CreatedAt >= start),
                Open = g.Count(r => r.Status == HomeVisitStatus.Submitted || r.Status == HomeVisitStatus.Accepted || r.Status == HomeVisitStatus.Scheduled),
            })
            .ToListAsync(ct);

        var months = period.Months;
        var activity = months.Select((m, i) => new MonthActivity(m,
            sessionMonths.Where(s => s.Index == i).Sum(s => s.Held),
            recordMonths.Where(r => r.Index == i).Sum(r => r.Services),
            recordMonths.Where(r => r.Index == i).Sum(r => r.Minutes))).ToList();
        var satisfaction = DashboardMath.ByMonth(months,
            ratingMonths.Select(r => new MonthSatisfaction(months[r.Index], r.Ratings, r.Satisfied, r.Average)),
            r => r.Month, m => new MonthSatisfaction(m, 0, 0, null));
        var volunteering = DashboardMath.ByMonth(months,
            volunteerMonths.Select(v => new MonthVolunteering(months[v.Index], v.Minutes, v.Shifts, v.Volunteers)),
            v => v.Month, m => new MonthVolunteering(m, 0, 0, 0));
        var budget = Enum.GetValues<FundingSource>()
            .Select(s => new SourceBudget(s, planned.Where(p => p.Source == s).Sum(p => p.Amount), spent.Where(p => p.Source == s).Sum(p => p.Amount)))
            .ToList();
        var demand = Enum.GetValues<ServiceCategory>()
            .Select(c =>
            {
                var cap = capacity.SingleOrDefault(x => x.Category == c);
                var asked = visitsByCategory.SingleOrDefault(x => x.Category == c);
                return new CategoryDemand(c, cap?.Sessions ?? 0, cap?.Full ?? 0, cap?.Places ?? 0, cap?.Taken ?? 0,
                    waitingByCategory.SingleOrDefault(x => x.Category == c)?.Waiting ?? 0, asked?.Asked ?? 0, asked?.Open ?? 0);
            })
            .ToList();

        return new DashboardFigures(period, stages, needCounts,
            byGroup.OrderBy(g => g.Group).ToList(), byMode.OrderBy(m => m.Mode).ToList(), people,
            activity, satisfaction, volunteering, budget, demand);
    }
}
