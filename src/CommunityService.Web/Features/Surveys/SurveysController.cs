using CommunityService.Data;
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

namespace CommunityService.Web.Features.Surveys;

/// <summary>Staff design surveys here: details, the questionnaire builder, status, and interview/observation notes.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("surveys")]
public sealed class SurveysController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Community surveys by default; a project's satisfaction questionnaires are a separate list, each named with its project.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(SurveyStatus? status, SurveyKind kind = SurveyKind.Community, int page = 1, CancellationToken ct = default)
    {
        var query = db.Surveys.AsNoTracking().Where(x => x.Kind == kind);
        if (status is { } s)
        {
            query = query.Where(x => x.Status == s);
        }
        var rows = await query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Select(x => new SurveyRow(x.Id, x.Title, x.Status, x.StartDate, x.EndDate, x.VersionNumber,
                db.SurveyResponses.Count(r => r.SurveyId == x.Id), db.FieldNotes.Count(n => n.SurveyId == x.Id), x.Project!.Name))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new SurveyList(status, kind, rows));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        await LoadCommunitiesAsync(ct);
        var today = DateOnly.FromDateTime(time.Now);
        return View("Edit", new SurveyForm { StartDate = today, EndDate = today.AddDays(30) });
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(SurveyForm form, [FromServices] IValidator<SurveyForm> validator, CancellationToken ct)
    {
        (form.Id, form.IsSatisfaction) = (0, false);
        if (!await this.ValidateFormAsync(form, validator, ct) || !await ChoosesOwnCommunitiesAsync(form))
        {
            await LoadCommunitiesAsync(ct);
            return this.InvalidForm(form, "Edit");
        }
        var survey = new Survey { CreatedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(form, survey, ct);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The survey was created. Now add its questions."].Value;
        return RedirectToAction(nameof(Details), new { id = survey.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var page = await LoadPageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }
        // A satisfaction questionnaire is part of its project's records: staff of the project's community see it.
        return page.Survey.IsSatisfaction && !await MayChangeAsync(page.Survey) ? Forbid() : View(page);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Communities).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        await LoadCommunitiesAsync(ct);
        return View(new SurveyForm
        {
            Id = id, Title = survey.Title, Purpose = survey.Purpose, StartDate = survey.StartDate, EndDate = survey.EndDate,
            UsesQuestionnaire = survey.UsesQuestionnaire, UsesInterview = survey.UsesInterview, UsesObservation = survey.UsesObservation,
            AllowAnonymous = survey.AllowAnonymous, CommunityIds = survey.Communities.Select(c => c.Id).ToList(), Version = survey.Version,
            IsSatisfaction = survey.IsSatisfaction,
        });
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SurveyForm form, [FromServices] IValidator<SurveyForm> validator, CancellationToken ct)
    {
        form.Id = id;
        var survey = await db.Surveys.Include(s => s.Communities).Include(s => s.Project).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        form.IsSatisfaction = false;
        if (survey.IsSatisfaction)
        {
            // Who a satisfaction questionnaire goes to is fixed by its project: only the wording and the dates change here.
            (form.IsSatisfaction, form.UsesQuestionnaire, form.UsesInterview, form.UsesObservation, form.AllowAnonymous) = (true, true, false, false, false);
            form.CommunityIds = survey.Communities.Select(c => c.Id).ToList();
        }
        if (!await this.ValidateFormAsync(form, validator, ct) || !await ChoosesOwnCommunitiesAsync(form))
        {
            await LoadCommunitiesAsync(ct);
            return this.InvalidForm(form);
        }
        db.ExpectVersion(survey, form.Version);
        await ApplyAsync(form, survey, ct);
        db.Entry(survey).State = EntityState.Modified;
        if (!await db.TrySaveAsync(ct))
        {
            await LoadCommunitiesAsync(ct);
            return this.ConflictForm(form);
        }
        TempData["Message"] = l["The survey was saved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/open")]
    public Task<IActionResult> Open(int id, CancellationToken ct) =>
        ChangeAsync(id, (survey, _) => Task.FromResult(survey.Open()), l["The survey is open for answers."], ct);

    [HttpPost("{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken ct) =>
        ChangeAsync(id, (survey, _) => Task.FromResult(survey.Close()), l["The survey is closed."], ct);

    /// <summary>A new draft copy of the survey: the way to remove questions or change their type once answers exist.</summary>
    [HttpPost("{id:int}/new-version")]
    public async Task<IActionResult> NewVersion(int id, CancellationToken ct)
    {
        var survey = await LoadTrackedAsync(id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        if (survey.IsSatisfaction)
        {
            var stage = await db.Projects.Where(p => p.Id == survey.ProjectId).Select(p => p.Stage).FirstAsync(ct);
            var inProgress = await db.Surveys.AnyAsync(s => s.ProjectId == survey.ProjectId && s.Kind == SurveyKind.Satisfaction && s.Status != SurveyStatus.Closed, ct);
            var gate = Survey.CanStartSatisfaction(stage, inProgress);
            if (!gate.IsPassed)
            {
                return this.Refuse(string.Join(" ", gate.Missing.Select(m => l[m].Value)), Url.Action(nameof(Details), new { id }));
            }
        }
        var copy = survey.NewVersion(User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.Surveys.Add(copy);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["A new version of the survey was made as a draft."].Value;
        return RedirectToAction(nameof(Details), new { id = copy.Id });
    }

    [HttpPost("{id:int}/questions")]
    public async Task<IActionResult> AddQuestion(int id, QuestionForm form, [FromServices] IValidator<QuestionForm> validator, CancellationToken ct)
    {
        var survey = await LoadTrackedAsync(id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, form, ct);
        }
        var question = new SurveyQuestion { Type = form.Type, Text = form.Text.Trim(), Required = form.Required };
        SetOptions(question, form);
        if (!SetCondition(survey, question, form))
        {
            return await DetailsWithErrorsAsync(id, form, ct);
        }
        var check = survey.AddQuestion(question);
        if (!check.IsPassed)
        {
            AddErrors(check);
            return await DetailsWithErrorsAsync(id, form, ct);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Details), null, new { id }, "questions");
    }

    [HttpGet("{id:int}/questions/{questionId:int}/edit")]
    public async Task<IActionResult> EditQuestion(int id, int questionId, CancellationToken ct)
    {
        var survey = await LoadTrackedAsync(id, ct);
        var question = survey?.Questions.FirstOrDefault(q => q.Id == questionId);
        if (survey is null || question is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        ViewData["Survey"] = survey;
        return View(new QuestionForm
        {
            Id = question.Id, Type = question.Type, Text = question.Text, Required = question.Required, AllowOther = question.AllowOther,
            Options = string.Join('\n', question.Options.OrderBy(o => o.Order).Select(o => o.Text)),
            ConditionQuestionId = question.ConditionQuestionId,
            ConditionOption = survey.Questions.SelectMany(q => q.Options).FirstOrDefault(o => o.Id == question.ConditionOptionId)?.Text ?? "",
        });
    }

    [HttpPost("{id:int}/questions/{questionId:int}/edit")]
    public async Task<IActionResult> EditQuestion(int id, int questionId, QuestionForm form, [FromServices] IValidator<QuestionForm> validator, CancellationToken ct)
    {
        form.Id = questionId;
        var survey = await LoadTrackedAsync(id, ct);
        var question = survey?.Questions.FirstOrDefault(q => q.Id == questionId);
        if (survey is null || question is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        ViewData["Survey"] = survey;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        var hasResponses = await db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct);
        var kept = question.Options.Select(o => o.Text).ToHashSet();
        if (hasResponses && question.IsChoice && !kept.IsSubsetOf(form.OptionLines()))
        {
            ModelState.AddModelError("", l[Survey.HasResponses]);
            return this.InvalidForm(form);
        }
        // Later questions shown on one of this question's answers would silently never show again.
        var dependents = survey.Questions.Where(q => q.ConditionQuestionId == question.Id).ToList();
        var options = form.OptionLines();
        if (dependents.Count > 0 && (form.Type is not (QuestionType.SingleChoice or QuestionType.MultipleChoice)
            || dependents.Any(d => !options.Contains(question.Options.FirstOrDefault(o => o.Id == d.ConditionOptionId)?.Text ?? ""))))
        {
            ModelState.AddModelError("", l["Later questions are shown on this question's answers: keep its type and those answers, or change them first."]);
            return this.InvalidForm(form);
        }
        if (!SetCondition(survey, question, form))
        {
            return this.InvalidForm(form);
        }
        var check = survey.ChangeQuestion(question, form.Type, hasResponses);
        if (!check.IsPassed)
        {
            AddErrors(check);
            return this.InvalidForm(form);
        }
        question.Text = form.Text.Trim();
        question.Required = form.Required;
        SetOptions(question, form);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Details), null, new { id }, "questions");
    }

    [HttpPost("{id:int}/questions/{questionId:int}/remove")]
    public async Task<IActionResult> RemoveQuestion(int id, int questionId, CancellationToken ct) =>
        await ChangeAsync(id, async (survey, question) =>
        {
            var hasResponses = await db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct);
            return question is null ? GateCheck.Passed : survey.RemoveQuestion(question, hasResponses);
        }, l["The question was removed."], ct, questionId);

    [HttpPost("{id:int}/questions/{questionId:int}/move")]
    public async Task<IActionResult> MoveQuestion(int id, int questionId, int offset, CancellationToken ct) =>
        await ChangeAsync(id, (survey, question) =>
            Task.FromResult(question is null ? GateCheck.Passed : survey.MoveQuestion(question, Math.Sign(offset))), null, ct, questionId);

    [HttpPost("{id:int}/notes")]
    public async Task<IActionResult> AddNote(int id, FieldNoteForm form, [FromServices] IValidator<FieldNoteForm> validator, CancellationToken ct)
    {
        var covered = await db.Surveys.Where(s => s.Id == id).Select(s => s.Communities.Select(c => c.Id).ToList()).FirstOrDefaultAsync(ct);
        if (covered is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAnyAsync(User, covered))
        {
            return Forbid();
        }
        if (form.CommunityId is { } noteCommunity && !covered.Contains(noteCommunity))
        {
            ModelState.AddModelError(nameof(form.CommunityId), l["Please choose one of the communities of this survey."]);
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            var page = await LoadPageAsync(id, ct);
            return this.InvalidForm(page! with { Note = form }, "Details");
        }
        db.FieldNotes.Add(new FieldNote
        {
            SurveyId = id, Kind = form.Kind, CommunityId = form.CommunityId, Who = form.Who.Trim(), Where = form.Where.Trim(),
            When = time.ToUtc(form.When!.Value), Content = form.Content.Trim(), RecordedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The note was saved."].Value;
        return RedirectToAction(nameof(Details), null, new { id }, "notes");
    }

    private async Task<IActionResult> ChangeAsync(int id, Func<Survey, SurveyQuestion?, Task<GateCheck>> change, string? done, CancellationToken ct, int? questionId = null)
    {
        var survey = await LoadTrackedAsync(id, ct);
        if (survey is null || (questionId is not null && survey.Questions.All(q => q.Id != questionId)))
        {
            return NotFound();
        }
        if (!await MayChangeAsync(survey))
        {
            return Forbid();
        }
        var check = await change(survey, survey.Questions.FirstOrDefault(q => q.Id == questionId));
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), Url.Action(nameof(Details), new { id }));
        }
        await db.SaveChangesAsync(ct);
        if (done is not null)
        {
            TempData["Message"] = done;
        }
        return RedirectToAction(nameof(Details), null, new { id }, "questions");
    }

    /// <summary>Staff change the surveys of their own community; street-office staff and managers change any.</summary>
    private Task<bool> MayChangeAsync(Survey survey) => authorization.WorksInAnyAsync(User, survey.Communities.Select(c => c.Id));

    private async Task<bool> ChoosesOwnCommunitiesAsync(SurveyForm form)
    {
        foreach (var id in form.CommunityIds.Distinct())
        {
            if (!await authorization.WorksInAsync(User, id))
            {
                ModelState.AddModelError(nameof(form.CommunityIds), l[CommunityAccessExtensions.OtherCommunity]);
                return false;
            }
        }
        return true;
    }

    private Task<Survey?> LoadTrackedAsync(int id, CancellationToken ct) =>
        db.Surveys.Include(s => s.Communities).Include(s => s.Project).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    private async Task<SurveyPage?> LoadPageAsync(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Communities).Include(s => s.Project).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == id, ct);
        var notes = await db.FieldNotes.AsNoTracking().Where(n => n.SurveyId == id).OrderByDescending(n => n.When)
            .Select(n => new NoteRow(n.Id, n.Kind, n.Community!.Name, n.Who, n.Where, n.When, n.Content)).ToListAsync(ct);
        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        return new SurveyPage(survey, responses, notes, communities);
    }

    private async Task<IActionResult> DetailsWithErrorsAsync(int id, QuestionForm form, CancellationToken ct)
    {
        var page = await LoadPageAsync(id, ct);
        return page is null ? NotFound() : this.InvalidForm(page with { Question = form }, "Details");
    }

    private static void SetOptions(SurveyQuestion question, QuestionForm form)
    {
        question.AllowOther = form.Type == QuestionType.MultipleChoice && form.AllowOther;
        if (!question.IsChoice)
        {
            question.Options.Clear();
            return;
        }
        var lines = form.OptionLines();
        question.Options.RemoveAll(o => !lines.Contains(o.Text));
        for (var i = 0; i < lines.Count; i++)
        {
            var option = question.Options.FirstOrDefault(o => o.Text == lines[i]);
            if (option is null)
            {
                question.Options.Add(new QuestionOption { Text = lines[i], Order = i + 1 });
            }
            else
            {
                option.Order = i + 1;
            }
        }
    }

    private bool SetCondition(Survey survey, SurveyQuestion question, QuestionForm form)
    {
        if (form.ConditionQuestionId is null)
        {
            question.ConditionQuestionId = null;
            question.ConditionOptionId = null;
            question.ConditionQuestion = null;
            question.ConditionOption = null;
            return true;
        }
        var source = survey.Questions.FirstOrDefault(q => q.Id == form.ConditionQuestionId && q != question);
        var option = source?.Options.FirstOrDefault(o => o.Text == form.ConditionOption.Trim());
        if (source is null || option is null || !source.IsChoice)
        {
            ModelState.AddModelError(nameof(form.ConditionOption), l[Survey.ConditionMustComeEarlier]);
            return false;
        }
        question.ConditionQuestion = source;
        question.ConditionOption = option;
        question.ConditionQuestionId = source.Id;
        question.ConditionOptionId = option.Id;
        return true;
    }

    private async Task ApplyAsync(SurveyForm form, Survey survey, CancellationToken ct)
    {
        survey.Title = form.Title.Trim();
        survey.Purpose = form.Purpose.Trim();
        survey.StartDate = form.StartDate!.Value;
        survey.EndDate = form.EndDate!.Value;
        survey.UsesQuestionnaire = form.UsesQuestionnaire;
        survey.UsesInterview = form.UsesInterview;
        survey.UsesObservation = form.UsesObservation;
        survey.AllowAnonymous = form.AllowAnonymous;
        if (survey.IsSatisfaction)
        {
            return;
        }
        var wanted = form.CommunityIds.Distinct().ToList();
        survey.Communities.RemoveAll(c => !wanted.Contains(c.Id));
        var missing = wanted.Where(w => survey.Communities.All(c => c.Id != w)).ToList();
        survey.Communities.AddRange(await db.Communities.Where(c => missing.Contains(c.Id)).ToListAsync(ct));
    }

    private void AddErrors(GateCheck check)
    {
        foreach (var missing in check.Missing)
        {
            ModelState.AddModelError("", l[missing]);
        }
    }

    private async Task LoadCommunitiesAsync(CancellationToken ct) =>
        ViewData["Communities"] = await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
}
