using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Records;

[Authorize(Policy = Policies.StaffOrManager)]
[Route("projects/{projectId:int}/records")]
public sealed class RecordsController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>What was delivered, newest first, paged; filterable by delivery mode and by session.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, DeliveryMode? mode, int? session, int page = 1, CancellationToken ct = default)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        var query = db.ServiceRecords.AsNoTracking().Where(r => r.ProjectId == projectId);
        if (mode is { } m)
        {
            query = query.Where(r => r.DeliveryMode == m);
        }
        if (session is { } s)
        {
            query = query.Where(r => r.SessionId == s);
        }
        var rows = await query.OrderByDescending(r => r.DeliveredAt).ThenByDescending(r => r.Id)
            .Select(r => new RecordRow(r.Id, r.RecipientName, r.DeliveredAt, r.DeliveryMode, r.DurationMinutes, r.Description, r.Place,
                db.Users.Where(u => u.Id == r.DeliveredById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new RecordList(projectId, project.Name, mode, session, rows));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(int projectId, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        return View(new RecordForm
        {
            ProjectId = projectId, ProjectName = project.Name, DeliveredAt = time.Now.Date.AddHours(9), DurationMinutes = 60,
        });
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(int projectId, RecordForm form, [FromServices] IValidator<RecordForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        form.ProjectName = project.Name;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (project.Stage != ProjectStage.Execution)
        {
            ModelState.AddModelError("", l["Services can only be recorded while the project is in execution."]);
            return this.InvalidForm(form);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.ServiceRecords.Add(new ServiceRecord
        {
            ProjectId = projectId, RecipientName = form.RecipientName.Trim(), DeliveredAt = time.ToUtc(form.DeliveredAt!.Value),
            DeliveryMode = form.DeliveryMode, DurationMinutes = form.DurationMinutes, Description = form.Description.Trim(),
            RecordedById = User.UserId(), CreatedAt = now,
        });
        project.UpdatedAt = now;
        if (!await db.TrySaveAsync(ct))
        {
            // Someone changed the project meanwhile, most often a colleague recording a service at the same time: it was
            // just updated, so the record is saved on its own, once the project is seen to be still in execution.
            await db.Entry(project).ReloadAsync(ct);
            if (project.Stage != ProjectStage.Execution)
            {
                ModelState.AddModelError("", l["Services can only be recorded while the project is in execution."]);
                return this.InvalidForm(form);
            }
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = l["The service was recorded."].Value;
        return RedirectToAction("Details", "Projects", new { id = projectId }, "execution");
    }
}
