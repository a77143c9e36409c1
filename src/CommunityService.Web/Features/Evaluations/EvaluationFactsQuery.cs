using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Data.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Evaluations;

public static class EvaluationFactsQuery
{
    /// <summary>
    /// What a report is measured against, as it stands now: the newest approved plan (split: the plan, its objectives, beneficiaries
    /// and budget lines), the project's target groups, the figures from the records and the fee income (the project page's aggregate
    /// query), spending grouped by line, and the rating figures of the newest satisfaction questionnaire with answers. A fixed number
    /// of commands, whatever the number of records.
    /// </summary>
    public static async Task<EvaluationFacts> EvaluationFactsAsync(this CommunityServiceDbContext db, int projectId, DateTime nowUtc, DateOnly today, CancellationToken ct) =>
        await db.EvaluationFactsAsync(projectId, await db.TargetGroupsAsync(projectId, ct), nowUtc, today, ct);

    /// <summary>The same, with the project's target groups already read (the report's page reads them with the names).</summary>
    public static async Task<EvaluationFacts> EvaluationFactsAsync(
        this CommunityServiceDbContext db, int projectId, IReadOnlyCollection<TargetGroup> groups, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Objectives).Include(p => p.Beneficiaries).Include(p => p.BudgetLines)
            .Where(p => p.ProjectId == projectId && p.Status == PlanStatus.Approved)
            .OrderByDescending(p => p.VersionNumber)
            .FirstOrDefaultAsync(ct);
        var satisfaction = await db.SatisfactionAsync(projectId, ct);
        var progress = await db.ForAsync(projectId, plan, nowUtc, today, satisfaction, ct, latestFeedback: false);
        var spent = await db.Expenses.Where(e => e.ProjectId == projectId)
            .GroupBy(e => new { e.BudgetItem, e.Source })
            .Select(g => new { g.Key.BudgetItem, g.Key.Source, Spent = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        // The aggregate query sums the fee income; without an approved plan it does not run, and the income is read on its own.
        var income = progress?.FeeIncome
            ?? await db.FeeIncome.Where(f => f.ProjectId == projectId).GroupBy(f => f.ProjectId).Select(g => g.Sum(f => f.Amount)).FirstOrDefaultAsync(ct);
        var balance = BudgetBalance.Of(plan?.BudgetLines.OrderBy(b => b.Id).ToList() ?? [], spent.Select(s => (s.BudgetItem, s.Source, s.Spent)), income);
        return new EvaluationFacts(plan, groups, progress?.Figures ?? Data.Execution.ProjectFigures.None, new BudgetFacts(balance.Lines, income), satisfaction);
    }

    public static Task<List<TargetGroup>> TargetGroupsAsync(this CommunityServiceDbContext db, int projectId, CancellationToken ct) =>
        db.Projects.Where(p => p.Id == projectId).SelectMany(p => p.TargetGroups).Select(g => g.Group).ToListAsync(ct);
}
