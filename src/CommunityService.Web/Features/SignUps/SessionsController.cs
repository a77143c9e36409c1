using CommunityService.Data;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.SignUps;

/// <summary>Staff set up a project's sessions and run their lists: add who came in or called, confirm, cancel, change places.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class SessionsController(
    CommunityServiceDbContext db, SessionLists lists, TimeProvider clock, PortalTime time, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/projects/{projectId:int}/sessions")]
    public async Task<IActionResult> Index(int projectId, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        var form = new SessionForm { Place = project.Place, Capacity = project.Capacity };
        return View(await PageAsync(project, form, ct));
    }

    [HttpPost("/projects/{projectId:int}/sessions")]
    public async Task<IActionResult> Create(int projectId, SessionForm form, [FromServices] IValidator<SessionForm> validator, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await ProjectAsync(projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], Url.Action("Details", "Projects", new { id = projectId }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await PageAsync(project, form, ct), "Index");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var title = form.Title.Trim();
        var sessions = Enumerable.Range(0, form.Weeks).Select(week => new ServiceSession(form.Capacity)
        {
            ProjectId = projectId, Place = form.Place.Trim(), CreatedAt = now,
            Title = form.Weeks == 1 ? title : l["{0} ({1} of {2})", title, week + 1, form.Weeks].Value,
            // Local wall-clock time stays the same every week, whatever the offset does.
            StartsAt = time.ToUtc(form.StartsAt!.Value.AddDays(7 * week)), EndsAt = time.ToUtc(form.EndsAt!.Value.AddDays(7 * week)),
        }).ToList();
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = form.Weeks == 1
            ? l["The session is added: residents can sign up for it from the notice."].Value
            : l["{0} weekly sessions are added: residents can sign up for each from the notice.", form.Weeks].Value;
        return form.Weeks == 1 ? RedirectToAction(nameof(Details), new { id = sessions[0].Id }) : RedirectToAction(nameof(Index), new { projectId });
    }

    [HttpGet("/sessions/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var pageAccess = await this.OpenInCommunityAsync(authorization, await ListAsync(id, ct), x => x.CommunityId);
        if (!pageAccess.Granted)
        {
            return pageAccess.Refusal;
        }
        var page = pageAccess.Record;
        return View(page);
    }

    [HttpPost("/sessions/{id:int}/signups")]
    public async Task<IActionResult> Add(int id, SignUpForm form, [FromServices] IValidator<SignUpForm> validator, CancellationToken ct)
    {
        var pageAccess = await this.OpenInCommunityAsync(authorization, await ListAsync(id, ct), x => x.CommunityId);
        if (!pageAccess.Granted)
        {
            return pageAccess.Refusal;
        }
        var page = pageAccess.Record;
        form.SessionId = id;
        if (form.Channel == SignUpChannel.Online)
        {
            ModelState.AddModelError(nameof(form.Channel), l["Choose in person or by phone."]);
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(page with { Form = form }, "Details");
        }
        var staffId = User.UserId();
        var change = await lists.EnrolAsync(id, () => new SignUp
        {
            Name = form.Name.Trim(), Phone = form.Phone.Trim(), Note = form.Note.Trim(), Channel = form.Channel, AddedById = staffId,
        }, ct);
        if (!change.Check.IsPassed)
        {
            foreach (var missing in change.Check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return this.InvalidForm(page with { Form = form }, "Details", StatusCodes.Status409Conflict);
        }
        TempData["Message"] = change.SignUp!.Status == SignUpStatus.Registered
            ? l["{0} has a place.", change.SignUp.Name].Value
            : l["{0} is number {1} on the waiting list.", change.SignUp.Name, change.WaitingPosition].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("/sessions/{id:int}/capacity")]
    public async Task<IActionResult> Capacity(int id, CapacityForm form, [FromServices] IValidator<CapacityForm> validator, CancellationToken ct)
    {
        var pageAccess = await this.OpenInCommunityAsync(authorization, await ListAsync(id, ct), x => x.CommunityId);
        if (!pageAccess.Granted)
        {
            return pageAccess.Refusal;
        }
        var page = pageAccess.Record;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(page, "Details");
        }
        if (!(await lists.ChangeCapacityAsync(id, form.Capacity, form.Shown, ct)).Check.IsPassed)
        {
            return this.ConflictForm(await ListAsync(id, ct) ?? page, "Details");
        }
        TempData["Message"] = l["The number of places is now {0}.", form.Capacity].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("/signups/{id:int}/confirm")]
    public async Task<IActionResult> Confirm(int id, CancellationToken ct)
    {
        var signUpAccess = await this.OpenInCommunityAsync(authorization, await db.SignUps.Include(s => s.Session).ThenInclude(s => s!.Project).FirstOrDefaultAsync(s => s.Id == id, ct), x => x.Session!.Project!.CommunityId);
        if (!signUpAccess.Granted)
        {
            return signUpAccess.Refusal;
        }
        var signUp = signUpAccess.Record;
        var check = signUp.Confirm(User.UserId(), clock.GetUtcNow().UtcDateTime);
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action(nameof(Details), new { id = signUp.SessionId }));
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["{0} is confirmed.", signUp.Name].Value;
        return RedirectToAction(nameof(Details), new { id = signUp.SessionId });
    }

    private Task<ProjectFacts?> ProjectAsync(int projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectFacts(p.Id, p.Name, p.CommunityId, p.Stage,
                p.Plans.Where(x => x.Status == PlanStatus.Approved).OrderByDescending(x => x.VersionNumber).Select(x => x.Place).FirstOrDefault() ?? "",
                p.Plans.Where(x => x.Status == PlanStatus.Approved).OrderByDescending(x => x.VersionNumber).Select(x => x.Capacity).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    private async Task<SessionsPage> PageAsync(ProjectFacts project, SessionForm form, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ProjectId == project.Id)
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.Title, s.StartsAt, s.EndsAt, s.Place, s.Capacity, s.PlacesTaken,
                db.SignUps.Count(x => x.SessionId == s.Id && x.Status == SignUpStatus.Waiting), s.IsCancelled))
            .Take(200)
            .ToListAsync(ct);
        return new SessionsPage(project, sessions, form);
    }

    private async Task<SessionListPage?> ListAsync(int sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new SessionListPage(s.Id, s.ProjectId, s.Project!.Name, s.Project.CommunityId, s.Title, s.StartsAt, s.EndsAt, s.Place,
                s.Capacity, s.PlacesTaken, s.IsCancelled))
            .FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }
        var people = await db.SignUps.AsNoTracking().Where(s => s.SessionId == sessionId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new ListEntry(s.Id, s.Name, s.Phone, s.Note, s.Status, s.Channel, s.CreatedAt, s.PromotedAt, s.CancelledAt, s.ConfirmedAt, s.ResidentId))
            .ToListAsync(ct);
        return session with { People = people, Form = new SignUpForm { SessionId = sessionId } };
    }
}
