using CommunityService.Data;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Features.Projects;
using CommunityService.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Plans;

[Authorize(Policy = Policies.StaffOrManager)]
[Route("projects/{projectId:int}/plan")]
public sealed class PlansController(CommunityServiceDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Plans).ThenInclude(p => p.Objectives)
            .FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        var plan = project.CurrentPlan;
        var form = plan is null
            ? new PlanForm { ProjectId = projectId, ProjectName = project.Name }
            : new PlanForm
            {
                ProjectId = projectId, ProjectName = project.Name, Purpose = plan.Purpose, StartDate = plan.StartDate, EndDate = plan.EndDate,
                SessionPattern = plan.SessionPattern, Place = plan.Place, FeeTier = plan.FeeTier, FeeAmount = plan.FeeAmount,
                DeliveryMode = plan.DeliveryMode, Capacity = plan.Capacity, Version = plan.Version,
                Objectives = plan.Objectives.OrderBy(o => o.Id)
                    .Select(o => new PlanForm.ObjectiveInput { Indicator = o.Indicator, TargetValue = o.TargetValue, Unit = o.Unit }).ToList(),
            };
        form.PadObjectives();
        return View(form);
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(int projectId, PlanForm form, [FromServices] IValidator<PlanForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        var project = await db.Projects.Include(p => p.Plans).ThenInclude(p => p.Objectives).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        form.ProjectName = project.Name;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            form.PadObjectives();
            return this.InvalidForm(form);
        }
        if (project.Stage != ProjectStage.Plan)
        {
            ModelState.AddModelError("", l["The plan can only be written while the project is in the Plan stage."]);
            form.PadObjectives();
            return this.InvalidForm(form);
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
            form.PadObjectives();
            return this.InvalidForm(form);
        }
        else
        {
            db.Entry(plan).Property(x => x.Version).OriginalValue = form.Version;
        }
        plan.Purpose = form.Purpose.Trim();
        plan.StartDate = form.StartDate!.Value;
        plan.EndDate = form.EndDate!.Value;
        plan.SessionPattern = form.SessionPattern.Trim();
        plan.Place = form.Place.Trim();
        plan.FeeTier = form.FeeTier;
        plan.FeeAmount = form.FeeAmount;
        plan.DeliveryMode = form.DeliveryMode;
        plan.Capacity = form.Capacity;
        plan.Objectives.Clear();
        plan.Objectives.AddRange(form.Objectives.Where(o => !string.IsNullOrWhiteSpace(o.Indicator))
            .Select(o => new PlanObjective { Indicator = o.Indicator.Trim(), TargetValue = o.TargetValue ?? 0, Unit = o.Unit.Trim() }));
        if (plan.Id != 0)
        {
            // A change to the objectives alone still counts as a change to the plan (and bumps its version).
            db.Entry(plan).State = EntityState.Modified;
        }
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l[ProjectsController.ConflictMessage]);
            form.PadObjectives();
            return this.InvalidForm(form, status: StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The plan was saved."].Value;
        return Redirect($"/projects/{projectId}#plan");
    }

    [HttpPost("submit")]
    public async Task<IActionResult> Submit(int projectId, CancellationToken ct)
    {
        var plan = await CurrentPlanAsync(projectId, ct);
        if (plan is null)
        {
            return NotFound();
        }
        return await SaveOutcomeAsync(projectId, plan.Submit(clock.GetUtcNow().UtcDateTime), l["The plan was submitted for approval."], ct);
    }

    [Authorize(Policy = Policies.Manager)]
    [HttpPost("review")]
    public async Task<IActionResult> Review(int projectId, ReviewForm form, [FromServices] IValidator<ReviewForm> validator, CancellationToken ct)
    {
        var plan = await CurrentPlanAsync(projectId, ct);
        if (plan is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.Refuse(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).First(), $"/projects/{projectId}#plan");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var check = form.Outcome == ReviewOutcome.Approve
            ? plan.Approve(User.UserId(), form.Comment, now)
            : plan.ReturnForRevision(User.UserId(), form.Comment, now);
        return await SaveOutcomeAsync(projectId, check,
            form.Outcome == ReviewOutcome.Approve ? l["The plan was approved."] : l["The plan was returned for revision."], ct);
    }

    private async Task<ServicePlan?> CurrentPlanAsync(int projectId, CancellationToken ct) =>
        await db.Plans.Include(p => p.Objectives).Where(p => p.ProjectId == projectId)
            .OrderByDescending(p => p.VersionNumber).FirstOrDefaultAsync(ct);

    private async Task<IActionResult> SaveOutcomeAsync(int projectId, GateCheck check, string done, CancellationToken ct)
    {
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), $"/projects/{projectId}#plan");
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = done;
        return Redirect($"/projects/{projectId}#plan");
    }
}
