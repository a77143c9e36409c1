using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Needs;

/// <summary>Need findings from surveys: ranked, evidenced, set aside or turned into a proposed project.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("needs")]
public sealed class NeedsController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    public const string AlreadySetAside = "Someone else set this need aside meanwhile, with the reason: {0}";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] NeedFilter filter, int page = 1, CancellationToken ct = default)
    {
        var query = db.Needs.AsNoTracking();
        if (filter.Community is { } c)
        {
            query = query.Where(n => n.CommunityId == c);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(n => n.Category == category);
        }
        if (filter.Group is { } group)
        {
            query = query.Where(n => n.TargetGroups.Any(g => g.Group == group));
        }
        if (filter.Status is { } status)
        {
            query = query.Where(n => n.Status == status);
        }
        var rows = await query
            .OrderBy(n => n.Status == NeedStatus.Open ? 0 : n.Status == NeedStatus.Addressed ? 1 : 2)
            .ThenBy(n => n.Priority == NeedPriority.High ? 0 : n.Priority == NeedPriority.Medium ? 1 : 2)
            .ThenByDescending(n => n.ResidentsConcerned).ThenByDescending(n => n.Id)
            .Select(n => new NeedRow(n.Id, n.Text, n.Community!.Name, n.Category, n.ServiceType!.Name, n.Priority, n.ResidentsConcerned,
                n.Status, n.SetAsideReason, n.Evidence.Count, n.TargetGroups.Select(g => g.Group).ToList(),
                n.Projects.Select(p => new LinkedProject(p.Id, p.Name)).ToList()))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        ViewData["Communities"] = await CommunitiesAsync(ct);
        return View(new NeedList(filter, rows));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(int? surveyId, CancellationToken ct)
    {
        var form = new NeedForm { SurveyId = surveyId, Evidence = await EvidenceChoicesAsync(surveyId, ct) };
        await LoadChoicesAsync(ct);
        return View(form);
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(NeedForm form, [FromServices] IValidator<NeedForm> validator, CancellationToken ct)
    {
        // A project's satisfaction questionnaire says how a service went, not what a community needs: it is no need's evidence.
        if (form.SurveyId is { } surveyId && !await db.Surveys.AnyAsync(s => s.Id == surveyId && s.Kind == SurveyKind.Community, ct))
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct)
            || !await this.WorksInChosenCommunityAsync(authorization, form.CommunityId!.Value, nameof(form.CommunityId), l))
        {
            await LoadChoicesAsync(ct);
            return this.InvalidForm(form);
        }
        // Evidence must belong to the survey the need comes from: ids typed into the form are checked, not trusted.
        var offered = await EvidenceChoicesAsync(form.SurveyId, ct);
        var type = form.ServiceTypeId is { } typeId ? await db.ServiceTypes.FirstAsync(t => t.Id == typeId, ct) : null;
        var need = new NeedFinding
        {
            Text = form.Text.Trim(), CommunityId = form.CommunityId!.Value, SurveyId = form.SurveyId, ServiceTypeId = type?.Id, Category = type?.Category,
            TargetGroups = form.TargetGroups.Distinct().Select(g => new NeedTargetGroup { Group = g }).ToList(),
            ResidentsConcerned = form.ResidentsConcerned, Priority = form.Priority, CreatedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            Evidence = form.Evidence.Where(e => e.Use && offered.Any(o => o.QuestionId == e.QuestionId && o.FieldNoteId == e.FieldNoteId))
                .Select(e => new NeedEvidence { QuestionId = e.QuestionId, FieldNoteId = e.FieldNoteId, Figure = e.Figure.Trim() }).ToList(),
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The need was recorded."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/set-aside")]
    public async Task<IActionResult> SetAside(int id, SetAsideForm form, [FromServices] IValidator<SetAsideForm> validator, CancellationToken ct)
    {
        var needAccess = await this.OpenInCommunityAsync(authorization, await db.Needs.FirstOrDefaultAsync(n => n.Id == id, ct), x => x.CommunityId);
        if (!needAccess.Granted)
        {
            return needAccess.Refusal;
        }
        var need = needAccess.Record;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.Refuse(l[GateMessages.ReasonRequired], Url.Action(nameof(Index)));
        }
        if (need.Status == NeedStatus.SetAside)
        {
            // Two people set the same need aside: the first reason stands, the second person is told it.
            var refusal = this.Refuse(l[AlreadySetAside, need.SetAsideReason], Url.Action(nameof(Index)));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return refusal;
        }
        need.Status = NeedStatus.SetAside;
        need.SetAsideReason = form.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/reopen")]
    public async Task<IActionResult> Reopen(int id, CancellationToken ct)
    {
        var needAccess = await this.OpenInCommunityAsync(authorization, await db.Needs.FirstOrDefaultAsync(n => n.Id == id, ct), x => x.CommunityId);
        if (!needAccess.Granted)
        {
            return needAccess.Refusal;
        }
        var need = needAccess.Record;
        need.Status = NeedStatus.Open;
        need.SetAsideReason = "";
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("propose")]
    public async Task<IActionResult> Propose([FromQuery] List<int> ids, CancellationToken ct)
    {
        var needs = await db.Needs.AsNoTracking().Include(n => n.TargetGroups).Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).ToListAsync(ct);
        if (needs.Count == 0)
        {
            return this.Refuse(l["Choose at least one need."], Url.Action(nameof(Index)));
        }
        await LoadChoicesAsync(ct);
        ViewData["Needs"] = needs;
        return View(new ProposeForm
        {
            NeedIds = needs.Select(n => n.Id).ToList(), Summary = string.Join("\n", needs.Select(n => n.Text)),
            ServiceTypeId = needs.FirstOrDefault(n => n.ServiceTypeId is not null)?.ServiceTypeId, CommunityId = needs[0].CommunityId,
            TargetGroups = needs.SelectMany(n => n.TargetGroups.Select(g => g.Group)).Distinct().ToList(),
            // The needs may concern the same residents: the largest count is a floor, not a sum.
            ExpectedBeneficiaries = needs.Max(n => n.ResidentsConcerned),
        });
    }

    /// <summary>Creates the project and moves it through the Survey gate into Decision, linked to the needs.</summary>
    [HttpPost("propose")]
    public async Task<IActionResult> Propose(ProposeForm form, [FromServices] IValidator<ProposeForm> validator, CancellationToken ct)
    {
        // Only open needs of the project's own community can be answered by it.
        var needs = await db.Needs.Where(n => form.NeedIds.Contains(n.Id) && n.Status == NeedStatus.Open && n.CommunityId == form.CommunityId).ToListAsync(ct);
        if (await this.ValidateFormAsync(form, validator, ct))
        {
            if (needs.Count != form.NeedIds.Distinct().Count())
            {
                ModelState.AddModelError("", l["Only open needs of the chosen community can be linked to the project."]);
            }
            await this.WorksInChosenCommunityAsync(authorization, form.CommunityId!.Value, nameof(form.CommunityId), l);
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            ViewData["Needs"] = needs;
            return this.InvalidForm(form);
        }
        var type = await db.ServiceTypes.FirstAsync(t => t.Id == form.ServiceTypeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        var project = new ServiceProject
        {
            Name = form.Name.Trim(), Summary = form.Summary.Trim(), Category = type.Category, ServiceTypeId = type.Id, CommunityId = form.CommunityId!.Value,
            CreatedById = userId, CreatedAt = now, UpdatedAt = now,
            TargetGroups = form.TargetGroups.Distinct().Select(g => new ProjectTargetGroup { Group = g }).ToList(),
            ExpectedBeneficiaries = form.ExpectedBeneficiaries, ResourcesToUse = form.ResourcesToUse?.Trim() ?? "", RoughBudget = form.RoughBudget,
        };
        project.Needs.AddRange(needs);
        project.AdvanceTo(ProjectStage.Decision, userId, l["Proposed from the community survey's needs."], now);
        foreach (var need in needs)
        {
            need.Status = NeedStatus.Addressed;
        }
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The project was proposed and waits for a decision."].Value;
        return RedirectToAction("Details", "Projects", new { id = project.Id });
    }

    private async Task<List<NeedForm.EvidenceInput>> EvidenceChoicesAsync(int? surveyId, CancellationToken ct)
    {
        if (surveyId is null)
        {
            return [];
        }
        var questions = await db.SurveyQuestions.AsNoTracking()
            .Where(q => q.SurveyId == surveyId && db.Surveys.Any(s => s.Id == surveyId && s.Kind == SurveyKind.Community)).OrderBy(q => q.Order)
            .Select(q => new NeedForm.EvidenceInput { QuestionId = q.Id, Label = q.Text }).ToListAsync(ct);
        var notes = await db.FieldNotes.AsNoTracking().Where(n => n.SurveyId == surveyId).OrderBy(n => n.When)
            .Select(n => new NeedForm.EvidenceInput { FieldNoteId = n.Id, Label = n.Who + " · " + n.Where }).ToListAsync(ct);
        return [.. questions, .. notes];
    }

    private Task<List<SelectListItem>> CommunitiesAsync(CancellationToken ct) =>
        db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        ViewData["Communities"] = await CommunitiesAsync(ct);
        ViewData["ServiceTypes"] = await ServiceTypeOption.ActiveAsync(db, ct);
    }
}
