using CommunityService.Data;
using CommunityService.Data.Execution;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Progress;

/// <summary>情况反馈: staff write how a project is going, at any time; the reports stay in order with their authors.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class ProgressController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/projects/{projectId:int}/progress")]
    public async Task<IActionResult> Index(int projectId, int page = 1, CancellationToken ct = default)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        return View(await PageAsync(projectId, project.Name, new ProgressForm(), page, ct));
    }

    [HttpPost("/projects/{projectId:int}/progress")]
    public async Task<IActionResult> Create(int projectId, ProgressForm form, [FromServices] IValidator<ProgressForm> validator, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await PageAsync(projectId, project.Name, form, 1, ct), "Index");
        }
        db.ProgressReports.Add(new ProgressReport
        {
            ProjectId = projectId, Text = form.Text.Trim(), CreatedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The progress report is saved."].Value;
        return RedirectToAction(nameof(Index), new { projectId });
    }

    private async Task<ProgressPage> PageAsync(int projectId, string name, ProgressForm form, int page, CancellationToken ct)
    {
        var rows = await db.ProgressReports.AsNoTracking().Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new ProgressRow(r.Text, r.CreatedAt, db.Users.Where(u => u.Id == r.CreatedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return new ProgressPage(projectId, name, rows, form);
    }
}
