using CommunityService.Data;
using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Plans;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Adjustments;

/// <summary>
/// 调整: staff record what changes in a running project and why. A change of content, method or schedule is
/// recorded at once; a change of objectives or budget is written as a new plan version, submitted with the
/// adjustment, and only becomes the plan in force when a manager approves it.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class AdjustmentsController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/projects/{projectId:int}/adjustments")]
    public async Task<IActionResult> Index(int projectId, int page = 1, CancellationToken ct = default)
    {
        var access = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Include(p => p.Plans).FirstOrDefaultAsync(p => p.Id == projectId, ct), x => x.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        return View(await PageAsync(project, new AdjustmentForm(), page, ct));
    }

    [HttpPost("/projects/{projectId:int}/adjustments")]
    public async Task<IActionResult> Create(int projectId, AdjustmentForm form, [FromServices] IValidator<AdjustmentForm> validator, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await LoadProjectAsync(projectId, ct), x => x.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        if (PlanAdjustment.CanAdjust(project) is { IsPassed: false } refused)
        {
            return this.Refuse(Sentences(refused), Url.Action(nameof(Index), new { projectId }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await PageAsync(project, form, 1, ct), "Index");
        }
        var adjustment = form.ToAdjustment();
        var now = clock.GetUtcNow().UtcDateTime;
        var check = adjustment.Start(project, User.UserId(), now);
        if (!check.IsPassed)
        {
            check.Missing.ToList().ForEach(m => ModelState.AddModelError("", l[m]));
            return this.InvalidForm(await PageAsync(project, form, 1, ct), "Index");
        }
        db.Adjustments.Add(adjustment);
        project.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people opened a new plan version at once: the unique (project, version) index kept one.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Someone else started a new version at the same time. Please reload the plan."]);
            return this.InvalidForm(await PageAsync((await LoadProjectAsync(projectId, ct))!, form, 1, ct), "Index", StatusCodes.Status409Conflict);
        }
        if (adjustment.NeedsApproval)
        {
            TempData["Message"] = l["Adjustment {0} is saved. Change the objectives or budget in the new plan version, then submit the adjustment for approval.", adjustment.Id].Value;
            return RedirectToAction("Edit", "Plans", new { projectId });
        }
        TempData["Message"] = l["The adjustment is recorded."].Value;
        return RedirectToAction(nameof(Index), new { projectId });
    }

    [HttpGet("/adjustments/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await DetailsAsync(id, new AdjustmentReviewForm(), ct), x => x.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var page = access.Record;
        return View(page);
    }

    [HttpPost("/adjustments/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, AdjustmentActionForm form, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await LoadAsync(id, ct), x => x.Project.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (adjustment, project) = access.Record;
        if (project.Plans.FirstOrDefault(p => p.Id == adjustment.ResultingPlanId) is not { } draft || project.ApprovedPlan is not { } approved)
        {
            return this.Refuse(l[PlanAdjustment.NotDraft], Url.Action(nameof(Details), new { id }));
        }
        if (!Expect(adjustment, form.Version) || !Expect(draft, form.PlanVersion))
        {
            return await ClashAsync(id, new AdjustmentReviewForm(), ct);
        }
        var fee = FeeRules.Suggest(project.Category, project.TargetGroups.Select(g => g.Group));
        var check = adjustment.Submit(approved, draft, clock.GetUtcNow().UtcDateTime, fee);
        return await SaveAsync(id, check, l["The adjustment and its new plan version were submitted for approval."], new AdjustmentReviewForm(), ct);
    }

    [HttpPost("/adjustments/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, AdjustmentActionForm form, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await LoadAsync(id, ct), x => x.Project.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (adjustment, project) = access.Record;
        var draft = project.Plans.FirstOrDefault(p => p.Id == adjustment.ResultingPlanId);
        if (!Expect(adjustment, form.Version) || (draft is not null && !Expect(draft, form.PlanVersion)))
        {
            return await ClashAsync(id, new AdjustmentReviewForm(), ct);
        }
        var check = adjustment.Withdraw();
        if (check.IsPassed && draft is not null)
        {
            db.Plans.Remove(draft);
        }
        return await SaveAsync(id, check, l["The adjustment was withdrawn and its unfinished plan version removed."], new AdjustmentReviewForm(), ct);
    }

    [Authorize(Policy = Policies.Manager)]
    [HttpPost("/adjustments/{id:int}/review")]
    public async Task<IActionResult> Review(int id, AdjustmentReviewForm form, [FromServices] IValidator<AdjustmentReviewForm> validator, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await LoadAsync(id, ct), x => x.Project.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (adjustment, project) = access.Record;
        // An adjustment no longer waiting (a stale tab) shows no review form to send back: say so before checking the form.
        if (adjustment.Status != AdjustmentStatus.Submitted)
        {
            return this.Refuse(l[PlanAdjustment.NotSubmitted], Url.Action(nameof(Details), new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            db.ChangeTracker.Clear();
            return this.InvalidForm((await DetailsAsync(id, form, ct))!, "Details");
        }
        if (project.Plans.FirstOrDefault(p => p.Id == adjustment.ResultingPlanId) is not { } draft)
        {
            return this.Refuse(l[PlanAdjustment.NotSubmitted], Url.Action(nameof(Details), new { id }));
        }
        if (!Expect(adjustment, form.Version))
        {
            return await ClashAsync(id, form, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        GateCheck check;
        if (form.Outcome == AdjustmentOutcome.Approve)
        {
            check = adjustment.Approve(draft, User.UserId(), form.Comment, now);
        }
        else
        {
            check = adjustment.Reject(draft, User.UserId(), form.Comment, now);
            if (check.IsPassed)
            {
                db.Plans.Remove(draft);
            }
        }
        if (check.IsPassed)
        {
            audit.Add(User, form.Outcome == AdjustmentOutcome.Approve ? AuditAction.Approved : AuditAction.Rejected, AuditRecordType.Adjustment, id);
        }
        return await SaveAsync(id, check,
            form.Outcome == AdjustmentOutcome.Approve ? l["The adjustment was approved: its plan version is now the plan in force."]
                : l["The adjustment was not approved: the approved plan stays in force."], form, ct);
    }

    private async Task<IActionResult> SaveAsync(int id, GateCheck check, string done, AdjustmentReviewForm form, CancellationToken ct)
    {
        if (!check.IsPassed)
        {
            return this.Refuse(Sentences(check), Url.Action(nameof(Details), new { id }));
        }
        if (!await db.TrySaveAsync(ct))
        {
            return await ClashAsync(id, form, ct);
        }
        TempData["Message"] = done;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Someone acted on the adjustment or edited its plan version since the page was shown: show it as it is now.</summary>
    private async Task<IActionResult> ClashAsync(int id, AdjustmentReviewForm form, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var page = await DetailsAsync(id, form, ct);
        return page is null ? NotFound() : this.ConflictForm(page, "Details");
    }

    private bool Expect<T>(T entity, int version)
        where T : class, IVersioned
    {
        db.ExpectVersion(entity, version);
        return entity.Version == version;
    }

    private string Sentences(GateCheck check) => string.Join(" ", check.Missing.Select(m => l[m].Value));

    /// <summary>An adjustment with its project, tracked for a change; null when there is no such adjustment.</summary>
    private async Task<AdjustmentWithProject?> LoadAsync(int id, CancellationToken ct) =>
        await db.Adjustments.FirstOrDefaultAsync(a => a.Id == id, ct) is { } adjustment
            && await LoadProjectAsync(adjustment.ProjectId, ct) is { } project
            ? new AdjustmentWithProject(adjustment, project)
            : null;

    /// <summary>The project with its plan versions, as complete as a new version copies them.</summary>
    private Task<ServiceProject?> LoadProjectAsync(int projectId, CancellationToken ct) =>
        db.Projects
            .Include(p => p.TargetGroups)
            .Include(p => p.Plans).ThenInclude(p => p.Objectives)
            .Include(p => p.Plans).ThenInclude(p => p.Tasks)
            .Include(p => p.Plans).ThenInclude(p => p.Beneficiaries)
            .Include(p => p.Plans).ThenInclude(p => p.BudgetLines)
            .Include(p => p.Plans).ThenInclude(p => p.Venues)
            .Include(p => p.Plans).ThenInclude(p => p.StaffRoles)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == projectId, ct);

    private async Task<AdjustmentsPage> PageAsync(ServiceProject project, AdjustmentForm form, int page, CancellationToken ct)
    {
        var rows = await db.Adjustments.AsNoTracking().Where(a => a.ProjectId == project.Id)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new AdjustmentRow(
                a.Id, a.CreatedAt, db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                new AdjustmentChanges(a.ChangesContent, a.ChangesMethod, a.ChangesSchedule, a.ChangesBudget, a.ChangesObjectives),
                a.WhatChanged, a.Why, a.Status,
                db.Users.Where(u => u.Id == a.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(), a.ReviewedAt, a.ReviewComment,
                a.ResultingPlan == null ? null : (int?)a.ResultingPlan.VersionNumber))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        var canAdjust = PlanAdjustment.CanAdjust(project);
        var open = project.CurrentPlan is { Status: not PlanStatus.Approved } current && project.ApprovedPlan is not null ? current.VersionNumber : (int?)null;
        return new AdjustmentsPage(project.Id, project.Name, canAdjust.IsPassed ? null : Sentences(canAdjust), open, rows, form);
    }

    private async Task<AdjustmentPage?> DetailsAsync(int id, AdjustmentReviewForm form, CancellationToken ct)
    {
        var a = await db.Adjustments.AsNoTracking().Include(x => x.Project).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a?.Project is not { } project)
        {
            return null;
        }
        // The adjustment's version, and the approved versions it may be compared with: the newest one before it.
        var plans = a.ResultingPlanId is not { } planId ? []
            : await db.Plans.AsNoTracking()
                .Where(p => p.ProjectId == a.ProjectId && (p.Id == planId || p.Status == PlanStatus.Approved))
                .Include(p => p.Objectives).Include(p => p.Tasks).Include(p => p.Beneficiaries)
                .Include(p => p.BudgetLines).Include(p => p.Venues).Include(p => p.StaffRoles)
                .AsSplitQuery().ToListAsync(ct);
        var plan = plans.FirstOrDefault(p => p.Id == a.ResultingPlanId);
        var before = plan is null ? null
            : plans.Where(p => p.Status == PlanStatus.Approved && p.VersionNumber < plan.VersionNumber).MaxBy(p => p.VersionNumber);
        var changes = plan is null || before is null ? [] : PlanSections.Between(before, plan, l);
        string?[] ids = [a.CreatedById, a.ReviewedById];
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new AdjustmentPage(a, project.Name, project.CommunityId, plan, before, changes, names, form);
    }
}
