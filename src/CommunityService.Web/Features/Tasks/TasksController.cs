using CommunityService.Data;
using CommunityService.Data.Execution;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Tasks;

/// <summary>Who does what by when: a project's task list, and each staff member's own tasks with the overdue ones first.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class TasksController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(time.Now);

    [HttpGet("/tasks")]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var me = User.UserId();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.ResponsibleId == me && (t.Status != WorkStatus.Done || t.DoneAt >= since))
            .OrderBy(t => t.Status == WorkStatus.Done).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
            .Take(200)
            .Select(t => new TaskRow(t.Id, t.ProjectId, t.Project!.Name, t.Title, t.Note, t.ResponsibleId, "", t.DueOn, t.Status, t.Version))
            .ToListAsync(ct);
        return View(new MyTasksPage(tasks, Today));
    }

    [HttpGet("/projects/{projectId:int}/tasks")]
    public async Task<IActionResult> Index(int projectId, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Id, p.Name, p.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        return View(await PageAsync(project.Id, project.Name, project.CommunityId, new TaskForm { DueOn = Today.AddDays(7) }, ct));
    }

    [HttpPost("/projects/{projectId:int}/tasks")]
    public async Task<IActionResult> Create(int projectId, TaskForm form, [FromServices] IValidator<TaskForm> validator, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Id, p.Name, p.CommunityId, p.Stage }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        var valid = await this.ValidateFormAsync(form, validator, ct);
        if (valid && !await StaffDirectory.Workers(db, project.CommunityId).AnyAsync(u => u.Id == form.ResponsibleId, ct))
        {
            ModelState.AddModelError(nameof(form.ResponsibleId), l["Choose someone who works in this community."]);
            valid = false;
        }
        if (!valid)
        {
            return this.InvalidForm(await PageAsync(project.Id, project.Name, project.CommunityId, form, ct), "Index");
        }
        db.Tasks.Add(new ProjectTask
        {
            ProjectId = projectId, Title = form.Title.Trim(), Note = form.Note.Trim(), ResponsibleId = form.ResponsibleId, DueOn = form.DueOn!.Value,
            CreatedById = User.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The task is added."].Value;
        return RedirectToAction(nameof(Index), new { projectId });
    }

    [HttpPost("/tasks/{id:int}/status")]
    public async Task<IActionResult> Status(int id, TaskStatusForm form, [FromServices] IValidator<TaskStatusForm> validator, CancellationToken ct)
    {
        var taskAccess = await this.OpenInCommunityAsync(authorization, await db.Tasks.Include(t => t.Project).FirstOrDefaultAsync(t => t.Id == id, ct), x => x.Project!.CommunityId);
        if (!taskAccess.Granted)
        {
            return taskAccess.Refusal;
        }
        var task = taskAccess.Record;
        var back = Url.LocalOr(form.ReturnUrl, Url.Action(nameof(Index), new { projectId = task.ProjectId }));
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.RefuseInvalid(back);
        }
        db.ExpectVersion(task, form.Version);
        task.SetStatus(form.Status!.Value, clock.GetUtcNow().UtcDateTime);
        if (!await db.TrySaveAsync(ct))
        {
            return this.Refuse(l[FormExtensions.ConflictMessage], back, StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["“{0}” is now: {1}.", task.Title, l[$"WorkStatus.{task.Status}"]].Value;
        return LocalRedirect(back);
    }

    private async Task<ProjectTasksPage> PageAsync(int projectId, string projectName, int communityId, TaskForm form, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ProjectId == projectId)
            .OrderBy(t => t.Status == WorkStatus.Done).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
            .Take(500)
            .Select(t => new TaskRow(t.Id, t.ProjectId, "", t.Title, t.Note, t.ResponsibleId,
                db.Users.Where(u => u.Id == t.ResponsibleId).Select(u => u.DisplayName).FirstOrDefault() ?? "", t.DueOn, t.Status, t.Version))
            .ToListAsync(ct);
        var people = await StaffDirectory.WorkerChoicesAsync(db, communityId, ct);
        return new ProjectTasksPage(projectId, projectName, tasks, people, form, Today);
    }
}
