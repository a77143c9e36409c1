using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Identity;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Evaluations;

/// <summary>
/// 评估和总结: staff of the project's community draft, edit and submit a report; a manager approves it or returns it with comments
/// per section. The figures are frozen into the report at submission; approving the final report closes the project.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class EvaluationsController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(time.Now);

    private string? PageUrl(int id) => Url.Action(nameof(Details), new { id });

    [HttpGet("/projects/{projectId:int}/evaluations")]
    public async Task<IActionResult> Index(int projectId, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), p => p.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        var reports = await db.Evaluations.AsNoTracking().Where(e => e.ProjectId == projectId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new EvaluationRow(e.Id, e.Timing, e.Status, e.CreatedAt, e.SubmittedAt, e.ReviewedAt, e.CorrectsReportId,
                db.Users.Where(u => u.Id == e.CreatedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        var canStart = Enum.GetValues<EvaluationTiming>()
            .Where(t => EvaluationReport.CanStart(t, project.Stage, FinalInProgress(reports)).IsPassed)
            .ToList();
        var questionnaires = await db.Surveys.AsNoTracking().Where(s => s.ProjectId == projectId && s.Kind == SurveyKind.Satisfaction)
            .OrderByDescending(s => s.Id)
            .Select(s => new SatisfactionRow(s.Id, s.Title, s.Status, s.CreatedAt, db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);
        var mayStartSatisfaction = Survey.CanStartSatisfaction(project.Stage, questionnaires.Any(q => q.Status != SurveyStatus.Closed)).IsPassed;
        return View(new EvaluationList(project, reports, canStart, questionnaires, mayStartSatisfaction));
    }

    [HttpGet("/projects/{projectId:int}/evaluations/create")]
    public async Task<IActionResult> Create(int projectId, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), p => p.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        var timing = project.Stage switch
        {
            ProjectStage.Closed => EvaluationTiming.FollowUp,
            ProjectStage.Evaluation => EvaluationTiming.Final,
            _ => EvaluationTiming.During,
        };
        return View(new EvaluationForm { ProjectId = projectId, ProjectName = project.Name, Timing = timing, ByInterview = true });
    }

    [HttpPost("/projects/{projectId:int}/evaluations/create")]
    public async Task<IActionResult> Create(int projectId, EvaluationForm form, [FromServices] IValidator<EvaluationForm> validator, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), p => p.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        (form.ProjectId, form.ProjectName) = (projectId, project.Name);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        var finalInProgress = await db.Evaluations.AnyAsync(e => e.ProjectId == projectId && e.Timing == EvaluationTiming.Final && e.Status != ReportStatus.Approved, ct);
        var gate = EvaluationReport.CanStart(form.Timing, project.Stage, finalInProgress);
        if (!gate.IsPassed)
        {
            foreach (var missing in gate.Missing)
            {
                ModelState.AddModelError(nameof(form.Timing), l[missing]);
            }
            return this.InvalidForm(form);
        }
        var facts = await db.EvaluationFactsAsync(projectId, Now, Today, ct);
        var report = EvaluationReport.Start(projectId, form.Timing, facts.Plan, facts.Groups, User.UserId(), Now);
        (report.ByInterview, report.ByQuestionnaire, report.ByOtherMeans, report.OtherMeans) =
            (form.ByInterview, form.ByQuestionnaire, form.ByOtherMeans, form.ByOtherMeans ? form.OtherMeans.Trim() : "");
        db.Evaluations.Add(report);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The evaluation was saved as a draft."].Value;
        return RedirectToAction(nameof(Edit), new { id = report.Id });
    }

    [HttpGet("/evaluations/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await PageAsync(id, ct), p => p.Project.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var page = access.Record;
        return View(page);
    }

    [HttpGet("/evaluations/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var access = await OpenReportAsync(id, tracked: false, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (report, project) = access.Record;
        if (!report.IsEditable)
        {
            return this.Refuse(l[EvaluationReport.NotEditable], PageUrl(id));
        }
        var (plan, groups) = await PlanInForceAsync(report.ProjectId, ct);
        report.SyncWith(plan, groups);
        return View(EvaluationEditForm.From(report, project.Name));
    }

    [HttpPost("/evaluations/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EvaluationEditForm form, [FromServices] IValidator<EvaluationEditForm> validator, CancellationToken ct)
    {
        var access = await OpenReportAsync(id, tracked: true, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (report, project) = access.Record;
        if (!report.IsEditable)
        {
            return this.Refuse(l[EvaluationReport.NotEditable], PageUrl(id));
        }
        var (plan, groups) = await PlanInForceAsync(report.ProjectId, ct);
        report.SyncWith(plan, groups);
        form.Id = id;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            form.Refill(report, project.Name);
            return this.InvalidForm(form);
        }
        db.ExpectVersion(report, form.Version);
        form.ApplyTo(report, Now);
        if (!await db.TrySaveAsync(ct))
        {
            form.Refill(report, project.Name);
            form.Version = await db.Evaluations.Where(e => e.Id == id).Select(e => e.Version).FirstAsync(ct);
            return this.ConflictForm(form);
        }
        TempData["Message"] = l["The evaluation is saved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("/evaluations/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken ct)
    {
        var access = await OpenReportAsync(id, tracked: true, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (report, project) = access.Record;
        if (report.IsEditable && EvaluationReport.CanSubmitIn(report.Timing, project.Stage) is { IsPassed: false } stage)
        {
            return this.Refuse(string.Join(" ", stage.Missing.Select(m => l[m].Value)), PageUrl(id));
        }
        var facts = await db.EvaluationFactsAsync(report.ProjectId, Now, Today, ct);
        var check = report.Submit(facts, Now);
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), report.IsEditable ? Url.Action(nameof(Edit), new { id }) : PageUrl(id));
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The evaluation was submitted for approval."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Approving the final evaluation of a project in its Evaluation stage closes the project, in the same save.</summary>
    [Authorize(Policy = Policies.Manager)]
    [HttpPost("/evaluations/{id:int}/review")]
    public async Task<IActionResult> Review(int id, EvaluationReviewForm form, [FromServices] IValidator<EvaluationReviewForm> validator, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var report = await ReportAsync(id, tracked: true, ct);
        if (report is null)
        {
            return NotFound();
        }
        if (report.Status != ReportStatus.Submitted)
        {
            return this.Refuse(l[EvaluationReport.NotSubmitted], PageUrl(id));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            var page = await PageAsync(id, ct);
            return this.InvalidForm(page! with { Review = form }, nameof(Details));
        }
        var managerId = User.UserId();
        var approve = form.Outcome == ReviewOutcome.Approve;
        var check = approve
            ? report.Approve(managerId, form.Comment, Now)
            : report.ReturnForRevision(managerId, form.Sections, form.Comment, Now);
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), PageUrl(id));
        }
        var closed = false;
        if (approve && report.Timing == EvaluationTiming.Final)
        {
            var project = await db.Projects.Include(p => p.Evaluations).FirstAsync(p => p.Id == report.ProjectId, ct);
            if (project.Stage == ProjectStage.Evaluation)
            {
                closed = project.AdvanceTo(ProjectStage.Closed, managerId, l["The final evaluation was approved."], Now).IsPassed;
            }
        }
        audit.Add(User, approve ? AuditAction.Approved : AuditAction.Returned, AuditRecordType.Evaluation, id, detail: closed ? "project closed" : "");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = !approve ? l["The evaluation was returned for revision."].Value
            : closed ? l["The evaluation was approved and the project is closed."].Value
            : l["The evaluation was approved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>An approved report stays as it was; a correction is a new draft that refers to it and starts from its content.</summary>
    [HttpPost("/evaluations/{id:int}/correct")]
    public async Task<IActionResult> Correct(int id, CancellationToken ct)
    {
        var access = await OpenReportAsync(id, tracked: false, ct);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var (report, _) = access.Record;
        var open = await db.Evaluations.Where(e => e.CorrectsReportId == id && e.Status != ReportStatus.Approved).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (open is { } openId)
        {
            return this.Refuse(l["A correction of this evaluation is already in progress."], PageUrl(openId));
        }
        var check = report.Correct(User.UserId(), Now, out var correction);
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], PageUrl(id));
        }
        db.Evaluations.Add(correction!);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["A correction was started from the approved evaluation."].Value;
        return RedirectToAction(nameof(Edit), new { id = correction!.Id });
    }

    [HttpGet("/evaluations/{id:int}/print")]
    public async Task<IActionResult> Print(int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await PageAsync(id, ct), p => p.Project.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var page = access.Record;
        return View(page);
    }

    [HttpGet("/evaluations/{id:int}/export")]
    public async Task<IActionResult> Export(int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await PageAsync(id, ct), p => p.Project.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var sheets = EvaluationExport.Sheets(access.Record, key => l[key].Value, utc => time.Local(utc));
        return await this.WorkbookAsync(sheets, $"evaluation-{id}-{Today:yyyyMMdd}.xlsx", ct);
    }

    private static bool FinalInProgress(IEnumerable<EvaluationRow> rows) =>
        rows.Any(r => r.Timing == EvaluationTiming.Final && r.Status != ReportStatus.Approved);

    private Task<EvaluationProject?> ProjectAsync(int projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new EvaluationProject(p.Id, p.Name, p.CommunityId, p.Community!.Name, p.Stage))
            .FirstOrDefaultAsync(ct);

    /// <summary>The report and its project when the person works in the project's community; else 404 (no such report) or 403.</summary>
    private async Task<RecordAccess<OpenedReport>> OpenReportAsync(int id, bool tracked, CancellationToken ct)
    {
        var report = await ReportAsync(id, tracked, ct);
        var project = report is null ? null : await ProjectAsync(report.ProjectId, ct);
        return await this.OpenInCommunityAsync(authorization, report is null || project is null ? null : new OpenedReport(report, project), r => r.Project.CommunityId);
    }

    private sealed record OpenedReport(EvaluationReport Report, EvaluationProject Project);

    private Task<EvaluationReport?> ReportAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = db.Evaluations.AsSplitQuery()
            .Include(e => e.Dimensions).Include(e => e.Objectives).Include(e => e.BudgetLines).Include(e => e.Participation).Include(e => e.SectionComments)
            .Include(e => e.Satisfaction).Include(e => e.SatisfactionTallies);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    private async Task<(ServicePlan? Plan, List<Data.Catalog.TargetGroup> Groups)> PlanInForceAsync(int projectId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.Objectives).Include(p => p.Beneficiaries)
            .Where(p => p.ProjectId == projectId && p.Status == PlanStatus.Approved)
            .OrderByDescending(p => p.VersionNumber)
            .FirstOrDefaultAsync(ct);
        return (plan, await db.TargetGroupsAsync(projectId, ct));
    }

    /// <summary>
    /// The report with its project and community in its first command; the rows frozen at submission (budget and satisfaction)
    /// only once it is frozen, as a draft's are worked out afresh from the live figures.
    /// </summary>
    private async Task<EvaluationPage?> PageAsync(int id, CancellationToken ct)
    {
        var report = await db.Evaluations.AsNoTracking().AsSplitQuery().Include(e => e.Project!).ThenInclude(p => p.Community)
            .Include(e => e.Dimensions).Include(e => e.Objectives).Include(e => e.Participation).Include(e => e.SectionComments)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (report?.Project is not { } p)
        {
            return null;
        }
        var project = new EvaluationProject(p.Id, p.Name, p.CommunityId, p.Community!.Name, p.Stage);
        // The two names, the corrections and the project's target groups in one command.
        var people = await db.Evaluations.Where(e => e.Id == id).Select(e => new
        {
            Drafted = db.Users.Where(u => u.Id == e.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
            Reviewed = db.Users.Where(u => u.Id == e.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(),
            Corrections = db.Evaluations.Where(c => c.CorrectsReportId == e.Id).OrderBy(c => c.Id).Select(c => c.Id).ToList(),
            Groups = db.Projects.Where(x => x.Id == e.ProjectId).SelectMany(x => x.TargetGroups).Select(g => g.Group).ToList(),
        }).SingleAsync(ct);
        SatisfactionFigures? live = null;
        if (report.IsFrozen)
        {
            report.BudgetLines = await db.Set<EvaluationBudgetLine>().AsNoTracking().Where(b => b.ReportId == id).ToListAsync(ct);
            report.Satisfaction = await db.Set<EvaluationSatisfactionQuestion>().AsNoTracking().Where(s => s.ReportId == id).ToListAsync(ct);
            report.SatisfactionTallies = await db.Set<EvaluationSatisfactionTally>().AsNoTracking().Where(t => t.ReportId == id).ToListAsync(ct);
        }
        else
        {
            var facts = await db.EvaluationFactsAsync(report.ProjectId, people.Groups, Now, Today, ct);
            report.Refresh(facts);
            live = facts.Satisfaction;
        }
        var names = new Dictionary<string, string>();
        if (people.Drafted is not null)
        {
            names[report.CreatedById] = people.Drafted;
        }
        if (report.ReviewedById is not null && people.Reviewed is not null)
        {
            names[report.ReviewedById] = people.Reviewed;
        }
        var corrections = people.Corrections;
        var mayReview = report.Status == ReportStatus.Submitted && User.IsInRole(Roles.Manager);
        var mayStartSatisfaction = report.IsEditable && Survey.CanStartSatisfaction(project.Stage, live?.RoundInProgress == true).IsPassed;
        return new EvaluationPage(report, project, names, corrections, mayReview, new EvaluationReviewForm()) { LiveSatisfaction = live, MayStartSatisfaction = mayStartSatisfaction };
    }
}
