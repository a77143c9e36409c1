using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Volunteers;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Volunteers;

/// <summary>
/// Staff's view of volunteering: confirmed hours per volunteer and per project for a period, computed in the database
/// (GROUP BY), and one volunteer's profile and shifts. Staff of one community see the hours given in its projects.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
[Route("volunteers")]
public sealed class VolunteersController(
    CommunityServiceDbContext db, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] HoursFilter filter, int page = 1, CancellationToken ct = default)
    {
        if (!await ScopeAsync(filter, ct))
        {
            return Forbid();
        }
        if (!DatesUsable(filter))
        {
            var (choices, projectChoices) = await OptionsAsync(filter, ct);
            return this.InvalidForm(new HoursList(filter, new Page<VolunteerHoursRow>([], 1, PagingExtensions.DefaultSize, 0), [], [], choices, projectChoices), "List");
        }
        var shifts = Filtered(filter);
        var volunteers = await (
                from t in shifts.PerVolunteer()
                join u in db.Users on t.Key equals u.Id
                orderby t.Minutes descending, u.DisplayName, u.Id
                select new VolunteerHoursRow(u.Id, u.DisplayName, u.Community == null ? null : u.Community.Name, t.Minutes, t.Shifts))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        var projects = await ProjectTotalsAsync(shifts, ct);
        var waiting = await (
                from t in WaitingShifts(filter).GroupBy(s => s.Session!.ProjectId).Select(g => new { ProjectId = g.Key, Logged = g.Count() })
                join p in db.Projects on t.ProjectId equals p.Id
                orderby t.Logged descending, p.Name
                select new WaitingRow(p.Id, p.Name, t.Logged))
            .ToListAsync(ct);
        var (communities, projectOptions) = await OptionsAsync(filter, ct);
        return View("List", new HoursList(filter, volunteers, projects, waiting, communities, projectOptions));
    }

    private async Task<(List<Option> Communities, List<Option> Projects)> OptionsAsync(HoursFilter filter, CancellationToken ct)
    {
        var communities = await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id.ToString(), c.Name)).ToListAsync(ct);
        // Only projects that have had volunteer shifts: the choice stays short however many projects there are.
        var projectOptions = await db.Projects.AsNoTracking()
            .Where(p => db.Shifts.Any(s => s.IsVolunteer && s.Session!.ProjectId == p.Id))
            .Where(p => filter.Community == null || p.CommunityId == filter.Community)
            .OrderBy(p => p.Name).Select(p => new Option(p.Id.ToString(), p.Name)).ToListAsync(ct);
        return (communities, projectOptions);
    }

    private bool DatesUsable(HoursFilter filter) =>
        FilterDates.CheckPeriod(ModelState, l, filter.From, filter.To, "To (included)");

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Export([FromQuery] HoursFilter filter, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        if (!await ScopeAsync(filter, ct))
        {
            return Forbid();
        }
        if (!DatesUsable(filter))
        {
            return this.RefuseInvalid(Url.Action(nameof(Index)));
        }
        var shifts = Filtered(filter);
        var volunteers = await (
                from t in shifts.PerVolunteer()
                join u in db.Users on t.Key equals u.Id
                orderby t.Minutes descending, u.DisplayName, u.Id
                select new VolunteerHoursRow(u.Id, u.DisplayName, u.Community == null ? null : u.Community.Name, t.Minutes, t.Shifts))
            .ToListAsync(ct);
        var projects = await ProjectTotalsAsync(shifts, ct);
        var span = $"{filter.Period.From?.ToString("yyyyMMdd") ?? "start"}-{filter.Period.To?.ToString("yyyyMMdd") ?? "now"}";
        var file = await this.WorkbookAsync(VolunteerExport.Sheets(volunteers, projects, key => l[key].Value), $"volunteer-hours-{span}.xlsx", ct);
        // Names of volunteers leave the portal: personal data.
        await audit.WriteAsync(User, AuditAction.PersonalDataExported, AuditRecordType.Volunteers, filter.Community?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            AuditResult.Succeeded, $"{volunteers.Count}", ct);
        return file;
    }

    [HttpGet("{userId}")]
    public async Task<IActionResult> Details(string userId, CancellationToken ct)
    {
        var volunteerRole = db.Roles.Where(r => r.Name == Roles.Volunteer).Select(r => r.Id);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && db.UserRoles.Any(r => r.UserId == u.Id && volunteerRole.Contains(r.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.CommunityId, Community = u.Community == null ? null : u.Community.Name, u.PhoneNumber })
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return NotFound();
        }
        // A volunteer of no community belongs to the street office as a whole: its own staff and managers see them.
        var maySee = account.CommunityId is { } community
            ? await authorization.WorksInAsync(User, community)
            : User.IsInRole(Roles.Manager) || !User.HasClaim(c => c.Type == PortalClaimsFactory.CommunityId);
        if (!maySee)
        {
            return Forbid();
        }
        var profile = await db.VolunteerProfiles.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new ProfileFacts(p.Skills, p.Availability, p.UpdatedAt)).FirstOrDefaultAsync(ct);
        var shifts = await db.Shifts.AsNoTracking().Where(s => s.UserId == userId && s.IsVolunteer)
            .OrderByDescending(s => s.Session!.StartsAt).ThenByDescending(s => s.Id)
            .Take(VolunteerController.ListSize)
            .Select(s => new VolunteerShiftRow(s.Id, s.Session!.ProjectId, s.Session.Project!.Name, s.Session.Title, s.Session.StartsAt, s.Status,
                s.LoggedMinutes, s.ConfirmedMinutes, s.Note))
            .ToListAsync(ct);
        var projects = await ProjectTotalsAsync(db.Shifts.Where(s => s.UserId == userId), ct);
        return View("Volunteer", new VolunteerDetails(account.Id, account.DisplayName, account.UserName ?? "", account.Community, account.PhoneNumber,
            profile, shifts, projects));
    }

    /// <summary>
    /// Staff of one community work on its records: the list defaults to their community, and asking for another
    /// community, or a project of another community, is refused.
    /// </summary>
    private async Task<bool> ScopeAsync(HoursFilter filter, CancellationToken ct)
    {
        if (filter.Community is null && User.OwnCommunity() is { } own)
        {
            filter.Community = own;
        }
        if (filter.Community is { } community && !await authorization.WorksInAsync(User, community))
        {
            return false;
        }
        if (filter.Project is { } projectId)
        {
            var projectCommunity = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.CommunityId).FirstOrDefaultAsync(ct);
            if (projectCommunity is { } c && !await authorization.WorksInAsync(User, c))
            {
                return false;
            }
        }
        return true;
    }

    private IQueryable<Shift> Filtered(HoursFilter filter)
    {
        var shifts = db.Shifts.AsNoTracking().In(filter.Period, time);
        if (filter.Project is { } project)
        {
            shifts = shifts.Where(s => s.Session!.ProjectId == project);
        }
        if (filter.Community is { } community)
        {
            shifts = shifts.Where(s => s.Session!.Project!.CommunityId == community);
        }
        return shifts;
    }

    /// <summary>Logged minutes waiting for staff, whatever the period: waiting is waiting.</summary>
    private IQueryable<Shift> WaitingShifts(HoursFilter filter) =>
        Filtered(new HoursFilter { Project = filter.Project, Community = filter.Community })
            .Where(s => s.IsVolunteer && s.Status == ShiftStatus.Logged);

    private Task<List<ProjectHoursRow>> ProjectTotalsAsync(IQueryable<Shift> shifts, CancellationToken ct) => (
            from t in shifts.PerProject()
            join p in db.Projects on t.Key equals p.Id
            orderby t.Minutes descending, p.Name
            select new ProjectHoursRow(p.Id, p.Name, p.Community!.Name, t.Minutes, t.Shifts))
        .ToListAsync(ct);
}
