using CommunityService.Data;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Identity;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.Web.Features.Plans;
using CommunityService.Web.Infrastructure;
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
        db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
        form.ApplyTo(report, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
            form.Refill(report, project.Name);
            form.Version = await db.Evaluations.Where(e => e.Id == id).Select(e => e.Version).FirstAsync(ct);
            return this.InvalidForm(form, null, StatusCodes.Status409Conflict);
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
    public async Task<IActionResult> Review(int id, EvaluationReviewForm form, [FromServices] IValidator<EvaluationReviewForm> validator, [FromServices] Audit.AuditTrail audit, CancellationToken ct)
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
        audit.Add(User, approve ? Audit.AuditAction.Approved : Audit.AuditAction.Returned, Audit.AuditRecordType.Evaluation, id, detail: closed ? "project closed" : "");
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
        var page = access.Record;
        var r = page.Report;
        string Q(string key) => l[key].Value;
        string Verdict(bool? achieved) => achieved switch { true => Q("Achieved"), false => Q("Not achieved"), _ => Q("No figure") };
        string? Date(DateTime? utc) => time.Local(utc)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var means = new[] { r.ByInterview ? Q("Interview") : null, r.ByQuestionnaire ? Q("Questionnaire") : null, r.ByOtherMeans ? $"{Q("Other means")}：{r.OtherMeans}" : null };
        // The first sheet says what the report is, as the page's header does.
        (string Field, object? Value)[] header =
        [
            (Q("Project"), page.Project.Name), (Q("Community"), page.Project.Community), (Q("Timing"), Q($"EvaluationTiming.{r.Timing}")),
            (Q("Status"), Q($"ReportStatus.{r.Status}")), (Q("Means"), string.Join("、", means.Where(m => m is not null))),
            (Q("Submitted"), Date(r.SubmittedAt)), (Q("Approved on"), r.Status == ReportStatus.Approved ? Date(r.ReviewedAt) : null),
            (Q("People served"), r.PeopleServed), (Q("Fee income"), r.FeeIncome ?? 0m),
        ];
        var budgetLines = page.Budget.Lines.Select(b => new Dictionary<string, object>
        {
            [Q("Budget item")] = b.Item, [Q("Funding source")] = Q($"FundingSource.{b.Source}"), [Q("Planned")] = b.Planned, [Q("Spent")] = b.Spent,
            [Q("Balance")] = b.Balance,
        }).ToList();
        budgetLines.Add(new()
        {
            [Q("Budget item")] = Q("Total"), [Q("Funding source")] = "", [Q("Planned")] = page.Budget.Planned, [Q("Spent")] = page.Budget.Spent,
            [Q("Balance")] = page.Budget.Balance,
        });
        var sheets = new Dictionary<string, object>
        {
            [Q("Report")] = header.Select(h => new Dictionary<string, object?> { [Q("Field")] = h.Field, [Q("Value")] = h.Value }).ToList(),
            [Q("Dimensions")] = r.Dimensions.Select(d => new Dictionary<string, object?>
            {
                [Q("Dimension")] = Q($"EvaluationSection.{d.Dimension}"), [Q("Score")] = d.Score, [Q("Narrative")] = d.Narrative,
            }).ToList(),
            [Q("Objectives")] = r.Objectives.Select(o => new Dictionary<string, object?>
            {
                [Q("Indicator")] = o.Indicator, [Q("Measured by")] = Q($"MeasuredBy.{o.MeasuredBy}"), [Q("Target")] = o.Target, [Q("Actual")] = o.Actual,
                [Q("Unit")] = o.Unit, [Q("Verdict")] = Verdict(o.Achieved), [Q("Comment")] = o.Comment,
            }).ToList(),
            [Q("Budget lines")] = budgetLines,
            [Q("By funding source")] = page.Budget.Sources.Select(s => new Dictionary<string, object>
            {
                [Q("Funding source")] = Q($"FundingSource.{s.Source}"), [Q("Planned")] = s.Planned, [Q("Spent")] = s.Spent, [Q("Balance")] = s.Balance,
            }).ToList(),
            [Q("Participation")] = r.Participation.Select(p => new Dictionary<string, object?>
            {
                [Q("Target group")] = Q($"TargetGroup.{p.Group}"), [Q("Expected to reach")] = p.Expected, [Q("People reached")] = p.Served,
            }).ToList(),
            [Q("Satisfaction")] = SatisfactionSheet(r, Q),
            [Q("Choice and written questions")] = r.SatisfactionTallies.OrderBy(t => t.Order).ThenBy(t => t.OptionOrder).Select(t => new Dictionary<string, object?>
            {
                [Q("Question")] = t.Question, [Q("Answered")] = t.Answered,
                [Q("Answer")] = t.IsText ? Q("Written answers") : t.IsOther ? Q("Other") : t.Option, [Q("Count")] = t.Count, [Q("Share, %")] = t.Percent,
            }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveSafeAsync(sheets, ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"evaluation-{id}-{Today:yyyyMMdd}.xlsx");
    }

    /// <summary>Each rating question of the satisfaction questionnaire, then the number of questionnaires returned.</summary>
    private static List<Dictionary<string, object?>> SatisfactionSheet(EvaluationReport r, Func<string, string> q)
    {
        var rows = r.Satisfaction.OrderBy(s => s.Order).Select(s => new Dictionary<string, object?>
        {
            [q("Question")] = s.Text, [q("Answered")] = s.Responses, [q("Average score (1–5)")] = s.Average, [q("Satisfied (4–5), %")] = s.SatisfiedPercent,
        }).ToList();
        rows.Add(new()
        {
            [q("Question")] = q("Questionnaires returned"), [q("Answered")] = r.SatisfactionResponses ?? 0, [q("Average score (1–5)")] = null, [q("Satisfied (4–5), %")] = null,
        });
        return rows;
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
