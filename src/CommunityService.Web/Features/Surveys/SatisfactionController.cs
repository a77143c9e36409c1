using CommunityService.Data;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Surveys;

/// <summary>
/// 满意度调查: staff of the project's community start a project's satisfaction questionnaire from the ready-made questions (from
/// the evaluations page or a report); they add their own questions and open it in the survey editor.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class SatisfactionController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("/projects/{projectId:int}/satisfaction")]
    public async Task<IActionResult> Start(int projectId, CancellationToken ct)
    {
        var project = await db.Projects.Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        var access = await this.OpenInCommunityAsync(authorization, project, p => p.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        project = access.Record;
        var back = Url.Action("Index", "Evaluations", new { projectId });
        var inProgress = await db.Surveys.AnyAsync(s => s.ProjectId == projectId && s.Kind == SurveyKind.Satisfaction && s.Status != SurveyStatus.Closed, ct);
        var title = l[SatisfactionTemplate.Title, project.Name].Value;
        var check = Survey.StartSatisfaction(project, project.Community!, inProgress, title[..Math.Min(title.Length, Survey.TitleMaxLength)],
            SatisfactionTemplate.Questions(key => l[key].Value), DateOnly.FromDateTime(time.Now), User.UserId(), clock.GetUtcNow().UtcDateTime, out var survey);
        if (!check.IsPassed)
        {
            return this.Refuse(string.Join(" ", check.Missing.Select(m => l[m].Value)), back);
        }
        survey!.Purpose = l[SatisfactionTemplate.Purpose].Value;
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The satisfaction questionnaire was made from the ready-made questions. Add your own questions, then open it for answers."].Value;
        return RedirectToAction("Details", "Surveys", new { id = survey.Id });
    }
}
