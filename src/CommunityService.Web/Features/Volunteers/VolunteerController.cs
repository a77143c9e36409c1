using CommunityService.Data;
using CommunityService.Data.Projects;
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
/// The volunteer's own pages (志愿服务): their skills and free times, shifts to take, the minutes they gave, and a record of
/// their confirmed hours to print. A volunteer only ever sees and changes their own shifts: anyone else's id is not found.
/// </summary>
[Authorize(Policy = Policies.Volunteer)]
[Route("volunteer")]
public sealed class VolunteerController(CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>How many open shifts and own shifts the page lists; the print record lists every confirmed one.</summary>
    public const int ListSize = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(null, StatusCodes.Status200OK, ct);

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(CancellationToken ct)
    {
        var me = User.UserId();
        var profile = await db.VolunteerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct);
        return View("Profile", profile is null ? new VolunteerProfileForm() : VolunteerProfileForm.From(profile));
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(VolunteerProfileForm form, [FromServices] IValidator<VolunteerProfileForm> validator, CancellationToken ct)
    {
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form, "Profile");
        }
        var me = User.UserId();
        var profile = await db.VolunteerProfiles.FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (profile is null)
        {
            profile = new VolunteerProfile { UserId = me };
            db.VolunteerProfiles.Add(profile);
        }
        else
        {
            db.ExpectVersion(profile, form.Version);
        }
        profile.Skills = form.Skills.Trim();
        profile.Availability = form.Availability.Trim();
        profile.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab saved first (a changed version, or a first profile created twice): keep this input for review.
            db.ChangeTracker.Clear();
            return this.ConflictForm(form, "Profile");
        }
        TempData["Message"] = l["Your volunteer profile was saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("shifts/{sessionId:int}/take")]
    public async Task<IActionResult> Take(int sessionId, CancellationToken ct)
    {
        var (check, _) = await new ShiftDesk(db, Now).TakeAsync(sessionId, User.UserId(), ct);
        if (ReferenceEquals(check, ShiftDesk.NotFound))
        {
            return NotFound();
        }
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action(nameof(Index)));
        }
        TempData["Message"] = l["You took the shift. Thank you!"].Value;
        return RedirectToAction(nameof(Index), null, null, "my-shifts");
    }

    [HttpPost("shifts/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct)
    {
        var shift = await OwnShiftAsync(id, ct);
        if (shift is null)
        {
            return NotFound();
        }
        var check = shift.Cancel(shift.Session!.StartsAt, Now);
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action(nameof(Index)));
        }
        if (!await db.TrySaveAsync(ct))
        {
            return this.Refuse(l[FormExtensions.ConflictMessage], Url.Action(nameof(Index)));
        }
        TempData["Message"] = l["Your shift was cancelled."].Value;
        return RedirectToAction(nameof(Index), null, null, "my-shifts");
    }

    [HttpPost("shifts/{id:int}/log")]
    public async Task<IActionResult> Log(int id, LogHoursForm form, [FromServices] IValidator<LogHoursForm> validator, CancellationToken ct)
    {
        var shift = await OwnShiftAsync(id, ct);
        if (shift is null)
        {
            return NotFound();
        }
        var input = new LogInput(id, form.Minutes);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await PageAsync(input, StatusCodes.Status400BadRequest, ct);
        }
        // A form older than the shift (staff confirmed it, or another tab logged) is a clash before it is anything else.
        if (shift.Version != form.Version)
        {
            return await ClashAsync(input, ct);
        }
        db.ExpectVersion(shift, form.Version);
        var check = shift.Log(form.Minutes!.Value, shift.Session!.StartsAt, Now);
        if (!check.IsPassed)
        {
            foreach (var missing in check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return await PageAsync(input, StatusCodes.Status400BadRequest, ct);
        }
        if (!await db.TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            return await ClashAsync(input, ct);
        }
        TempData["Message"] = l["Your {0} minutes were logged. Staff will confirm them.", form.Minutes.Value].Value;
        return RedirectToAction(nameof(Index), null, null, $"shift-{id}");
    }

    [HttpGet("hours/print")]
    public async Task<IActionResult> Print(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!FilterDates.CheckPeriod(ModelState, l, from, to, "To (included)"))
        {
            return this.RefuseInvalid(Url.Action(nameof(Index)));
        }
        var me = User.UserId();
        var period = new HourPeriod(from, to);
        var who = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new
            {
                u.DisplayName,
                Community = u.Community == null ? null : u.Community.Name,
                // The volunteer's own street office; one of no community is the street office's as a whole.
                Office = (u.Community == null ? null : u.Community.StreetOffice!.Name)
                    ?? db.StreetOffices.OrderBy(o => o.Id).Select(o => o.Name).FirstOrDefault(),
            })
            .SingleAsync(ct);
        var rows = await db.Shifts.AsNoTracking().Where(s => s.UserId == me).Counted().In(period, time)
            .OrderBy(s => s.Session!.StartsAt).ThenBy(s => s.Id)
            .Select(s => new HoursRecordRow(s.Session!.StartsAt, s.Session.Project!.Name, s.Session.Title, s.ConfirmedMinutes ?? 0,
                db.Users.Where(u => u.Id == s.ConfirmedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return View("HoursPrint", new HoursRecord(who.DisplayName, who.Community, who.Office ?? "", period, Now, rows));
    }

    private Task<IActionResult> ClashAsync(LogInput input, CancellationToken ct)
    {
        ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
        return PageAsync(input, StatusCodes.Status409Conflict, ct);
    }

    private Task<Shift?> OwnShiftAsync(int id, CancellationToken ct)
    {
        var me = User.UserId();
        return db.Shifts.Include(s => s.Session).FirstOrDefaultAsync(s => s.Id == id && s.UserId == me && s.IsVolunteer, ct);
    }

    private async Task<IActionResult> PageAsync(LogInput? input, int status, CancellationToken ct)
    {
        var me = User.UserId();
        var now = Now;
        var profile = await db.VolunteerProfiles.AsNoTracking().Where(p => p.UserId == me)
            .Select(p => new ProfileFacts(p.Skills, p.Availability, p.UpdatedAt)).FirstOrDefaultAsync(ct);
        var minutes = await db.Shifts.Where(s => s.UserId == me).Counted().SumAsync(s => s.ConfirmedMinutes ?? 0, ct);
        var open = await db.Sessions.AsNoTracking()
            .Where(s => !s.IsCancelled && s.StartsAt > now && s.VolunteersNeeded > 0
                && (s.Project!.Stage == ProjectStage.Publicity || s.Project.Stage == ProjectStage.Execution)
                && !db.Shifts.Any(x => x.SessionId == s.Id && x.UserId == me && x.Status != ShiftStatus.Cancelled))
            .Select(s => new
            {
                s.Id, Project = s.Project!.Name, s.Title, s.StartsAt, s.EndsAt, s.Place, s.VolunteersNeeded,
                Taken = db.Shifts.Count(x => x.SessionId == s.Id && x.IsVolunteer && x.Status != ShiftStatus.Cancelled),
            })
            .Where(s => s.Taken < s.VolunteersNeeded)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Take(ListSize)
            .Select(s => new OpenShift(s.Id, s.Project, s.Title, s.StartsAt, s.EndsAt, s.Place, s.VolunteersNeeded, s.Taken))
            .ToListAsync(ct);
        var mine = await db.Shifts.AsNoTracking().Where(s => s.UserId == me && s.IsVolunteer)
            .OrderByDescending(s => s.Session!.StartsAt).ThenByDescending(s => s.Id)
            .Take(ListSize)
            .Select(s => new MyShift(s.Id, s.Session!.Project!.Name, s.Session.Title, s.Session.StartsAt, s.Session.EndsAt, s.Session.Place, s.Status,
                s.LoggedMinutes, s.ConfirmedMinutes, s.Note, s.Version,
                s.Status == ShiftStatus.Taken && s.Session.StartsAt > now,
                (s.Status == ShiftStatus.Taken || s.Status == ShiftStatus.Logged) && s.Session.StartsAt <= now))
            .ToListAsync(ct);
        var page = new MyVolunteering(profile, minutes, open, mine) { Input = input };
        return status == StatusCodes.Status200OK ? View("Mine", page) : this.InvalidForm(page, "Mine", status);
    }
}
