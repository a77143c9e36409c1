using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Projects;
using CommunityService.Web.Features.Plans;
using CommunityService.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Evaluations;

[Authorize(Policy = Policies.StaffOrManager)]
public sealed class EvaluationsController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/projects/{projectId:int}/evaluations/create")]
    public async Task<IActionResult> Create(int projectId, CancellationToken ct)
    {
        var project = await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId, p.Stage }).FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        var timing = project.Stage switch
        {
            ProjectStage.Closed => EvaluationTiming.FollowUp,
            ProjectStage.Evaluation => EvaluationTiming.Final,
            _ => EvaluationTiming.During,
        };
        return View(new EvaluationForm { ProjectId = projectId, ProjectName = project.Name, Timing = timing });
    }

    [HttpPost("/projects/{projectId:int}/evaluations/create")]
    public async Task<IActionResult> Create(int projectId, EvaluationForm form, [FromServices] IValidator<EvaluationForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        form.ProjectName = project.Name;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (project.Stage is not (ProjectStage.Execution or ProjectStage.Evaluation or ProjectStage.Closed))
        {
            ModelState.AddModelError("", l["Evaluations start once the project is in execution."]);
            return this.InvalidForm(form);
        }
        // A process evaluation while the service runs, the final one in the Evaluation stage, a follow-up after closing:
        // an approved final report is what closes the project, so it cannot come earlier.
        var allowed = form.Timing switch
        {
            EvaluationTiming.During => project.Stage is ProjectStage.Execution or ProjectStage.Evaluation,
            EvaluationTiming.Final => project.Stage == ProjectStage.Evaluation,
            _ => project.Stage == ProjectStage.Closed,
        };
        if (!allowed)
        {
            ModelState.AddModelError(nameof(form.Timing), l["This kind of evaluation does not fit the project's stage: a final evaluation in the Evaluation stage, a follow-up after closing."]);
            return this.InvalidForm(form);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        project.Evaluations.Add(new EvaluationReport
        {
            Timing = form.Timing, Summary = form.Summary.Trim(), Improvements = form.Improvements.Trim(), CreatedById = User.UserId(), CreatedAt = now,
        });
        project.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The evaluation was saved as a draft."].Value;
        return Redirect($"/projects/{projectId}#evaluation");
    }

    [HttpPost("/evaluations/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken ct)
    {
        var report = await db.Evaluations.Include(e => e.Project).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, report.Project!.CommunityId))
        {
            return Forbid();
        }
        return await SaveOutcomeAsync(report.ProjectId, report.Submit(clock.GetUtcNow().UtcDateTime), l["The evaluation was submitted for approval."], ct);
    }

    /// <summary>Approving the final evaluation of a project in its Evaluation stage closes the project.</summary>
    [Authorize(Policy = Policies.Manager)]
    [HttpPost("/evaluations/{id:int}/review")]
    public async Task<IActionResult> Review(int id, ReviewForm form, [FromServices] IValidator<ReviewForm> validator, CancellationToken ct)
    {
        var report = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.Refuse(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).First(), $"/projects/{report.ProjectId}#evaluation");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var managerId = User.UserId();
        var check = form.Outcome == ReviewOutcome.Approve
            ? report.Approve(managerId, form.Comment, now)
            : report.ReturnForRevision(managerId, form.Comment, now);
        if (check.IsPassed && form.Outcome == ReviewOutcome.Approve && report.Timing == EvaluationTiming.Final)
        {
            var project = await db.Projects.Include(p => p.Evaluations).FirstAsync(p => p.Id == report.ProjectId, ct);
            if (project.Stage == ProjectStage.Evaluation)
            {
                project.AdvanceTo(ProjectStage.Closed, managerId, l["The final evaluation was approved."], now);
            }
        }
        return await SaveOutcomeAsync(report.ProjectId, check,
            form.Outcome == ReviewOutcome.Approve ? l["The evaluation was approved."] : l["The evaluation was returned for revision."], ct);
    }

    private async Task<IActionResult> SaveOutcomeAsync(int projectId, GateCheck check, string done, CancellationToken ct)
    {
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), $"/projects/{projectId}#evaluation");
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = done;
        return Redirect($"/projects/{projectId}#evaluation");
    }
}

public sealed class EvaluationForm
{
    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public EvaluationTiming Timing { get; set; }
    public string Summary { get; set; } = "";
    public string Improvements { get; set; } = "";

    public sealed class Validator : AbstractValidator<EvaluationForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Timing).IsInEnum();
            RuleFor(f => f.Summary).NotEmpty().MaximumLength(EvaluationReport.TextMaxLength).WithName(_ => l["Summary"]);
            RuleFor(f => f.Improvements).MaximumLength(EvaluationReport.TextMaxLength).WithName(_ => l["Improvements"]);
        }
    }
}
