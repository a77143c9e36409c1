using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Notices;

public sealed class NoticesController(
    CommunityServiceDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous]
    [HttpGet("/notices")]
    public async Task<IActionResult> Index([FromQuery] NoticeFilter filter, int page = 1, CancellationToken ct = default)
    {
        var (q, category) = (filter.Q, filter.Category);
        var query = NoticeQueries.Published(db);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim();
            query = query.Where(n => n.Title.Contains(words) || n.Body.Contains(words));
        }
        if (category is { } c)
        {
            query = query.Where(n => n.Project!.Category == c);
        }
        if (filter.Community is { } community)
        {
            query = query.Where(n => n.Project!.CommunityId == community);
        }
        if (filter.Group is { } group)
        {
            query = query.Where(n => n.Project!.TargetGroups.Any(g => g.Group == group));
        }
        // Fee and delivery come from the project's newest approved plan, which the notice announces.
        if (filter.Fee is { } fee)
        {
            query = query.Where(n => n.Project!.Plans.Where(p => p.Status == PlanStatus.Approved)
                .OrderByDescending(p => p.VersionNumber).Select(p => (FeeTier?)p.FeeTier).FirstOrDefault() == fee);
        }
        if (filter.Mode is { } mode and not DeliveryMode.Both)
        {
            // A service offered both ways matches either wish.
            DeliveryMode?[] modes = [mode, DeliveryMode.Both];
            query = query.Where(n => modes.Contains(n.Project!.Plans.Where(p => p.Status == PlanStatus.Approved)
                .OrderByDescending(p => p.VersionNumber).Select(p => (DeliveryMode?)p.DeliveryMode).FirstOrDefault()));
        }
        var rows = await query.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Select(NoticeQueries.ToRow)
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        var communities = await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
        return View(new NoticeBoard(filter, communities, rows));
    }

    [AllowAnonymous]
    [HttpGet("/notices/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var notice = await NoticeQueries.Published(db).Where(n => n.Id == id)
            .Select(n => new NoticePage(n.Id, n.Title, n.Body, n.PublishedAt, n.Project!.Category, n.Project.Community!.Name,
                n.Project.ServiceType!.Name, n.Project.Name))
            .FirstOrDefaultAsync(ct);
        return notice is null ? NotFound() : View(notice);
    }

    /// <summary>An A4 poster (海报) of a published notice, with a QR code that opens the notice on a phone.</summary>
    [AllowAnonymous]
    [HttpGet("/notices/{id:int}/poster")]
    public Task<IActionResult> Poster(int id, CancellationToken ct) => PrintAsync(id, "Poster", ct);

    /// <summary>A flyer (传单): the same content, two to an A4 sheet.</summary>
    [AllowAnonymous]
    [HttpGet("/notices/{id:int}/flyer")]
    public Task<IActionResult> Flyer(int id, CancellationToken ct) => PrintAsync(id, "Flyer", ct);

    private async Task<IActionResult> PrintAsync(int id, string view, CancellationToken ct)
    {
        var notice = await NoticeQueries.Published(db).Where(n => n.Id == id)
            .Select(n => new NoticePrint(n.Id, n.Title, n.Body, n.Project!.Community!.Name, n.Project.Name,
                n.Project.Plans.Where(p => p.Status == PlanStatus.Approved).OrderByDescending(p => p.VersionNumber)
                    .Select(p => new PlanFacts(p.StartDate, p.EndDate, p.SessionPattern, p.Place, p.FeeTier, p.FeeAmount)).FirstOrDefault(),
                db.StreetOffices.OrderBy(o => o.Id).Select(o => o.Phone).FirstOrDefault() ?? ""))
            .FirstOrDefaultAsync(ct);
        if (notice is null)
        {
            return NotFound();
        }
        var url = $"{Request.Scheme}://{Request.Host}/notices/{id}";
        return View(view, notice with { Url = url, QrCode = QrCodes.PngDataUri(url) });
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/projects/{projectId:int}/notices/create")]
    public async Task<IActionResult> Create(int projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Name, p.Summary, p.CommunityId }).FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        return View(new NoticeForm { ProjectId = projectId, Title = project.Name, Body = project.Summary });
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/projects/{projectId:int}/notices/create")]
    public async Task<IActionResult> Create(int projectId, NoticeForm form, [FromServices] IValidator<NoticeForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        var project = await db.Projects.Include(p => p.Plans).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], $"/projects/{projectId}");
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (!project.Plans.Any(p => p.Status == Data.Plans.PlanStatus.Approved))
        {
            ModelState.AddModelError("", l[GateMessages.NeedsApprovedPlan]);
            return this.InvalidForm(form);
        }
        var notice = new Notice { Title = form.Title.Trim(), Body = form.Body.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        project.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The notice was saved as a draft."].Value;
        return Redirect($"/projects/{projectId}#publicity");
    }

    /// <summary>Publishing the first notice of an approved plan moves the project into Publicity.</summary>
    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/notices/{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct)
    {
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return NotFound();
        }
        var project = await db.Projects.Include(p => p.Plans).Include(p => p.Notices)
            .AsSplitQuery().FirstAsync(p => p.Id == notice.ProjectId, ct);
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], $"/projects/{project.Id}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        notice.Publish(now);
        if (project.Stage == ProjectStage.Plan)
        {
            project.AdvanceTo(ProjectStage.Publicity, User.UserId(), l["A service notice was published."], now);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The notice is published."].Value;
        return Redirect($"/projects/{project.Id}#publicity");
    }
}

public sealed record PlanFacts(DateOnly StartDate, DateOnly EndDate, string SessionPattern, string Place, FeeTier FeeTier, decimal FeeAmount);

public sealed record NoticePrint(int Id, string Title, string Body, string Community, string ProjectName, PlanFacts? Plan, string Phone)
{
    public string Url { get; init; } = "";
    public string QrCode { get; init; } = "";
}

public sealed class NoticeFilter
{
    public string? Q { get; set; }
    public ServiceCategory? Category { get; set; }
    public int? Community { get; set; }
    public FeeTier? Fee { get; set; }
    public TargetGroup? Group { get; set; }
    public DeliveryMode? Mode { get; set; }
}

public sealed record NoticeBoard(NoticeFilter Filter, IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Communities, Page<NoticeRow> Rows);

public sealed record NoticePage(int Id, string Title, string Body, DateTime? PublishedAt, ServiceCategory Category, string Community,
    string ServiceType, string ProjectName);

public sealed class NoticeForm
{
    public int ProjectId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    public sealed class Validator : AbstractValidator<NoticeForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Title).NotEmpty().MaximumLength(Notice.TitleMaxLength).WithName(_ => l["Title"]);
            RuleFor(f => f.Body).NotEmpty().MaximumLength(Notice.BodyMaxLength).WithName(_ => l["Notice text"]);
        }
    }
}
