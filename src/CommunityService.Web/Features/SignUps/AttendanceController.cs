using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.SignUps;

/// <summary>
/// On the day (签到): staff check people in from the list on a phone or tablet, one tap a person, add walk-ins,
/// and afterwards record the service for everyone who came in one step.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class AttendanceController(
    CommunityServiceDbContext db, SessionLists lists, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    public const string TappedTwice = "Someone else changed the check-in of {0} at the same moment. Go back to see who is checked in now.";

    /// <param name="reason">After the session's day: why the check-in comes late (the page carries it into every tap).</param>
    [HttpGet("/sessions/{id:int}/check-in")]
    public async Task<IActionResult> CheckIn(int id, string? reason, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await PageAsync(id, new WalkInForm(), reason, ct), p => p.CommunityId);
        return access.Granted ? View(access.Record) : access.Refusal;
    }

    [HttpPost("/signups/{id:int}/check-in")]
    public async Task<IActionResult> Toggle(int id, bool? here, string? reason, CancellationToken ct)
    {
        var signUpAccess = await this.OpenInCommunityAsync(authorization, await db.SignUps.Include(s => s.Session).ThenInclude(s => s!.Project).FirstOrDefaultAsync(s => s.Id == id, ct), x => x.Session!.Project!.CommunityId);
        if (!signUpAccess.Granted)
        {
            return signUpAccess.Refusal;
        }
        var signUp = signUpAccess.Record;
        if (here is { } wanted && wanted == signUp.CheckedInAt is not null)
        {
            // Two people at the door tapped the same name: the second tap would undo the first.
            var refusal = this.Refuse(l[TappedTwice, signUp.Name], Url.Action(nameof(CheckIn), null, new { id = signUp.SessionId }, null, null, $"signup-{id}"));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return refusal;
        }
        if (Day(signUp.Session!.StartsAt, reason) is { IsPassed: false } day)
        {
            return this.Refuse(l[day.Missing[0]], Url.Action(nameof(CheckIn), new { id = signUp.SessionId }));
        }
        var check = signUp.ToggleCheckIn(User.UserId(), clock.GetUtcNow().UtcDateTime, LateNote(signUp.Session.StartsAt, reason));
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action(nameof(CheckIn), new { id = signUp.SessionId }));
        }
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(CheckIn), null, new { id = signUp.SessionId }, $"signup-{id}");
    }

    [HttpPost("/sessions/{id:int}/walk-ins")]
    public async Task<IActionResult> WalkIn(int id, WalkInForm form, string? reason, [FromServices] IValidator<WalkInForm> validator, CancellationToken ct)
    {
        var pageAccess = await this.OpenInCommunityAsync(authorization, await PageAsync(id, form, reason, ct), x => x.CommunityId);
        if (!pageAccess.Granted)
        {
            return pageAccess.Refusal;
        }
        var page = pageAccess.Record;
        if (page.Open is { IsPassed: false } day)
        {
            return this.Refuse(l[day.Missing[0]], Url.Action(nameof(CheckIn), new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(page, "CheckIn");
        }
        var note = LateNote(page.StartsAt, reason);
        var change = await lists.AddWalkInAsync(id, () => new SignUp { Name = form.Name.Trim(), Phone = form.Phone.Trim(), CheckInNote = note }, User.UserId(), ct);
        if (!change.Check.IsPassed)
        {
            return this.Refuse(l[change.Check.Missing[0]], Url.Action(nameof(CheckIn), new { id }));
        }
        TempData["Message"] = l["{0} is checked in.", change.SignUp!.Name].Value;
        return RedirectToAction(nameof(CheckIn), new { id });
    }

    /// <summary>One service record for everyone checked in who has none yet for this session; running it again adds only newcomers.</summary>
    [HttpPost("/sessions/{id:int}/records")]
    public async Task<IActionResult> Record(int id, CancellationToken ct)
    {
        var sessionAccess = await this.OpenInCommunityAsync(authorization, await db.Sessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.ProjectId, s.Title, s.StartsAt, s.EndsAt, s.Place, s.Project!.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!sessionAccess.Granted)
        {
            return sessionAccess.Refusal;
        }
        var session = sessionAccess.Record;
        var now = clock.GetUtcNow().UtcDateTime;
        if (session.StartsAt > now)
        {
            return this.Refuse(l["The session has not started yet: record it once people have come."], Url.Action(nameof(CheckIn), new { id }));
        }
        var attended = await db.SignUps.AsNoTracking()
            .Where(s => s.SessionId == id && s.Status == SignUpStatus.Registered && s.CheckedInAt != null
                && !db.ServiceRecords.Any(r => r.SessionId == id && (r.ResidentId != null ? r.ResidentId == s.ResidentId : r.RecipientName == s.Name)))
            .Select(s => new { s.Name, s.ResidentId })
            .ToListAsync(ct);
        var me = User.UserId();
        var minutes = (int)Math.Clamp((session.EndsAt - session.StartsAt).TotalMinutes, 1, 24 * 60);
        db.ServiceRecords.AddRange(attended.Select(a => new ServiceRecord
        {
            ProjectId = session.ProjectId, SessionId = id, RecipientName = a.Name, ResidentId = a.ResidentId, DeliveredAt = session.StartsAt,
            DeliveryMode = DeliveryMode.AtFacility, DurationMinutes = minutes, Description = session.Title, Place = session.Place,
            DeliveredById = me, RecordedById = me, CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["{0} service records were added for this session.", attended.Count].Value;
        return RedirectToAction(nameof(CheckIn), new { id });
    }

    /// <summary>Whether check-in is open today for a session that starts at <paramref name="startsAt"/> (UTC): see <see cref="ServiceSession.CheckInOn"/>.</summary>
    private GateCheck Day(DateTime startsAt, string? reason) => ServiceSession.CheckInOn(SessionDay(startsAt), Today, reason);

    /// <summary>The reason kept with a check-in after the session's day (cut to its column); empty on the day.</summary>
    private string LateNote(DateTime startsAt, string? reason) =>
        Today > SessionDay(startsAt) && reason?.Trim() is { Length: > 0 } why ? why[..Math.Min(why.Length, SignUp.CheckInNoteMaxLength)] : "";

    private DateOnly Today => DateOnly.FromDateTime(time.Now);

    private DateOnly SessionDay(DateTime startsAt) => DateOnly.FromDateTime(time.Local(startsAt));

    private async Task<CheckInPage?> PageAsync(int id, WalkInForm form, string? reason, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new CheckInPage(s.Id, s.ProjectId, s.Project!.Name, s.Project.CommunityId, s.Title, s.StartsAt, s.EndsAt, s.Place,
                s.Capacity, db.ServiceRecords.Count(r => r.SessionId == s.Id)))
            .FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }
        var people = await db.SignUps.AsNoTracking().Where(s => s.SessionId == id && s.Status == SignUpStatus.Registered)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new Attendee(s.Id, s.Name, s.Phone, s.Channel, s.CheckedInAt, s.CheckInNote))
            .ToListAsync(ct);
        var day = SessionDay(session.StartsAt);
        return session with
        {
            People = people, Form = form, Reason = reason?.Trim() ?? "", Open = Day(session.StartsAt, reason),
            Day = Today < day ? CheckInDay.Before : Today == day ? CheckInDay.OnTheDay : CheckInDay.After,
        };
    }
}
