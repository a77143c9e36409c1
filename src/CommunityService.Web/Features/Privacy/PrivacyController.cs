using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Privacy;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Privacy;

/// <summary>
/// PIPL requests: a resident asks to correct or delete their personal data, and may withdraw the request while it is open;
/// staff of the resident's community (or of the whole street office) and managers answer them, oldest first.
/// </summary>
public sealed class PrivacyController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> l)
    : Controller
{
    public const string ChangedMeanwhile = "The request was changed by staff in the meantime. Please look at it again.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Authorize(Policy = Policies.Resident)]
    [HttpGet("/me/privacy")]
    public async Task<IActionResult> Mine(CancellationToken ct) =>
        View(new MyPrivacyPage(await MyRequests.LoadAsync(db, User.UserId(), ct), new AskForm()));

    [Authorize(Policy = Policies.Resident)]
    [HttpPost("/me/privacy")]
    public async Task<IActionResult> Ask(AskForm form, [FromServices] IValidator<AskForm> validator, CancellationToken ct)
    {
        var me = User.UserId();
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await MineWithErrorsAsync(form, ct);
        }
        var openKinds = await db.PrivacyRequests.Where(r => r.ResidentId == me && r.Status == PrivacyRequestStatus.Open).Select(r => r.Kind).ToListAsync(ct);
        var community = await db.Users.Where(u => u.Id == me)
            .Select(u => db.ResidentProfiles.Where(p => p.UserId == u.Id).Select(p => p.CommunityId).FirstOrDefault() ?? u.CommunityId)
            .FirstOrDefaultAsync(ct);
        var check = PrivacyRequest.Ask(me, community, form.Kind!.Value, form.Details, form.ShouldBe, openKinds, Now, out var request);
        if (!check.IsPassed)
        {
            AddErrors(check);
            return await MineWithErrorsAsync(form, ct);
        }
        db.PrivacyRequests.Add(request!);
        await db.SaveChangesAsync(ct);
        // The trail says who asked for what kind, never what they wrote.
        await audit.WriteAsync(User, AuditAction.PrivacyRequested, AuditRecordType.PrivacyRequest, request!.Id, AuditResult.Succeeded, request.Kind.ToString(), ct);
        TempData["Message"] = l["Your request was sent. Staff will answer it; you will see the answer here."].Value;
        return RedirectToAction(nameof(Mine));
    }

    [Authorize(Policy = Policies.Resident)]
    [HttpPost("/privacy-requests/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw([FromRoute] int id, CancellationToken ct)
    {
        var me = User.UserId();
        var request = await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id && r.ResidentId == me, ct);
        if (request is null)
        {
            return NotFound();
        }
        var check = request.Withdraw(Now);
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action(nameof(Mine)));
        }
        audit.Add(User, AuditAction.PrivacyRequestWithdrawn, AuditRecordType.PrivacyRequest, id, AuditResult.Succeeded, request.Kind.ToString());
        if (!await db.TrySaveAsync(ct))
        {
            return this.Refuse(l[ChangedMeanwhile], Url.Action(nameof(Mine)));
        }
        TempData["Message"] = l["Your request was withdrawn."].Value;
        return RedirectToAction(nameof(Mine));
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/privacy-requests")]
    public async Task<IActionResult> Index(PrivacyRequestStatus? status, int page = 1, CancellationToken ct = default)
    {
        var requests = db.PrivacyRequests.AsNoTracking();
        // Staff of one community see its residents' requests; street-office staff and managers see all.
        if (User.OwnCommunity() is { } own)
        {
            requests = requests.Where(r => r.CommunityId == own);
        }
        if (status is { } s)
        {
            requests = requests.Where(r => r.Status == s);
        }
        var rows = await requests
            .OrderBy(r => r.Status == PrivacyRequestStatus.Open ? 0 : 1).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new QueueRow(r.Id, r.Kind, r.Status, db.Users.Where(u => u.Id == r.ResidentId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).FirstOrDefault(), r.CreatedAt, r.ClosedAt))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new QueuePage(status, rows));
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/privacy-requests/{id:int}")]
    public async Task<IActionResult> Details([FromRoute] int id, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }
        return await MaySeeAsync(page.Request.CommunityId) ? View(page) : Forbid();
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/privacy-requests/{id:int}/complete")]
    public async Task<IActionResult> Complete(
        [FromRoute] int id, CompleteForm form, [FromServices] IValidator<CompleteForm> validator, [FromServices] ResidentAnonymizer anonymizer, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return NotFound();
        }
        if (!await MaySeeAsync(request.CommunityId))
        {
            return Forbid();
        }
        var input = new HandlingInput(form, null);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        if (request.Version != form.Version)
        {
            return await ClashAsync(id, input, ct);
        }
        if (request.IsOpen && request.Kind == PrivacyRequestKind.Deletion && !form.Confirm)
        {
            ModelState.AddModelError(nameof(CompleteForm.Confirm), l[CompleteForm.TickToAnonymize]);
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        var check = request.Complete(form.Answer, User.UserId(), Now);
        if (!check.IsPassed)
        {
            AddErrors(check);
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        db.ExpectVersion(request, form.Version);
        audit.Add(User, AuditAction.PrivacyRequestCompleted, AuditRecordType.PrivacyRequest, id, AuditResult.Succeeded, request.Kind.ToString());
        if (request.Kind == PrivacyRequestKind.Deletion)
        {
            var rows = await anonymizer.AnonymizeAsync(request.ResidentId, ct);
            audit.Add(User, AuditAction.DataAnonymized, AuditRecordType.Resident, request.ResidentId, AuditResult.Succeeded, rows?.Summary ?? "");
        }
        if (!await db.TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            return await ClashAsync(id, input, ct);
        }
        TempData["Message"] = (request.Kind == PrivacyRequestKind.Deletion
            ? l["The resident's data was anonymized and the account closed."]
            : l["The request was completed. The resident sees your answer."]).Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/privacy-requests/{id:int}/reject")]
    public async Task<IActionResult> Reject([FromRoute] int id, RejectForm form, [FromServices] IValidator<RejectForm> validator, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return NotFound();
        }
        if (!await MaySeeAsync(request.CommunityId))
        {
            return Forbid();
        }
        var input = new HandlingInput(null, form);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        if (request.Version != form.Version)
        {
            return await ClashAsync(id, input, ct);
        }
        var check = request.Reject(form.Reason, User.UserId(), Now);
        if (!check.IsPassed)
        {
            AddErrors(check);
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        db.ExpectVersion(request, form.Version);
        audit.Add(User, AuditAction.PrivacyRequestRejected, AuditRecordType.PrivacyRequest, id, AuditResult.Succeeded, request.Kind.ToString());
        if (!await db.TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            return await ClashAsync(id, input, ct);
        }
        TempData["Message"] = l["The request was rejected. The resident sees your reason."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A resident of no community belongs to the street office as a whole: its own staff and managers handle them.</summary>
    private async Task<bool> MaySeeAsync(int? communityId) => communityId is { } id
        ? await authorization.WorksInAsync(User, id)
        : User.IsInRole(Roles.Manager) || !User.HasClaim(c => c.Type == PortalClaimsFactory.CommunityId);

    private void AddErrors(GateCheck check)
    {
        foreach (var missing in check.Missing)
        {
            ModelState.AddModelError("", l[missing]);
        }
    }

    private async Task<IActionResult> MineWithErrorsAsync(AskForm form, CancellationToken ct) =>
        this.InvalidForm(new MyPrivacyPage(await MyRequests.LoadAsync(db, User.UserId(), ct), form), "Mine");

    private Task<IActionResult> ClashAsync(int id, HandlingInput input, CancellationToken ct)
    {
        ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
        return DetailsWithErrorsAsync(id, input, StatusCodes.Status409Conflict, ct);
    }

    private async Task<IActionResult> DetailsWithErrorsAsync(int id, HandlingInput input, int status, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : this.InvalidForm(page with { Complete = input.Complete, Reject = input.Reject }, "Details", status);
    }

    private async Task<RequestPage?> PageAsync(int id, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RequestDetail(r.Id, r.ResidentId, r.CommunityId, db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).FirstOrDefault(),
                r.Kind, r.Status, r.Details, r.ShouldBe, r.Answer, r.CreatedAt, r.ClosedAt,
                db.Users.Where(u => u.Id == r.HandledById).Select(u => u.DisplayName).FirstOrDefault(), r.Version))
            .FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }
        var resident = await db.Users.AsNoTracking().Where(u => u.Id == request.ResidentId)
            .Select(u => new RequestResident(u.DisplayName, u.UserName ?? "", u.PhoneNumber,
                db.ResidentProfiles.Where(p => p.UserId == u.Id).Select(p => p.FullName).FirstOrDefault(),
                db.ResidentProfiles.Where(p => p.UserId == u.Id).Select(p => p.Phone).FirstOrDefault(), u.IsDisabled))
            .FirstAsync(ct);
        return new RequestPage(request, resident);
    }

    private sealed record HandlingInput(CompleteForm? Complete, RejectForm? Reject);
}
