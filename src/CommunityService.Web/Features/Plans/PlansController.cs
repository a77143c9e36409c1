using CommunityService.Data;
using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Plans;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Plans;

/// <summary>
/// 服务计划书: staff write and submit the plan, a manager approves or returns it. An approved plan is frozen;
/// a change is a new version that needs approval again. Staff edit plans of their own community's projects.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("projects/{projectId:int}/plan")]
public sealed class PlansController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    public const string ConflictMessage = "Someone else saved this plan while you were editing. Their version and yours are shown below; your input is kept in the form.";
    public const string BelongsToAdjustment = "This plan version belongs to an adjustment: approve or reject it with the adjustment.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, int? version, int? compare, CancellationToken ct) =>
        await PageAsync(projectId, version, compare, ct) is { } page ? View(page) : NotFound();

    private async Task<PlanPage?> PageAsync(int projectId, int? version, int? compare, CancellationToken ct)
    {
        var project = await LoadAsync(projectId, tracked: false, ct);
        if (project is null)
        {
            return null;
        }
        var plans = project.Plans.OrderBy(p => p.VersionNumber).ToList();
        var shown = plans.FirstOrDefault(p => p.VersionNumber == version) ?? project.CurrentPlan;
        var other = plans.FirstOrDefault(p => p.VersionNumber == compare) ?? plans.LastOrDefault(p => shown is not null && p.VersionNumber < shown.VersionNumber);
        var names = await NamesAsync(plans.Select(p => p.ReviewedById), ct);
        var adjustments = await db.Adjustments.AsNoTracking().Where(a => a.ProjectId == projectId && a.ResultingPlanId != null)
            .ToDictionaryAsync(a => a.ResultingPlanId!.Value, a => a.Id, ct);
        return new PlanPage(project, shown, other, shown is null ? [] : PlanSections.Of(shown, l),
            shown is null || other is null ? [] : PlanSections.Between(other, shown, l),
            FeeRules.Suggest(project.Category, project.TargetGroups.Select(g => g.Group)), names, await CanEditAsync(project), adjustments);
    }

    [HttpGet("print")]
    public async Task<IActionResult> Print(int projectId, int? version, CancellationToken ct)
    {
        var project = await LoadAsync(projectId, tracked: false, ct);
        var plan = project?.Plans.FirstOrDefault(p => p.VersionNumber == version) ?? project?.CurrentPlan;
        if (project is null || plan is null)
        {
            return NotFound();
        }
        var names = await NamesAsync([plan.ReviewedById], ct);
        return View(new PlanPrint(project, plan, PlanSections.Of(plan, l), names));
    }

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int projectId, CancellationToken ct)
    {
        var project = await LoadAsync(projectId, tracked: false, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await CanEditAsync(project))
        {
            return Forbid();
        }
        var plan = project.CurrentPlan;
        if (plan is { IsEditable: false })
        {
            return this.Refuse(l[ServicePlan.NotEditable], Url.Action(nameof(Index), new { projectId }));
        }
        ViewData["Fee"] = FeeRules.Suggest(project.Category, project.TargetGroups.Select(g => g.Group));
        return View(plan is null ? new PlanForm { ProjectId = projectId, ProjectName = project.Name, VersionNumber = 1 }.Padded() : PlanForm.From(plan, project.Name));
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(int projectId, PlanForm form, [FromServices] IValidator<PlanForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        var project = await LoadAsync(projectId, tracked: true, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await CanEditAsync(project))
        {
            return Forbid();
        }
        form.ProjectName = project.Name;
        ViewData["Fee"] = FeeRules.Suggest(project.Category, project.TargetGroups.Select(g => g.Group));
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form.Padded());
        }
        if (project.Stage is ProjectStage.Survey or ProjectStage.Decision || project.Stage.IsFinished())
        {
            ModelState.AddModelError("", l["The plan can only be written once the project is approved and until it ends."]);
            return this.InvalidForm(form.Padded());
        }
        var plan = project.CurrentPlan;
        if (plan is null)
        {
            plan = new ServicePlan();
            project.Plans.Add(plan);
        }
        else if (!plan.IsEditable)
        {
            ModelState.AddModelError("", l[ServicePlan.NotEditable]);
            return this.InvalidForm(form.Padded());
        }
        else if (plan.Version != form.Version)
        {
            return Clash(form, plan);
        }
        else
        {
            db.ExpectVersion(plan, form.Version);
            db.Entry(plan).State = EntityState.Modified;
        }
        form.ApplyTo(plan);
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor saved first: a newer version row (concurrency token) or the same first version (unique index).
            db.ChangeTracker.Clear();
            var saved = await LoadAsync(projectId, tracked: false, ct);
            return Clash(form, saved!.CurrentPlan!);
        }
        TempData["Message"] = l["The plan was saved."].Value;
        return RedirectToAction(nameof(Index), new { projectId });
    }

    /// <summary>Starts a new draft version of an approved plan (the approved one stays as it was).</summary>
    [HttpPost("revise")]
    public async Task<IActionResult> Revise(int projectId, CancellationToken ct)
    {
        var project = await LoadAsync(projectId, tracked: true, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await CanEditAsync(project))
        {
            return Forbid();
        }
        if (project.CurrentPlan is not { Status: PlanStatus.Approved } approved || project.Stage.IsFinished())
        {
            return this.Refuse(l["Only the current approved plan of a running project can be revised."], Url.Action(nameof(Index), new { projectId }));
        }
        project.Plans.Add(approved.NewVersion());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people pressed "revise" at once: the unique (project, version) index kept one new version.
            return this.Refuse(l["Someone else started a new version at the same time. Please reload the plan."], Url.Action(nameof(Index), new { projectId }));
        }
        TempData["Message"] = l["A new version of the plan was started. It needs approval again."].Value;
        return RedirectToAction(nameof(Edit), new { projectId });
    }

    [HttpPost("submit")]
    public async Task<IActionResult> Submit(int projectId, CancellationToken ct)
    {
        var project = await LoadAsync(projectId, tracked: true, ct);
        if (project?.CurrentPlan is not { } plan)
        {
            return NotFound();
        }
        if (!await CanEditAsync(project))
        {
            return Forbid();
        }
        var fee = FeeRules.Suggest(project.Category, project.TargetGroups.Select(g => g.Group));
        if (await db.Adjustments.FirstOrDefaultAsync(a => a.ResultingPlanId == plan.Id, ct) is { } adjustment)
        {
            // A version written for an adjustment goes for approval with it, under the adjustment's rules.
            var check = project.ApprovedPlan is { } approved ? adjustment.Submit(approved, plan, clock.GetUtcNow().UtcDateTime, fee) : GateCheck.Fail(PlanAdjustment.NotDraft);
            if (!check.IsPassed)
            {
                return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), Url.Action("Details", "Adjustments", new { id = adjustment.Id }));
            }
            await db.SaveChangesAsync(ct);
            TempData["Message"] = l["The adjustment and its new plan version were submitted for approval."].Value;
            return RedirectToAction("Details", "Adjustments", new { id = adjustment.Id });
        }
        return await SaveOutcomeAsync(projectId, plan.Submit(clock.GetUtcNow().UtcDateTime, fee), l["The plan was submitted for approval."], ct);
    }

    [Authorize(Policy = Policies.Manager)]
    [HttpPost("review")]
    public async Task<IActionResult> Review(int projectId, ReviewForm form, [FromServices] IValidator<ReviewForm> validator, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var project = await LoadAsync(projectId, tracked: true, ct);
        if (project?.CurrentPlan is not { } plan)
        {
            return NotFound();
        }
        if (await db.Adjustments.Where(a => a.ResultingPlanId == plan.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is { } adjustmentId)
        {
            return this.Refuse(l[BelongsToAdjustment], Url.Action("Details", "Adjustments", new { id = adjustmentId }));
        }
        // A plan no longer waiting (a stale tab) shows no review form to send back: say so before checking the form.
        if (plan.Status != PlanStatus.Submitted)
        {
            return this.Refuse(l[ServicePlan.NotSubmitted], Url.Action(nameof(Index), new { projectId }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm((await PageAsync(projectId, null, null, ct))! with { Review = form }, nameof(Index));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var check = form.Outcome == ReviewOutcome.Approve
            ? plan.Approve(User.UserId(), form.Comment, now)
            : plan.ReturnForRevision(User.UserId(), form.Comment, now);
        if (check.IsPassed)
        {
            audit.Add(User, form.Outcome == ReviewOutcome.Approve ? AuditAction.Approved : AuditAction.Returned, AuditRecordType.Plan, plan.Id,
                detail: $"v{plan.VersionNumber}");
        }
        return await SaveOutcomeAsync(projectId, check,
            form.Outcome == ReviewOutcome.Approve ? l["The plan was approved."] : l["The plan was returned for revision."], ct);
    }

    private ViewResult Clash(PlanForm form, ServicePlan saved)
    {
        var typed = new ServicePlan();
        form.ApplyTo(typed);
        ViewData["Clash"] = PlanSections.Between(saved, typed, l);
        ModelState.AddModelError("", l[ConflictMessage]);
        form.Version = saved.Version;
        return this.InvalidForm(form.Padded(), status: StatusCodes.Status409Conflict);
    }

    private async Task<bool> CanEditAsync(ServiceProject project) =>
        (await authorization.AuthorizeAsync(User, new CommunityRecord(project.CommunityId), WorksInCommunityRequirement.Instance)).Succeeded;

    private Task<ServiceProject?> LoadAsync(int projectId, bool tracked, CancellationToken ct)
    {
        var query = db.Projects
            .Include(p => p.TargetGroups).Include(p => p.Community).Include(p => p.ServiceType)
            .Include(p => p.Plans).ThenInclude(p => p.Objectives)
            .Include(p => p.Plans).ThenInclude(p => p.Tasks)
            .Include(p => p.Plans).ThenInclude(p => p.Beneficiaries)
            .Include(p => p.Plans).ThenInclude(p => p.BudgetLines)
            .Include(p => p.Plans).ThenInclude(p => p.Venues)
            .Include(p => p.Plans).ThenInclude(p => p.StaffRoles)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == projectId, ct);
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private async Task<IActionResult> SaveOutcomeAsync(int projectId, GateCheck check, string done, CancellationToken ct)
    {
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), Url.Action(nameof(Index), new { projectId }));
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = done;
        return RedirectToAction(nameof(Index), new { projectId });
    }
}
