using CommunityService.Data;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.HomeVisits;

/// <summary>
/// Home visits (上门服务): a resident asks for one from a service notice and may withdraw it; staff take requests
/// for people who phone or come in, and triage them: accept, decline with a reason, schedule with a worker.
/// </summary>
public sealed class HomeVisitsController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l,
    HomeVisitNeedProtector needs)
    : Controller
{
    public const string NoHomeVisits = "This service does not offer home visits.";
    public const string ServiceEnded = "This service has ended and takes no new home-visit requests.";
    public const string EndedOnlyDecline = "This service has ended: its open requests can only be declined.";
    public const string ChangedMeanwhile = "The request was changed by staff in the meantime. Please look at it again.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Authorize(Policy = Policies.Resident)]
    [HttpGet("/notices/{id:int}/home-visit")]
    public async Task<IActionResult> Ask([FromRoute] int id, CancellationToken ct)
    {
        var target = await HomeVisitQueries.VisibleNoticeAsync(db, id, Now, ct);
        if (target is null || !target.Service.OffersHomeVisits)
        {
            return NotFound();
        }
        if (target.Service.Stage.IsFinished())
        {
            return this.Refuse(l[ServiceEnded], Url.Action("Details", "Notices", new { id }));
        }
        var userId = User.UserId();
        var known = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.DisplayName, u.PhoneNumber,
                Profile = db.ResidentProfiles.Where(p => p.UserId == u.Id).Select(p => new { p.FullName, p.Phone, p.Address }).FirstOrDefault(),
            })
            .FirstAsync(ct);
        var today = DateOnly.FromDateTime(time.Now);
        ViewData["Target"] = target;
        return View(new HomeVisitForm
        {
            Name = string.IsNullOrWhiteSpace(known.Profile?.FullName) ? known.DisplayName : known.Profile.FullName,
            Phone = string.IsNullOrWhiteSpace(known.Profile?.Phone) ? known.PhoneNumber ?? "" : known.Profile.Phone,
            Address = known.Profile?.Address ?? "",
            PreferredFrom = today, PreferredTo = today.AddDays(7),
        });
    }

    [Authorize(Policy = Policies.Resident)]
    [HttpPost("/notices/{id:int}/home-visit")]
    public async Task<IActionResult> Ask([FromRoute] int id, HomeVisitForm form, [FromServices] IValidator<HomeVisitForm> validator, CancellationToken ct)
    {
        var target = await HomeVisitQueries.VisibleNoticeAsync(db, id, Now, ct);
        if (target is null || !target.Service.OffersHomeVisits)
        {
            return NotFound();
        }
        if (target.Service.Stage.IsFinished())
        {
            return this.Refuse(l[ServiceEnded], Url.Action("Details", "Notices", new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            ViewData["Target"] = target;
            return this.InvalidForm(form);
        }
        var userId = User.UserId();
        var need = form.Need.Trim();
        // A form sent twice (a double tap on a slow phone) asks once. The need is ciphertext (randomized), so the resident's open
        // requests for this service (usually none or one) are decrypted and compared here, not in SQL.
        var open = await db.HomeVisitRequests.AsNoTracking().Where(HomeVisitRequest.Open)
            .Where(r => r.ProjectId == target.Service.ProjectId && r.ResidentId == userId)
            .OrderByDescending(r => r.Id).Take(HomeVisitQueries.DuplicateCheckLimit)
            .Select(r => new { r.Id, r.ProtectedNeed })
            .ToListAsync(ct);
        var asked = open.Any(r => needs.Read(r.ProtectedNeed, r.Id) == need);
        if (!asked)
        {
            db.HomeVisitRequests.Add(NewRequest(form, target.Service.ProjectId, userId));
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = l["Your home-visit request was sent. Staff will call you to arrange the visit."].Value;
        return RedirectToAction("Index", "Me");
    }

    [Authorize(Policy = Policies.Resident)]
    [HttpPost("/home-visits/{id:int}/cancel")]
    public async Task<IActionResult> Cancel([FromRoute] int id, CancellationToken ct)
    {
        var userId = User.UserId();
        var request = await db.HomeVisitRequests.FirstOrDefaultAsync(r => r.Id == id && r.ResidentId == userId, ct);
        if (request is null)
        {
            return NotFound();
        }
        var check = request.Cancel(Now);
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action("Index", "Me"));
        }
        if (!await db.TrySaveAsync(ct))
        {
            return this.Refuse(l[ChangedMeanwhile], Url.Action("Index", "Me"));
        }
        TempData["Message"] = l["Your home-visit request was withdrawn."].Value;
        return RedirectToAction("Index", "Me");
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/projects/{projectId:int}/home-visits")]
    public async Task<IActionResult> Index([FromRoute] int projectId, HomeVisitStatus? status, int page = 1, CancellationToken ct = default)
    {
        var serviceAccess = await this.OpenInCommunityAsync(authorization, await HomeVisitQueries.ServiceAsync(db, projectId, ct), x => x.CommunityId);
        if (!serviceAccess.Granted)
        {
            return serviceAccess.Refusal;
        }
        var service = serviceAccess.Record;
        var query = db.HomeVisitRequests.AsNoTracking().Where(r => r.ProjectId == projectId);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        var rows = await query.OrderBy(HomeVisitQueries.TriageOrder).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new HomeVisitRow(r.Id, r.Name, r.Phone, r.Address, r.ProtectedNeed, r.PreferredFrom, r.PreferredTo, r.PreferredTime, r.Status,
                r.ScheduledAt, r.AssignedWorker!.DisplayName, r.ResidentId != null, r.CreatedAt))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        // Only the rows of this page are decrypted (the access check is above).
        rows = rows with { Items = rows.Items.Select(r => r with { Need = needs.Read(r.Need ?? "", r.Id) }).ToList() };
        return View(new HomeVisitList(service, status, rows));
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/projects/{projectId:int}/home-visits/create")]
    public async Task<IActionResult> Create([FromRoute] int projectId, CancellationToken ct)
    {
        var serviceAccess = await this.OpenInCommunityAsync(authorization, await HomeVisitQueries.ServiceAsync(db, projectId, ct), x => x.CommunityId);
        if (!serviceAccess.Granted)
        {
            return serviceAccess.Refusal;
        }
        var service = serviceAccess.Record;
        if (RefusalFor(service) is { } refused)
        {
            return refused;
        }
        var today = DateOnly.FromDateTime(time.Now);
        ViewData["Service"] = service;
        return View(new HomeVisitForm { PreferredFrom = today, PreferredTo = today.AddDays(7) });
    }

    /// <summary>Staff take a request for someone who phoned or came in: it belongs to no resident account.</summary>
    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/projects/{projectId:int}/home-visits/create")]
    public async Task<IActionResult> Create([FromRoute] int projectId, HomeVisitForm form, [FromServices] IValidator<HomeVisitForm> validator, CancellationToken ct)
    {
        var serviceAccess = await this.OpenInCommunityAsync(authorization, await HomeVisitQueries.ServiceAsync(db, projectId, ct), x => x.CommunityId);
        if (!serviceAccess.Granted)
        {
            return serviceAccess.Refusal;
        }
        var service = serviceAccess.Record;
        if (RefusalFor(service) is { } refused)
        {
            return refused;
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            ViewData["Service"] = service;
            return this.InvalidForm(form);
        }
        var request = NewRequest(form, projectId, residentId: null);
        db.HomeVisitRequests.Add(request);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The home-visit request was recorded."].Value;
        return RedirectToAction(nameof(Details), new { id = request.Id });
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/home-visits/{id:int}")]
    public async Task<IActionResult> Details([FromRoute] int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await PageAsync(id, ct), p => p.Request.CommunityId);
        return access.Granted ? View(access.Record) : access.Refusal;
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/home-visits/{id:int}/accept")]
    public async Task<IActionResult> Accept([FromRoute] int id, AcceptForm form, CancellationToken ct)
    {
        var requestAccess = await this.OpenInCommunityAsync(authorization, await db.HomeVisitRequests.Include(r => r.Project).FirstOrDefaultAsync(r => r.Id == id, ct), x => x.Project!.CommunityId);
        if (!requestAccess.Granted)
        {
            return requestAccess.Refusal;
        }
        var request = requestAccess.Record;
        if (request.Project!.Stage.IsFinished())
        {
            return this.Refuse(l[EndedOnlyDecline], Url.Action(nameof(Details), new { id }));
        }
        return await ChangeAsync(request, form.Version, r => r.Accept(Now), new TriageInput(null, null), l["The request was accepted."], ct);
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/home-visits/{id:int}/decline")]
    public async Task<IActionResult> Decline([FromRoute] int id, DeclineForm form, [FromServices] IValidator<DeclineForm> validator, CancellationToken ct)
    {
        var requestAccess = await this.OpenInCommunityAsync(authorization, await db.HomeVisitRequests.Include(r => r.Project).FirstOrDefaultAsync(r => r.Id == id, ct), x => x.Project!.CommunityId);
        if (!requestAccess.Granted)
        {
            return requestAccess.Refusal;
        }
        var request = requestAccess.Record;
        var input = new TriageInput(form, null);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        return await ChangeAsync(request, form.Version, r => r.Decline(form.Reason, Now), input, l["The request was declined."], ct);
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/home-visits/{id:int}/schedule")]
    public async Task<IActionResult> Schedule([FromRoute] int id, ScheduleForm form, [FromServices] IValidator<ScheduleForm> validator, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization,
            await db.HomeVisitRequests.Include(r => r.Project).FirstOrDefaultAsync(r => r.Id == id, ct), r => r.Project!.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var request = access.Record;
        var communityId = request.Project!.CommunityId;
        if (request.Project.Stage.IsFinished())
        {
            return this.Refuse(l[EndedOnlyDecline], Url.Action(nameof(Details), new { id }));
        }
        var input = new TriageInput(null, form);
        // The worker id comes from the form: it must be one of the people the list offered.
        if (await this.ValidateFormAsync(form, validator, ct) && !await StaffDirectory.Workers(db, communityId).AnyAsync(u => u.Id == form.WorkerId, ct))
        {
            ModelState.AddModelError(nameof(form.WorkerId), l[ScheduleForm.WorkerNotOffered]);
        }
        if (!ModelState.IsValid)
        {
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        var at = time.ToUtc(form.At!.Value);
        return await ChangeAsync(request, form.Version, r => r.Schedule(at, form.WorkerId, Now), input, l["The visit was scheduled."], ct);
    }

    /// <summary>Applies a triage step to the request as the person saw it; a request changed since is a clash, not a refusal.</summary>
    private async Task<IActionResult> ChangeAsync(
        HomeVisitRequest request, int version, Func<HomeVisitRequest, GateCheck> change, TriageInput input, LocalizedString done, CancellationToken ct)
    {
        if (request.Version != version)
        {
            return await ClashAsync(request.Id, input, ct);
        }
        var check = change(request);
        if (!check.IsPassed)
        {
            foreach (var missing in check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return await DetailsWithErrorsAsync(request.Id, input, StatusCodes.Status400BadRequest, ct);
        }
        db.ExpectVersion(request, version);
        if (!await db.TrySaveAsync(ct))
        {
            return await ClashAsync(request.Id, input, ct);
        }
        TempData["Message"] = done.Value;
        return RedirectToAction(nameof(Details), new { id = request.Id });
    }

    private Task<IActionResult> ClashAsync(int id, TriageInput input, CancellationToken ct)
    {
        ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
        return DetailsWithErrorsAsync(id, input, StatusCodes.Status409Conflict, ct);
    }

    private async Task<IActionResult> DetailsWithErrorsAsync(int id, TriageInput input, int status, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : this.InvalidForm(page with { Decline = input.Decline, Schedule = input.Schedule }, "Details", status);
    }

    private async Task<HomeVisitPage?> PageAsync(int id, CancellationToken ct)
    {
        var request = await db.HomeVisitRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new HomeVisitDetail(r.Id, r.ProjectId, r.Project!.Name, r.Project.CommunityId, r.Project.Stage, r.ResidentId != null,
                r.Name, r.Phone, r.Address, r.ProtectedNeed, r.PreferredFrom, r.PreferredTo, r.PreferredTime, r.Status, r.DeclineReason, r.ScheduledAt,
                r.AssignedWorkerId, r.AssignedWorker!.DisplayName, db.Users.Where(u => u.Id == r.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                r.CreatedAt, r.UpdatedAt, r.Version))
            .FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }
        request = request with { Need = needs.Read(request.Need ?? "", request.Id) };
        var workers = request.IsOpen ? await StaffDirectory.WorkerChoicesAsync(db, request.CommunityId, ct) : [];
        return new HomeVisitPage(request, workers);
    }

    private ViewResult? RefusalFor(HomeVisitService service) =>
        !service.OffersHomeVisits ? this.Refuse(l[NoHomeVisits], Url.Action(nameof(Index), new { projectId = service.ProjectId }))
        : service.Stage.IsFinished() ? this.Refuse(l[ServiceEnded], Url.Action(nameof(Index), new { projectId = service.ProjectId }))
        : null;

    private HomeVisitRequest NewRequest(HomeVisitForm form, int projectId, string? residentId)
    {
        var now = Now;
        return new HomeVisitRequest
        {
            ProjectId = projectId, ResidentId = residentId, Name = form.Name.Trim(), Phone = form.Phone.Trim(), Address = form.Address.Trim(),
            ProtectedNeed = needs.Protect(form.Need.Trim()), PreferredFrom = form.PreferredFrom!.Value, PreferredTo = form.PreferredTo!.Value, PreferredTime = form.PreferredTime,
            CreatedById = User.UserId(), CreatedAt = now, UpdatedAt = now,
        };
    }

    private sealed record TriageInput(DeclineForm? Decline, ScheduleForm? Schedule);
}
