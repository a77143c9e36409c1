using CommunityService.Data;
using CommunityService.Data.Execution;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Feedback;

/// <summary>Residents rate a service they received (1–5) and comment; staff read it per project and per session.</summary>
public sealed class FeedbackController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [Authorize(Policy = Policies.Resident)]
    [HttpGet("/me/services/{id:int}/feedback")]
    public async Task<IActionResult> Create(int id, CancellationToken ct)
    {
        var service = await MineAsync(id, ct);
        return service is null ? NotFound() : View(new FeedbackPage(service, new FeedbackForm()));
    }

    [Authorize(Policy = Policies.Resident)]
    [HttpPost("/me/services/{id:int}/feedback")]
    public async Task<IActionResult> Create(int id, FeedbackForm form, [FromServices] IValidator<FeedbackForm> validator, CancellationToken ct)
    {
        var service = await MineAsync(id, ct);
        if (service is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(new FeedbackPage(service, form));
        }
        var me = User.UserId();
        if (await db.Feedback.AnyAsync(f => f.ServiceRecordId == id && f.ResidentId == me, ct))
        {
            return this.Refuse(l["You have already rated this service. Thank you!"], Url.Action("Index", "Me"));
        }
        db.Feedback.Add(new ServiceFeedback
        {
            ProjectId = service.ProjectId, ServiceRecordId = id, SessionId = service.SessionId, ResidentId = me, Rating = form.Rating!.Value,
            Comment = form.Comment.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same rating sent twice at once: the unique index kept the first.
            return this.Refuse(l["You have already rated this service. Thank you!"], Url.Action("Index", "Me"));
        }
        TempData["Message"] = l["Thank you for your rating."].Value;
        return RedirectToAction("Index", "Me");
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/projects/{projectId:int}/feedback")]
    public async Task<IActionResult> Index(int projectId, int? session, int page = 1, CancellationToken ct = default)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        var query = db.Feedback.AsNoTracking().Where(f => f.ProjectId == projectId);
        if (session is { } s)
        {
            query = query.Where(f => f.SessionId == s);
        }
        var summary = await query.GroupBy(_ => 1)
            .Select(g => new FeedbackSummary(g.Count(), g.Average(f => (double)f.Rating), g.Count(f => f.Rating >= 4)))
            .FirstOrDefaultAsync(ct) ?? new FeedbackSummary(0, 0, 0);
        var rows = await query.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackRow(f.Rating, f.Comment, f.CreatedAt,
                db.ServiceRecords.Where(r => r.Id == f.ServiceRecordId).Select(r => r.Description).FirstOrDefault() ?? "",
                db.Sessions.Where(x => x.Id == f.SessionId).Select(x => x.Title).FirstOrDefault()))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new FeedbackList(projectId, project.Name, session, summary, rows));
    }

    private Task<ReceivedService?> MineAsync(int recordId, CancellationToken ct)
    {
        var me = User.UserId();
        return db.ServiceRecords.AsNoTracking().Where(r => r.Id == recordId && r.ResidentId == me)
            .Select(r => new ReceivedService(r.Id, r.ProjectId, r.SessionId, r.Description, r.DeliveredAt,
                db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Name).First()))
            .FirstOrDefaultAsync(ct);
    }
}
