using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Needs;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Projects;

[Authorize(Policy = Policies.StaffOrManager)]
[Route("projects")]
public sealed class ProjectsController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ServiceCategory? category, ProjectStage? stage, int? community, int page = 1, CancellationToken ct = default)
    {
        var query = db.Projects.AsNoTracking();
        if (category is { } c)
        {
            query = query.Where(p => p.Category == c);
        }
        if (stage is { } s)
        {
            query = query.Where(p => p.Stage == s);
        }
        if (community is { } communityId)
        {
            query = query.Where(p => p.CommunityId == communityId);
        }
        // A deep page skips its OFFSET over the covering UpdatedAt index only (ids), then joins names for the 20 rows it
        // shows: the skipped rows are never joined, so page 500 costs about what page 1 does.
        var ordered = query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id);
        page = Math.Clamp(page, 1, 1_000_000);
        var total = await query.CountAsync(ct);
        var ids = ordered.Select(p => p.Id).Skip((page - 1) * PagingExtensions.DefaultSize).Take(PagingExtensions.DefaultSize);
        var items = await ordered.Where(p => ids.Contains(p.Id))
            .Select(p => new ProjectRow(p.Id, p.Name, p.Category, p.ServiceType!.Name, p.Community!.Name, p.Stage, p.UpdatedAt))
            .ToListAsync(ct);
        var rows = new Page<ProjectRow>(items, page, PagingExtensions.DefaultSize, total);
        var communities = await CommunityOptionsAsync(ct);
        return View(new ProjectList(category, stage, community, communities, rows));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var page = await LoadPageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return View("Edit", new ProjectForm());
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(ProjectForm form, [FromServices] IValidator<ProjectForm> validator, CancellationToken ct)
    {
        if (!await this.ValidateFormAsync(form, validator, ct)
            || !await this.WorksInChosenCommunityAsync(authorization, form.CommunityId!.Value, nameof(form.CommunityId), l))
        {
            await LoadChoicesAsync(ct);
            return this.InvalidForm(form, "Edit");
        }
        var type = await db.ServiceTypes.FirstAsync(t => t.Id == form.ServiceTypeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new ServiceProject { CreatedById = User.UserId(), CreatedAt = now, UpdatedAt = now };
        Apply(form, project, type);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The project was created."].Value;
        return RedirectToAction(nameof(Details), new { id = project.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Include(p => p.TargetGroups).FirstOrDefaultAsync(p => p.Id == id, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], Url.Action(nameof(Details), new { id }));
        }
        await LoadChoicesAsync(ct);
        return View(new ProjectForm
        {
            Id = project.Id, Name = project.Name, Summary = project.Summary, ServiceTypeId = project.ServiceTypeId,
            CommunityId = project.CommunityId, TargetGroups = project.TargetGroups.Select(g => g.Group).ToList(),
            ExpectedBeneficiaries = project.ExpectedBeneficiaries, ResourcesToUse = project.ResourcesToUse, RoughBudget = project.RoughBudget,
            Version = project.Version,
        });
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ProjectForm form, [FromServices] IValidator<ProjectForm> validator, CancellationToken ct)
    {
        form.Id = id;
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.Include(p => p.TargetGroups).FirstOrDefaultAsync(p => p.Id == id, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], Url.Action(nameof(Details), new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct)
            || !await this.WorksInChosenCommunityAsync(authorization, form.CommunityId!.Value, nameof(form.CommunityId), l))
        {
            await LoadChoicesAsync(ct);
            return this.InvalidForm(form);
        }
        var type = await db.ServiceTypes.FirstAsync(t => t.Id == form.ServiceTypeId, ct);
        db.ExpectVersion(project, form.Version);
        Apply(form, project, type);
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!await db.TrySaveAsync(ct))
        {
            await LoadChoicesAsync(ct);
            return this.ConflictForm(form);
        }
        TempData["Message"] = l["The project was saved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/needs")]
    public async Task<IActionResult> AddNeed(int id, NeedForm form, [FromServices] IValidator<NeedForm> validator, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (project.Stage != ProjectStage.Survey)
        {
            return this.Refuse(l["Needs are linked while the project is in the Survey stage."], Url.Action(nameof(Details), new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, need: form, ct: ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        project.Needs.Add(new NeedFinding { CommunityId = project.CommunityId, Text = form.Text.Trim(), CreatedById = User.UserId(), CreatedAt = now });
        project.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Details), null, new { id }, "survey");
    }

    /// <summary>Moves the project to its next stage when the gate passes; otherwise says what is missing.</summary>
    [HttpPost("{id:int}/advance")]
    public async Task<IActionResult> Advance(int id, StageForm form, [FromServices] IValidator<StageForm> validator, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await LoadForGateAsync(id, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, ct: ct);
        }
        // Decisions and the close are a manager's: they go through their own actions.
        if (form.To is ProjectStage.Plan or ProjectStage.Closed)
        {
            return Forbid();
        }
        var check = project.AdvanceTo(form.To, User.UserId(), form.Reason, clock.GetUtcNow().UtcDateTime);
        if (!check.IsPassed)
        {
            foreach (var missing in check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return await DetailsWithErrorsAsync(id, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The project moved to {0}.", l[$"ProjectStage.{form.To}"]].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize(Policy = Policies.Manager)]
    [HttpPost("{id:int}/decide")]
    public async Task<IActionResult> Decide(int id, DecisionForm form, [FromServices] IValidator<DecisionForm> validator, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var project = await LoadForGateAsync(id, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, decision: form, ct: ct);
        }
        var check = project.Decide(form.Outcome!.Value, form.Reason, User.UserId(), clock.GetUtcNow().UtcDateTime);
        if (!check.IsPassed)
        {
            foreach (var missing in check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return await DetailsWithErrorsAsync(id, decision: form, ct: ct);
        }
        audit.Add(User, form.Outcome switch
        {
            Data.Decisions.DecisionOutcome.Approve => AuditAction.Approved,
            Data.Decisions.DecisionOutcome.Reject => AuditAction.Rejected,
            _ => AuditAction.Returned,
        }, AuditRecordType.Project, id, detail: "decision");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The decision was recorded."].Value;
        return form.FromProposal ? RedirectToAction("Proposal", "Decisions", new { id }) : RedirectToAction(nameof(Details), new { id });
    }

    [Authorize(Policy = Policies.Manager)]
    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancelForm form, [FromServices] IValidator<CancelForm> validator, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, ct: ct);
        }
        var check = project.Cancel(form.Reason, User.UserId(), clock.GetUtcNow().UtcDateTime);
        if (!check.IsPassed)
        {
            ModelState.AddModelError("", l[check.Missing[0]]);
            return await DetailsWithErrorsAsync(id, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The project with what its gates read; records are only sampled since the gate asks "any?".</summary>
    private Task<ServiceProject?> LoadForGateAsync(int id, CancellationToken ct) =>
        db.Projects
            .Include(p => p.Needs)
            .Include(p => p.Decisions)
            .Include(p => p.Plans)
            .Include(p => p.Notices)
            .Include(p => p.Records.Take(1))
            .Include(p => p.Evaluations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    private async Task<ProjectPage?> LoadPageAsync(int id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.ServiceType)
            .Include(p => p.Community)
            .Include(p => p.TargetGroups)
            .Include(p => p.StageHistory)
            .Include(p => p.Needs)
            .Include(p => p.Decisions)
            .Include(p => p.Plans).ThenInclude(p => p.Objectives)
            .Include(p => p.Notices)
            .Include(p => p.Records.OrderByDescending(r => r.DeliveredAt).Take(10))
            .Include(p => p.Evaluations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return null;
        }
        // The counts the page shows in one command. Case files: only those this person may open, so the number reveals no others.
        var openableCases = db.CaseFiles.OpenableBy(User);
        var counts = await db.Projects.Where(p => p.Id == id)
            .Select(p => new
            {
                Records = p.Records.Count, OpenHomeVisits = db.HomeVisitRequests.Where(HomeVisitRequest.Open).Count(r => r.ProjectId == id),
                CaseFiles = openableCases.Count(c => c.ProjectId == id),
            })
            .FirstAsync(ct);
        var actorIds = project.StageHistory.Select(s => s.ActorId)
            .Concat(project.Decisions.Select(d => d.DecidedById))
            .Concat(project.Plans.Select(p => p.ReviewedById ?? ""))
            .Concat(project.Evaluations.Select(e => e.ReviewedById ?? ""))
            .Where(i => i.Length > 0).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var next = project.NextStage;
        var progress = project.Stage is ProjectStage.Publicity or ProjectStage.Execution or ProjectStage.Evaluation or ProjectStage.Closed
            ? await db.ForAsync(id, project.ApprovedPlan, clock.GetUtcNow().UtcDateTime, DateOnly.FromDateTime(time.Now), ct)
            : null;
        return new ProjectPage(project, counts.Records, names, next, next is { } n ? project.CheckGate(n) : null)
        {
            OpenHomeVisits = counts.OpenHomeVisits, CaseFiles = counts.CaseFiles, Progress = progress,
        };
    }

    private async Task<IActionResult> DetailsWithErrorsAsync(int id, NeedForm? need = null, DecisionForm? decision = null, CancellationToken ct = default)
    {
        var page = await LoadPageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }
        return this.InvalidForm(page with { Need = need, Decision = decision }, "Details");
    }

    private static void Apply(ProjectForm form, ServiceProject project, ServiceType type)
    {
        project.Name = form.Name.Trim();
        project.Summary = form.Summary.Trim();
        project.ServiceTypeId = type.Id;
        project.Category = type.Category;
        project.CommunityId = form.CommunityId!.Value;
        project.ExpectedBeneficiaries = form.ExpectedBeneficiaries;
        // An empty field binds as null.
        project.ResourcesToUse = form.ResourcesToUse?.Trim() ?? "";
        project.RoughBudget = form.RoughBudget;
        var wanted = form.TargetGroups.Distinct().ToHashSet();
        project.TargetGroups.RemoveAll(g => !wanted.Contains(g.Group));
        foreach (var group in wanted.Where(g => project.TargetGroups.All(t => t.Group != g)))
        {
            project.TargetGroups.Add(new ProjectTargetGroup { Group = group });
        }
    }

    private Task<List<SelectListItem>> CommunityOptionsAsync(CancellationToken ct) =>
        db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        ViewData["Communities"] = await CommunityOptionsAsync(ct);
        ViewData["ServiceTypes"] = await ServiceTypeOption.ActiveAsync(db, ct);
    }
}
