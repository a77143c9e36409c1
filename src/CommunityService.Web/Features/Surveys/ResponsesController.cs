using System.Globalization;
using CommunityService.Data;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Surveys;

/// <summary>
/// Answering a questionnaire: residents online at /respond (signed in, or anonymously where the survey
/// allows), and staff typing in paper or interview answers at /entry.
/// </summary>
[Route("surveys/{id:int}")]
public sealed class ResponsesController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous]
    [HttpGet("respond")]
    public async Task<IActionResult> Respond(int id, CancellationToken ct)
    {
        var survey = await LoadAsync(id, ct);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return NotFound();
        }
        if (await RefuseAnswerAsync(survey, ct) is { } refusal)
        {
            return refusal;
        }
        var page = await NewPageAsync(survey, staffEntry: false, ct);
        if (User.Identity?.IsAuthenticated == true)
        {
            var mine = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers)
                .FirstOrDefaultAsync(r => r.SurveyId == id && r.RespondentId == User.UserId(), ct);
            if (mine is not null)
            {
                page = page with { Values = ToInputs(mine.Answers), CommunityId = mine.CommunityId, AgeBand = mine.AgeBand, Updating = true };
            }
        }
        return View("Respond", page);
    }

    [AllowAnonymous]
    [HttpPost("respond")]
    public async Task<IActionResult> Respond(int id, int? communityId, AgeBand? ageBand, CancellationToken ct)
    {
        var survey = await LoadAsync(id, ct);
        if (survey is null || survey.Status == SurveyStatus.Draft)
        {
            return NotFound();
        }
        if (await RefuseAnswerAsync(survey, ct) is { } refusal)
        {
            return refusal;
        }
        var userId = User.Identity?.IsAuthenticated == true ? User.UserId() : null;
        return await SaveAsync(survey, communityId, ageBand, ResponseChannel.Online, "", userId, staffEntry: false, ct);
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("entry")]
    public async Task<IActionResult> Entry(int id, CancellationToken ct)
    {
        var survey = await LoadAsync(id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (!await MayEnterAsync(survey))
        {
            return Forbid();
        }
        return View("Respond", (await NewPageAsync(survey, staffEntry: true, ct)) with { Channel = ResponseChannel.Paper });
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("entry")]
    public async Task<IActionResult> Entry(int id, int? communityId, AgeBand? ageBand, ResponseChannel channel, string? respondentName, CancellationToken ct)
    {
        var survey = await LoadAsync(id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        if (!await MayEnterAsync(survey))
        {
            return Forbid();
        }
        var name = (respondentName ?? "").Trim();
        if (name.Length > SurveyResponse.NameMaxLength)
        {
            name = name[..SurveyResponse.NameMaxLength];
        }
        return await SaveAsync(survey, communityId, ageBand, channel == ResponseChannel.Interview ? ResponseChannel.Interview : ResponseChannel.Paper,
            name, respondentId: null, staffEntry: true, ct);
    }

    private async Task<IActionResult> SaveAsync(Survey survey, int? communityId, AgeBand? ageBand, ResponseChannel channel, string respondentName,
        string? respondentId, bool staffEntry, CancellationToken ct)
    {
        var questions = survey.Ordered;
        var values = Parse(Request.Form, questions);
        var page = (await NewPageAsync(survey, staffEntry, ct)) with
        {
            Values = values, CommunityId = communityId, AgeBand = ageBand, Channel = channel, RespondentName = respondentName,
        };
        if (survey.Status != SurveyStatus.Open)
        {
            ModelState.AddModelError("", l["This survey is closed and no longer takes answers."]);
            return this.InvalidForm(page, "Respond");
        }
        var errors = AnswerRules.Check(questions, values);
        if (communityId is { } c && survey.Communities.All(x => x.Id != c))
        {
            ModelState.AddModelError("communityId", l["Please choose one of the communities of this survey."]);
        }
        if (ageBand is { } band && !Enum.IsDefined(band))
        {
            ModelState.AddModelError("ageBand", l["The value is not valid."]);
        }
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            ModelState.AddModelError("", l["Some answers need another look. They are marked below."]);
            return this.InvalidForm(page with { Errors = errors.ToDictionary(e => e.Key, e => l[e.Value].Value) }, "Respond");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var response = respondentId is null ? null
            : await db.SurveyResponses.Include(r => r.Answers).FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.RespondentId == respondentId, ct);
        if (response is null)
        {
            response = new SurveyResponse { SurveyId = survey.Id, RespondentId = respondentId, SubmittedAt = now };
            db.SurveyResponses.Add(response);
        }
        response.CommunityId = communityId;
        response.AgeBand = ageBand;
        response.Channel = channel;
        response.RespondentName = respondentName;
        response.EnteredById = staffEntry ? User.UserId() : null;
        response.UpdatedAt = now;
        response.Answers.Clear();
        response.Answers.AddRange(AnswerRules.ToAnswers(questions, values));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same resident sent the form twice at once: the first answer stands.
            ModelState.AddModelError("", l["Your answers were already received. Please reload the page to change them."]);
            return this.InvalidForm(page, "Respond", StatusCodes.Status409Conflict);
        }
        if (staffEntry)
        {
            TempData["Message"] = l["The answers were saved. You can enter the next questionnaire."].Value;
            return RedirectToAction(nameof(Entry), new { id = survey.Id });
        }
        return View("Thanks", survey.Title);
    }

    /// <summary>Reads q{id}, q{id}.other and q{id}.otherText from the posted form, keeping what was typed as typed.</summary>
    public static Dictionary<int, AnswerInput> Parse(IFormCollection form, IEnumerable<SurveyQuestion> questions)
    {
        var values = new Dictionary<int, AnswerInput>();
        foreach (var q in questions)
        {
            var raw = form[$"q{q.Id}"];
            AnswerInput input;
            if (q.IsChoice)
            {
                var ids = raw.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1).ToList();
                input = new AnswerInput(ids, Other: form[$"q{q.Id}.other"] == "true", OtherText: form[$"q{q.Id}.otherText"].ToString());
            }
            else if (q.IsNumeric)
            {
                var text = raw.ToString().Trim();
                input = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    ? new AnswerInput([], Text: text, Number: n)
                    : new AnswerInput([], Text: text);
            }
            else
            {
                input = new AnswerInput([], Text: raw.ToString());
            }
            values[q.Id] = input;
        }
        return values;
    }

    private static Dictionary<int, AnswerInput> ToInputs(IEnumerable<SurveyAnswer> answers) =>
        answers.GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g =>
        {
            var other = g.FirstOrDefault(a => a.OptionId is null && a.Text is not null && g.Any(x => x.OptionId is not null));
            var number = g.FirstOrDefault(a => a.Number is not null)?.Number;
            return new AnswerInput(
                g.Where(a => a.OptionId is not null).Select(a => a.OptionId!.Value).ToList(),
                Text: number?.ToString("0.##", CultureInfo.InvariantCulture) ?? g.FirstOrDefault(a => a.OptionId is null)?.Text,
                Number: number,
                Other: other is not null,
                OtherText: other?.Text);
        });

    /// <summary>
    /// Who may answer online (<see cref="Survey.MayAnswerOnline"/>): a stranger is sent to sign in; a signed-in person who did not
    /// take part in a satisfaction questionnaire's project gets a 403 that says why. Null when the person may answer.
    /// </summary>
    private async Task<IActionResult?> RefuseAnswerAsync(Survey survey, CancellationToken ct)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var tookPart = signedIn && survey.ProjectId is { } project && await db.TookPartInAsync(project, User.UserId(), ct);
        var check = survey.MayAnswerOnline(signedIn, tookPart);
        if (check.IsPassed)
        {
            return null;
        }
        if (!signedIn)
        {
            return Challenge();
        }
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("NotForYou", l[check.Missing[0]].Value);
    }

    /// <summary>Paper answers to a satisfaction questionnaire are typed in by staff of the project's community.</summary>
    private async Task<bool> MayEnterAsync(Survey survey) =>
        !survey.IsSatisfaction || await authorization.WorksInAnyAsync(User, survey.Communities.Select(c => c.Id));

    private Task<Survey?> LoadAsync(int id, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Include(s => s.Communities).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    private async Task<RespondPage> NewPageAsync(Survey survey, bool staffEntry, CancellationToken ct)
    {
        int? communityId = null;
        if (User.Identity?.IsAuthenticated == true && !staffEntry)
        {
            communityId = await db.Users.Where(u => u.Id == User.UserId()).Select(u => u.CommunityId).FirstOrDefaultAsync(ct);
        }
        var communities = survey.Communities.OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return new RespondPage(survey, staffEntry, communities) { CommunityId = communityId };
    }
}
