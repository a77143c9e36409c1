using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Volunteers;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Volunteers;

/// <summary>
/// A project's shifts for staff: how many volunteers each session needs, who is on duty, and the volunteers' logged
/// minutes to confirm or correct (logged first). Every action checks that the staff member works in the project's community.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class ShiftsController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    public const int SessionListSize = 100;
    public const string ChooseSession = "Please choose a session.";
    public const string ChooseStaff = "Please choose a staff member.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/projects/{projectId:int}/shifts")]
    public async Task<IActionResult> Index(int projectId, int page = 1, CancellationToken ct = default)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        return View("ProjectShifts", await PageAsync(project, page, ct));
    }

    [HttpPost("/projects/{projectId:int}/shifts")]
    public async Task<IActionResult> OnDuty(int projectId, OnDutyForm form, [FromServices] IValidator<OnDutyForm> validator, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (await this.ValidateFormAsync(form, validator, ct))
        {
            // The session and the colleague must be ones the form offered: ids typed into the form are checked, not trusted.
            if (!await db.Sessions.AnyAsync(s => s.Id == form.SessionId && s.ProjectId == projectId, ct))
            {
                ModelState.AddModelError(nameof(form.SessionId), l[ChooseSession]);
            }
            if (!await StaffFor(project).AnyAsync(u => u.Id == form.UserId, ct))
            {
                ModelState.AddModelError(nameof(form.UserId), l[ChooseStaff]);
            }
        }
        if (!ModelState.IsValid)
        {
            return this.InvalidForm(await PageAsync(project, 1, ct) with { OnDuty = form }, "ProjectShifts");
        }
        var (check, _) = await new ShiftDesk(db, Now).PutOnDutyAsync(form.SessionId!.Value, form.UserId, ct);
        if (!check.IsPassed)
        {
            foreach (var missing in check.Missing)
            {
                ModelState.AddModelError(nameof(form.UserId), l[missing]);
            }
            return this.InvalidForm(await PageAsync(project, 1, ct) with { OnDuty = form }, "ProjectShifts", StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The staff member is on duty at the session."].Value;
        return RedirectToAction(nameof(Index), new { projectId });
    }

    [HttpPost("/sessions/{id:int}/volunteers-needed")]
    public async Task<IActionResult> VolunteersNeeded(int id, VolunteersNeededForm form, [FromServices] IValidator<VolunteersNeededForm> validator, CancellationToken ct)
    {
        var projectId = await db.Sessions.Where(s => s.Id == id).Select(s => (int?)s.ProjectId).FirstOrDefaultAsync(ct);
        var access = await this.OpenInCommunityAsync(authorization, projectId is { } pid ? await ProjectAsync(pid, ct) : null, p => p.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await PageAsync(project, 1, ct) with { Needed = new NeededInput(id, Request.Form[nameof(form.VolunteersNeeded)].ToString()) }, "ProjectShifts");
        }
        await new ShiftDesk(db, Now).SetVolunteersNeededAsync(id, form.VolunteersNeeded, ct);
        TempData["Message"] = l["The session now needs {0} volunteers.", form.VolunteersNeeded].Value;
        return RedirectToAction(nameof(Index), null, new { projectId = project.Id }, $"session-{id}");
    }

    [HttpPost("/shifts/{id:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, ConfirmShiftForm form, [FromServices] IValidator<ConfirmShiftForm> validator, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization,
            await db.Shifts.Include(s => s.Session).ThenInclude(s => s!.Project).FirstOrDefaultAsync(s => s.Id == id, ct), s => s.Session!.Project!.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var shift = access.Record;
        var project = shift.Session!.Project!;
        var head = new ProjectHead(project.Id, project.Name, project.CommunityId, project.Stage);
        var input = new ConfirmInput(id, form.Minutes, form.Note);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await PageAsync(head, form.Page, ct) with { Input = input }, "ProjectShifts");
        }
        if (shift.Version != form.Version)
        {
            return await ClashAsync(head, form.Page, input, ct);
        }
        db.ExpectVersion(shift, form.Version);
        var check = shift.Confirm(form.Minutes, form.Note, User.UserId(), shift.Session.StartsAt, Now);
        if (!check.IsPassed)
        {
            foreach (var missing in check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return this.InvalidForm(await PageAsync(head, form.Page, ct) with { Input = input }, "ProjectShifts");
        }
        if (!await db.TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            return await ClashAsync(head, form.Page, input, ct);
        }
        TempData["Message"] = l["{0} hours are confirmed.", ConfirmedHours.Format(ConfirmedHours.Hours(shift.ConfirmedMinutes!.Value))].Value;
        return RedirectToAction(nameof(Index), null, new { projectId = project.Id, page = Math.Max(1, form.Page) }, $"shift-{id}");
    }

    /// <summary>The volunteer changed the minutes, or a colleague confirmed them, since the page was opened: the input is kept to review.</summary>
    private async Task<IActionResult> ClashAsync(ProjectHead head, int page, ConfirmInput input, CancellationToken ct)
    {
        return this.ConflictForm(await PageAsync(head, page, ct) with { Input = input }, "ProjectShifts");
    }

    private Task<ProjectHead?> ProjectAsync(int projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectHead(p.Id, p.Name, p.CommunityId, p.Stage)).FirstOrDefaultAsync(ct);

    /// <summary>Colleagues who can be put on duty: staff of the whole street office or of the project's community.</summary>
    private IQueryable<Data.Identity.ApplicationUser> StaffFor(ProjectHead project)
    {
        var staffRole = db.Roles.Where(r => r.Name == Roles.Staff).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && (u.CommunityId == null || u.CommunityId == project.CommunityId)
                && db.UserRoles.Any(r => r.UserId == u.Id && staffRole.Contains(r.RoleId)));
    }

    private async Task<ProjectShiftsPage> PageAsync(ProjectHead project, int page, CancellationToken ct)
    {
        var now = Now;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ProjectId == project.Id)
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            .Take(SessionListSize)
            .Select(s => new SessionPlaces(s.Id, s.Title, s.StartsAt, s.EndsAt, s.IsCancelled, s.VolunteersNeeded,
                db.Shifts.Count(x => x.SessionId == s.Id && x.IsVolunteer && x.Status != ShiftStatus.Cancelled),
                db.Shifts.Count(x => x.SessionId == s.Id && !x.IsVolunteer && x.Status != ShiftStatus.Cancelled)))
            .ToListAsync(ct);
        var shifts = await (
                from s in db.Shifts.AsNoTracking()
                join u in db.Users on s.UserId equals u.Id
                where s.Session!.ProjectId == project.Id
                orderby (s.Status == ShiftStatus.Cancelled ? 5 : !s.IsVolunteer ? 4 : s.Status == ShiftStatus.Logged ? 0
                        : s.Status == ShiftStatus.Taken && s.Session!.StartsAt <= now ? 1 : s.Status == ShiftStatus.Taken ? 2 : 3),
                    s.Session!.StartsAt descending, s.Id
                select new ShiftRow(s.Id, s.SessionId, s.Session!.Title, s.Session.StartsAt, s.UserId, u.DisplayName, s.IsVolunteer, s.Status,
                    s.LoggedMinutes, s.ConfirmedMinutes, db.Users.Where(c => c.Id == s.ConfirmedById).Select(c => c.DisplayName).FirstOrDefault(),
                    s.Note, s.Version, s.Session.StartsAt <= now))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        var staff = await StaffFor(project).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Take(200).Select(u => new Option(u.Id, u.DisplayName)).ToListAsync(ct);
        return new ProjectShiftsPage(project, sessions, shifts, staff);
    }
}
