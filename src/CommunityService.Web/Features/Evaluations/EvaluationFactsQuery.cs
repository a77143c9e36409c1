using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Web.Features.Projects;
using CommunityService.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Evaluations;

public static class EvaluationFactsQuery
{
    /// <summary>
    /// What a report is measured against, as it stands now: the newest approved plan (split: the plan, its objectives, beneficiaries
    /// and budget lines), the project's target groups, the figures from the records (the project page's aggregate query), and
    /// spending grouped by line, the fee income summed, and the rating figures of the newest satisfaction questionnaire with answers. A fixed number of
    /// commands, whatever the number of records.
    /// </summary>
    public static async Task<EvaluationFacts> EvaluationFactsAsync(this CommunityServiceDbContext db, int projectId, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Objectives).Include(p => p.Beneficiaries).Include(p => p.BudgetLines)
            .Where(p => p.ProjectId == projectId && p.Status == PlanStatus.Approved)
            .OrderByDescending(p => p.VersionNumber)
            .FirstOrDefaultAsync(ct);
        var groups = await db.Projects.Where(p => p.Id == projectId).SelectMany(p => p.TargetGroups).Select(g => g.Group).ToListAsync(ct);
        var satisfaction = await db.SatisfactionAsync(projectId, ct);
        var progress = await db.ForAsync(projectId, plan, nowUtc, today, satisfaction, ct);
        var spent = await db.Expenses.Where(e => e.ProjectId == projectId)
            .GroupBy(e => new { e.BudgetItem, e.Source })
            .Select(g => new { g.Key.BudgetItem, g.Key.Source, Spent = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        var income = await db.FeeIncome.Where(f => f.ProjectId == projectId).GroupBy(f => f.ProjectId).Select(g => g.Sum(f => f.Amount)).FirstOrDefaultAsync(ct);
        var balance = BudgetBalance.Of(plan?.BudgetLines.OrderBy(b => b.Id).ToList() ?? [], spent.Select(s => (s.BudgetItem, s.Source, s.Spent)), income);
        return new EvaluationFacts(plan, groups, progress?.Figures ?? Data.Execution.ProjectFigures.None, new BudgetFacts(balance.Lines, income), satisfaction);
    }
}
