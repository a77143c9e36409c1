using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Reviews;

public enum ReviewKind
{
    Decision,
    Plan,
    Evaluation,
}

/// <summary>待审批: everything waiting for a manager, the longest wait first. Three queries, one per kind.</summary>
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
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Submitted)
            .Select(p => new ReviewRow(ReviewKind.Plan, p.ProjectId, p.Project!.Name, p.Project.Community!.Name, p.SubmittedAt ?? p.Project.UpdatedAt))
            .ToListAsync(ct);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.Status == ReportStatus.Submitted)
            .Select(e => new ReviewRow(ReviewKind.Evaluation, e.ProjectId, e.Project!.Name, e.Project.Community!.Name, e.SubmittedAt ?? e.CreatedAt))
            .ToListAsync(ct);
        var rows = decisions.Concat(plans).Concat(evaluations)
            .OrderBy(r => r.WaitingSince).ThenBy(r => r.Kind).ThenBy(r => r.ProjectId)
            .ToList();
        return View(rows);
    }
}

public sealed record ReviewRow(ReviewKind Kind, int ProjectId, string Project, string Community, DateTime WaitingSince)
{
    public string Link => Kind switch
    {
        ReviewKind.Decision => $"/projects/{ProjectId}/decision",
        ReviewKind.Plan => $"/projects/{ProjectId}#plan",
        _ => $"/projects/{ProjectId}#evaluation",
    };
}
