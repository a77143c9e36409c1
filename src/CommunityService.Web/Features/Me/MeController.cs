using System.Text.Json;
using CommunityService.Data;
using CommunityService.Data.Participation;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Me;

/// <summary>The resident's own page: what they signed up for and asked for, their profile and consents, and their data to take away.</summary>
[Authorize(Policy = Policies.Resident)]
[Route("me")]
public sealed class MeController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IStringLocalizer<SharedResource> l, ResidentFactsProtector facts,
    HomeVisitNeedProtector needs) : Controller
{
    public const string NoProfileYet = "Save your details first; then you can decide about the separate consent.";
    public const string TickToConsent = "Tick the box if you agree; without it nothing is kept.";
    public const string WordingChanged = "The wording has changed since the page was opened. Please read it again.";
    public const string TickToWithdraw = "Tick the box to confirm that you withdraw your consent.";
    public const string NoConsentToWithdraw = "There is no consent to withdraw.";
    public const string TryAgain = "Your details were changed at the same time elsewhere. Please try again.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var signUps = await db.SignUps.AsNoTracking().Where(s => s.ResidentId == me)
            .OrderByDescending(s => s.Session!.StartsAt).ThenByDescending(s => s.Id)
            .Select(s => new MySignUp(s.Id, s.Session!.Title, s.Session.StartsAt, s.Session.EndsAt, s.Session.Place, s.Session.Project!.Name, s.Status,
                s.Status != SignUpStatus.Cancelled && s.Session.StartsAt > now))
            .ToListAsync(ct);
        var visits = await db.HomeVisitRequests.AsNoTracking().Where(r => r.ResidentId == me)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new MyHomeVisit(r.Id, r.Project!.Name, r.ProtectedNeed, r.PreferredFrom, r.PreferredTo, r.PreferredTime, r.Status, r.ScheduledAt, r.DeclineReason))
            .ToListAsync(ct);
        // The needs are ciphertext: the resident's own requests are decrypted here (null when one cannot be read).
        visits = visits.Select(v => v with { Need = needs.Read(v.Need ?? "", v.Id) }).ToList();
        // In one command: the surveys answered, and the open satisfaction questionnaires of the projects the resident took part in.
        var tookPart = db.ProjectsTakenPartIn(me);
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.RespondentId == me)
                || (s.Kind == SurveyKind.Satisfaction && s.Status == SurveyStatus.Open && tookPart.Contains(s.ProjectId!.Value)))
            .Select(s => new MySurvey(s.Id, s.Title,
                db.SurveyResponses.Where(r => r.SurveyId == s.Id && r.RespondentId == me).Select(r => (DateTime?)r.SubmittedAt).FirstOrDefault(),
                s.Status == SurveyStatus.Open, s.Kind == SurveyKind.Satisfaction ? s.Project!.Name : null))
            .ToListAsync(ct);
        var services = await (
                from s in db.ServiceRecords
                join p in db.Projects on s.ProjectId equals p.Id
                where s.ResidentId == me
                orderby s.DeliveredAt descending, s.Id descending
                select new MyService(s.Id, p.Name, s.DeliveredAt, s.Description, s.DeliveryMode, s.DurationMinutes,
                    db.Feedback.Where(f => f.ServiceRecordId == s.Id && f.ResidentId == me).Select(f => (int?)f.Rating).FirstOrDefault()))
            .AsNoTracking().ToListAsync(ct);
        var hasProfile = await db.ResidentProfiles.AnyAsync(p => p.UserId == me, ct);
        return View(new MyPage(hasProfile, signUps, visits, surveys, services));
    }

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(CancellationToken ct)
    {
        var me = User.UserId();
        return await ProfilePageAsync(await CurrentFormAsync(me, ct), StatusCodes.Status200OK, ct);
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(ProfileForm form, [FromServices] IValidator<ProfileForm> validator, CancellationToken ct)
    {
        var me = User.UserId();
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await ProfilePageAsync(form, StatusCodes.Status400BadRequest, ct);
        }
        var profile = await db.ResidentProfiles.FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (profile is null)
        {
            profile = new ResidentProfile { UserId = me };
            db.ResidentProfiles.Add(profile);
        }
        else
        {
            db.ExpectVersion(profile, form.Version);
        }
        // The facts go only where the consent stands; the entity refuses them otherwise, and nothing is saved.
        var kept = profile.SetSensitiveFacts(new SensitiveFacts(form.AgeBand, form.HasDisability, form.IsLowIncome), facts.Protect);
        if (!kept.IsPassed)
        {
            foreach (var missing in kept.Missing)
            {
                ModelState.AddModelError("", l[missing]);
            }
            return await ProfilePageAsync(form, StatusCodes.Status400BadRequest, ct);
        }
        profile.FullName = form.FullName.Trim();
        profile.Phone = form.Phone.Trim();
        profile.CommunityId = form.CommunityId;
        profile.Address = form.Address.Trim();
        profile.Household = form.Household.Trim();
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab saved first (a changed version, or a first profile created twice): keep this input for review.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
            return await ProfilePageAsync(form, StatusCodes.Status409Conflict, ct);
        }
        TempData["Message"] = l["Your details were saved."].Value;
        return RedirectToAction(nameof(Profile));
    }

    [HttpPost("consent")]
    public async Task<IActionResult> Consent(ConsentForm form, CancellationToken ct)
    {
        var me = User.UserId();
        var profile = await db.ResidentProfiles.FirstOrDefaultAsync(p => p.UserId == me, ct);
        var problem = profile is null ? NoProfileYet
            : !form.Agree ? TickToConsent
            : form.WordingVersion != SensitiveConsent.WordingVersion ? WordingChanged
            : null;
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(ConsentForm.Agree), l[problem]);
            return await ProfilePageAsync(await CurrentFormAsync(me, ct), StatusCodes.Status400BadRequest, ct);
        }
        if (profile!.HasSensitiveConsent && profile.SensitiveConsentWording == SensitiveConsent.WordingVersion)
        {
            return RedirectToAction(nameof(Profile), null, null, "sensitive");
        }
        // The record keeps the wording as the resident read it, in the language of the page.
        db.ConsentRecords.Add(profile.GiveSensitiveConsent(SensitiveConsent.WordingVersion, SensitiveConsent.Wording(l), clock.GetUtcNow().UtcDateTime));
        if (!await TrySaveAsync(ct))
        {
            return await RetryPageAsync(me, ct);
        }
        TempData["Message"] = l["Your consent was recorded. You can now fill in the special-group facts."].Value;
        return RedirectToAction(nameof(Profile), null, null, "sensitive");
    }

    [HttpPost("consent/withdraw")]
    public async Task<IActionResult> Withdraw(WithdrawForm form, CancellationToken ct)
    {
        var me = User.UserId();
        var profile = await db.ResidentProfiles.FirstOrDefaultAsync(p => p.UserId == me, ct);
        var problem = profile is not { HasSensitiveConsent: true } ? NoConsentToWithdraw : !form.Confirm ? TickToWithdraw : null;
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(WithdrawForm.Confirm), l[problem]);
            return await ProfilePageAsync(await CurrentFormAsync(me, ct), StatusCodes.Status400BadRequest, ct);
        }
        db.ConsentRecords.Add(profile!.WithdrawSensitiveConsent(clock.GetUtcNow().UtcDateTime)!);
        if (!await TrySaveAsync(ct))
        {
            return await RetryPageAsync(me, ct);
        }
        TempData["Message"] = l["Your consent was withdrawn and your special-group facts were erased."].Value;
        return RedirectToAction(nameof(Profile), null, null, "sensitive");
    }

    [HttpGet("data")]
    public async Task<IActionResult> Data([FromServices] AuditTrail audit, CancellationToken ct)
    {
        var data = await MyData.LoadAsync(db, facts, needs, User.UserId(), clock.GetUtcNow().UtcDateTime, ct);
        if (data is null)
        {
            return NotFound();
        }
        // Even one's own data leaving the portal is on the trail (PIPL): who, when; never what.
        await audit.WriteAsync(User, AuditAction.PersonalDataExported, AuditRecordType.Resident, User.UserId(), AuditResult.Succeeded, "", ct);
        Response.Headers.CacheControl = "no-store";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, MyData.Json);
        return File(bytes, "application/json; charset=utf-8", $"my-data-{time.Now:yyyyMMdd}.json");
    }

    private async Task<ProfileForm> FirstFormAsync(string me, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => new { u.DisplayName, u.PhoneNumber, u.CommunityId }).SingleAsync(ct);
        return new ProfileForm { FullName = account.DisplayName, Phone = account.PhoneNumber ?? "", CommunityId = account.CommunityId };
    }

    private async Task<ProfileForm> CurrentFormAsync(string me, CancellationToken ct)
    {
        var profile = await db.ResidentProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (profile is null)
        {
            return await FirstFormAsync(me, ct);
        }
        var reading = profile.HasSensitiveConsent ? facts.Read(profile.ProtectedFacts, me) : FactsReading.Nothing;
        ViewData["FactsUnreadable"] = reading.Unreadable;
        return ProfileForm.From(profile, reading.Facts);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        if (await db.TrySaveAsync(ct))
        {
            return true;
        }
        db.ChangeTracker.Clear();
        return false;
    }

    private async Task<IActionResult> RetryPageAsync(string me, CancellationToken ct)
    {
        ModelState.AddModelError("", l[TryAgain]);
        return await ProfilePageAsync(await CurrentFormAsync(me, ct), StatusCodes.Status409Conflict, ct);
    }

    private async Task<IActionResult> ProfilePageAsync(ProfileForm form, int status, CancellationToken ct)
    {
        var me = User.UserId();
        var consent = await db.ResidentProfiles.AsNoTracking().Where(p => p.UserId == me)
            .Select(p => new { p.SensitiveConsentAt, p.SensitiveConsentWording }).FirstOrDefaultAsync(ct);
        var history = await ConsentRow.HistoryAsync(db, me, ct);
        ViewData["Consent"] = new ConsentState(consent is not null, consent?.SensitiveConsentAt, consent?.SensitiveConsentWording, SensitiveConsent.Wording(l), history);
        ViewData["Communities"] = await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        return status == StatusCodes.Status200OK ? View("Profile", form) : this.InvalidForm(form, "Profile", status);
    }
}
