using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Publicity;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.SignUps;

/// <summary>A resident signs up for a session from its notice, and cancels; a freed place goes to the waiting list.</summary>
public sealed class SignUpsController(
    CommunityServiceDbContext db, SessionLists lists, TimeProvider clock, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
{
    [Authorize(Policy = Policies.Resident)]
    [HttpGet("/notices/{id:int}/signup")]
    public async Task<IActionResult> Create(int id, int session, CancellationToken ct)
    {
        var offer = await OfferAsync(id, session, ct);
        if (offer is null)
        {
            return NotFound();
        }
        var me = User.UserId();
        var person = await db.Users.Where(u => u.Id == me)
            .Select(u => new
            {
                u.DisplayName, u.PhoneNumber,
                Profile = db.ResidentProfiles.Where(p => p.UserId == u.Id).Select(p => new { p.FullName, p.Phone }).FirstOrDefault(),
            })
            .FirstAsync(ct);
        var form = new SignUpForm
        {
            NoticeId = id, SessionId = session,
            Name = person.Profile?.FullName is { Length: > 0 } name ? name : person.DisplayName,
            Phone = person.Profile?.Phone is { Length: > 0 } phone ? phone : person.PhoneNumber ?? "",
        };
        return View(new SignUpPage(offer, form));
    }

    [Authorize(Policy = Policies.Resident)]
    [HttpPost("/notices/{id:int}/signup")]
    public async Task<IActionResult> Create(int id, int session, SignUpForm form, [FromServices] IValidator<SignUpForm> validator, CancellationToken ct)
    {
        (form.NoticeId, form.SessionId, form.Channel) = (id, session, SignUpChannel.Online);
        var offer = await OfferAsync(id, session, ct);
        if (offer is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(new SignUpPage(offer, form));
        }
        var me = User.UserId();
        var change = await lists.EnrolAsync(session, () => new SignUp
        {
            ResidentId = me, Name = form.Name.Trim(), Phone = form.Phone.Trim(), Note = form.Note.Trim(), Channel = SignUpChannel.Online,
        }, ct);
        if (!change.Found)
        {
            return NotFound();
        }
        if (!change.Check.IsPassed)
        {
            foreach (var missing in change.Check.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return this.InvalidForm(new SignUpPage(offer, form), null, StatusCodes.Status409Conflict);
        }
        TempData["Message"] = change.SignUp!.Status == SignUpStatus.Registered
            ? l["You have a place: {0}, {1}.", offer.Title, offer.SessionTitle].Value
            : l["The session is full: you are number {0} on the waiting list. You get a place automatically if someone cancels.", change.WaitingPosition].Value;
        return RedirectToAction("Index", "Me");
    }

    /// <summary>The resident cancels their own sign-up; staff of the community may cancel for someone who called.</summary>
    [Authorize]
    [HttpPost("/signups/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, string? returnUrl, CancellationToken ct)
    {
        var owner = await db.SignUps.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.ResidentId, s.SessionId, s.Session!.Project!.CommunityId }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return NotFound();
        }
        var isOwner = owner.ResidentId == User.UserId();
        var isStaff = (User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Manager)) && await authorization.WorksInAsync(User, owner.CommunityId);
        if (!isOwner && !isStaff)
        {
            return NotFound();
        }
        var back = isOwner ? Url.Action("Index", "Me") : Url.Action("Details", "Sessions", new { id = owner.SessionId });
        var change = await lists.CancelAsync(id, ct);
        if (!change.Check.IsPassed)
        {
            return this.Refuse(l[change.Check.Missing[0]], back);
        }
        TempData["Message"] = change.Promoted is { } promoted
            ? l["The sign-up is cancelled. The place went to {0}, first on the waiting list.", isOwner ? l["the next person"].Value : promoted.Name].Value
            : l["The sign-up is cancelled."].Value;
        return isOwner ? RedirectToAction("Index", "Me") : RedirectToAction("Details", "Sessions", new { id = owner.SessionId });
    }

    /// <summary>A session open to sign-up through a notice the public sees now, of a service held at a facility.</summary>
    private async Task<SessionOfferPage?> OfferAsync(int noticeId, int sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = await NoticeQueries.Visible(db, now).Where(n => n.Id == noticeId)
            .SelectMany(n => db.Sessions.Where(s => s.Id == sessionId && s.ProjectId == n.ProjectId && !s.IsCancelled),
                (n, s) => new SessionOfferPage(n.Id, n.Title, n.Fee, s.Id, s.Title, s.StartsAt, s.EndsAt, s.Place, s.Capacity, s.PlacesTaken,
                    n.Project!.Plans.Where(p => p.Status == PlanStatus.Approved).OrderByDescending(p => p.VersionNumber)
                        .Select(p => (Data.Catalog.DeliveryMode?)p.DeliveryMode).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        return offer is not null && NoticeQueries.OffersSignUp(offer.Mode) ? offer : null;
    }
}
