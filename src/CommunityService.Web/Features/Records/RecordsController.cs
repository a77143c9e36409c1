using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Projects;
using CommunityService.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Records;

[Authorize(Policy = Policies.StaffOrManager)]
[Route("projects/{projectId:int}/records")]
public sealed class RecordsController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>What was delivered, newest first, paged; filterable by delivery mode and by session.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, DeliveryMode? mode, int? session, int page = 1, CancellationToken ct = default)
    {
        var project = await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        var query = db.ServiceRecords.AsNoTracking().Where(r => r.ProjectId == projectId);
        if (mode is { } m)
        {
            query = query.Where(r => r.DeliveryMode == m);
        }
        if (session is { } s)
        {
            query = query.Where(r => r.SessionId == s);
        }
        var rows = await query.OrderByDescending(r => r.DeliveredAt).ThenByDescending(r => r.Id)
            .Select(r => new RecordRow(r.Id, r.RecipientName, r.DeliveredAt, r.DeliveryMode, r.DurationMinutes, r.Description, r.Place,
                db.Users.Where(u => u.Id == r.DeliveredById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new RecordList(projectId, project.Name, mode, session, rows));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(int projectId, CancellationToken ct)
    {
        var project = await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Name, p.CommunityId }).FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        return View(new RecordForm
        {
            ProjectId = projectId, ProjectName = project.Name, DeliveredAt = time.Now.Date.AddHours(9), DurationMinutes = 60,
        });
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(int projectId, RecordForm form, [FromServices] IValidator<RecordForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        form.ProjectName = project.Name;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (project.Stage != ProjectStage.Execution)
        {
            ModelState.AddModelError("", l["Services can only be recorded while the project is in execution."]);
            return this.InvalidForm(form);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.ServiceRecords.Add(new ServiceRecord
        {
            ProjectId = projectId, RecipientName = form.RecipientName.Trim(), DeliveredAt = time.ToUtc(form.DeliveredAt!.Value),
            DeliveryMode = form.DeliveryMode, DurationMinutes = form.DurationMinutes, Description = form.Description.Trim(),
            RecordedById = User.UserId(), CreatedAt = now,
        });
        project.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the project meanwhile, most often a colleague recording a service at the same time: it was
            // just updated, so the record is saved on its own, once the project is seen to be still in execution.
            await db.Entry(project).ReloadAsync(ct);
            if (project.Stage != ProjectStage.Execution)
            {
                ModelState.AddModelError("", l["Services can only be recorded while the project is in execution."]);
                return this.InvalidForm(form);
            }
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = l["The service was recorded."].Value;
        return RedirectToAction("Details", "Projects", new { id = projectId }, "execution");
    }
}

public sealed class RecordForm
{
    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public string RecipientName { get; set; } = "";
    public DateTime? DeliveredAt { get; set; }
    public DeliveryMode DeliveryMode { get; set; }
    public int DurationMinutes { get; set; }
    public string Description { get; set; } = "";

    public sealed class Validator : AbstractValidator<RecordForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.RecipientName).NotEmpty().MaximumLength(ServiceRecord.RecipientMaxLength).WithName(_ => l["Recipient"]);
            RuleFor(f => f.DeliveredAt).NotNull().WithName(_ => l["Date"]);
            RuleFor(f => f.DeliveryMode).IsInEnum().NotEqual(DeliveryMode.Both).WithMessage(_ => l["Choose at the facility or at home."]);
            RuleFor(f => f.DurationMinutes).InclusiveBetween(1, 24 * 60).WithName(_ => l["Minutes"]);
            RuleFor(f => f.Description).NotEmpty().MaximumLength(ServiceRecord.DescriptionMaxLength).WithName(_ => l["What was done"]);
        }
    }
}

public sealed record RecordRow(int Id, string Recipient, DateTime DeliveredAt, DeliveryMode Mode, int Minutes, string Description, string Place, string DeliveredBy);

public sealed record RecordList(int ProjectId, string ProjectName, DeliveryMode? Mode, int? Session, Page<RecordRow> Rows);
