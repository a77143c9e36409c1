using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Reviews;

/// <summary>待审批: everything waiting for a manager, the longest wait first. Three queries: decisions, plans (with the adjustments they were written for), evaluations.</summary>
[Authorize(Policy = Policies.Manager)]
[Route("reviews")]
public sealed class ReviewsController(CommunityServiceDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // A proposal waits from the (latest) moment it entered Decision; a send-back keeps it waiting from then.
        var decisions = await db.Projects.AsNoTracking().Where(p => p.Stage == ProjectStage.Decision)
            .Select(p => new ReviewRow(ReviewKind.Decision, p.Id, p.Name, p.Community!.Name,
                p.StageHistory.Where(s => s.To == ProjectStage.Decision).Max(s => (DateTime?)s.At) ?? p.CreatedAt))
            .ToListAsync(ct);
        // A plan version written for an adjustment is submitted with it and reviewed with it: one row, the adjustment.
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Submitted)
            .Select(p => new
            {
                p.ProjectId, Project = p.Project!.Name, Community = p.Project.Community!.Name, Since = p.SubmittedAt ?? p.Project.UpdatedAt,
                Adjustment = db.Adjustments.Where(a => a.ResultingPlanId == p.Id).Select(a => (int?)a.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.Status == ReportStatus.Submitted)
            .Select(e => new ReviewRow(ReviewKind.Evaluation, e.ProjectId, e.Project!.Name, e.Project.Community!.Name, e.SubmittedAt ?? e.CreatedAt, e.Id))
            .ToListAsync(ct);
        var rows = decisions
            .Concat(plans.Select(p => p.Adjustment is { } id
                ? new ReviewRow(ReviewKind.Adjustment, p.ProjectId, p.Project, p.Community, p.Since, id)
                : new ReviewRow(ReviewKind.Plan, p.ProjectId, p.Project, p.Community, p.Since)))
            .Concat(evaluations)
            .OrderBy(r => r.WaitingSince).ThenBy(r => r.Kind).ThenBy(r => r.ProjectId)
            .ToList();
        return View(rows);
    }
}
