using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Notices;

/// <summary>Staff write notices from an approved plan, publish them inside a window, record the channels, withdraw them.</summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class NoticeEditorController(
    CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization,
    IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/projects/{projectId:int}/notices/create")]
    public async Task<IActionResult> Create(int projectId, CancellationToken ct)
    {
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.AsNoTracking().Include(p => p.TargetGroups).FirstOrDefaultAsync(p => p.Id == projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        var plan = await db.Plans.AsNoTracking().Where(p => p.ProjectId == projectId && p.Status == PlanStatus.Approved)
            .OrderByDescending(p => p.VersionNumber).FirstOrDefaultAsync(ct);
        var office = await db.StreetOffices.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Name, o.Phone }).FirstOrDefaultAsync(ct);
        var form = new NoticeForm { ProjectId = projectId, ProjectName = project.Name, Title = project.Name, Body = project.Summary };
        if (plan is not null)
        {
            // Prefilled from the approved plan: staff edit the words, the facts start right.
            form.Body = $"{project.Summary}\n\n{plan.Purpose}".Trim();
            form.Audience = string.Join("、", project.TargetGroups.Select(g => l[$"TargetGroup.{g.Group}"].Value));
            form.Schedule = $"{plan.StartDate:yyyy-MM-dd} – {plan.EndDate:yyyy-MM-dd}  {plan.SessionPattern}".Trim();
            form.Place = plan.Place;
            form.Fee = plan.FeeTier == FeeTier.Free ? l["FeeTier.Free"] : $"{l[$"FeeTier.{plan.FeeTier}"]} ¥{plan.FeeAmount:0.##}";
            form.HowToJoin = plan.DeliveryMode switch
            {
                DeliveryMode.AtHome => l["Ask for a home visit on this website, or call us."],
                DeliveryMode.Both => l["Sign up or ask for a home visit on this website, or come to the community service center."],
                _ => l["Sign up on this website, or come to the community service center."],
            };
        }
        if (office is not null)
        {
            form.Contact = $"{office.Name} {office.Phone}".Trim();
        }
        return View("Edit", form);
    }

    [HttpPost("/projects/{projectId:int}/notices/create")]
    public async Task<IActionResult> Create(int projectId, NoticeForm form, [FromServices] IValidator<NoticeForm> validator, CancellationToken ct)
    {
        form.ProjectId = projectId;
        form.NoticeId = null;
        var projectAccess = await this.OpenInCommunityAsync(authorization, await db.Projects.Include(p => p.Plans).FirstOrDefaultAsync(p => p.Id == projectId, ct), x => x.CommunityId);
        if (!projectAccess.Granted)
        {
            return projectAccess.Refusal;
        }
        var project = projectAccess.Record;
        form.ProjectName = project.Name;
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], Url.Action("Details", "Projects", new { id = projectId }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form, "Edit");
        }
        if (!project.Plans.Any(p => p.Status == PlanStatus.Approved))
        {
            ModelState.AddModelError("", l[GateMessages.NeedsApprovedPlan]);
            return this.InvalidForm(form, "Edit");
        }
        var notice = new Notice { CreatedAt = Now, UpdatedAt = Now };
        form.CopyTo(notice, time);
        project.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The notice was saved as a draft."].Value;
        return RedirectToAction(nameof(Manage), new { id = notice.Id });
    }

    [HttpGet("/notices/{id:int}/manage")]
    public async Task<IActionResult> Manage(int id, CancellationToken ct)
    {
        var noticeAccess = await this.OpenInCommunityAsync(authorization, await db.Notices.AsNoTracking().Include(n => n.Channels).Include(n => n.Project)
            .FirstOrDefaultAsync(n => n.Id == id, ct), x => x.Project!.CommunityId);
        if (!noticeAccess.Granted)
        {
            return noticeAccess.Refusal;
        }
        var notice = noticeAccess.Record;
        return View(new NoticeDesk(notice, Now, new ChannelForm { SentOn = DateOnly.FromDateTime(time.Now) }));
    }

    [HttpGet("/notices/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var noticeAccess = await this.OpenInCommunityAsync(authorization, await db.Notices.AsNoTracking().Include(n => n.Project).FirstOrDefaultAsync(n => n.Id == id, ct), x => x.Project!.CommunityId);
        if (!noticeAccess.Granted)
        {
            return noticeAccess.Refusal;
        }
        var notice = noticeAccess.Record;
        if (!notice.IsEditable)
        {
            return this.Refuse(l[Notice.WithdrawnCannotBeEdited], Url.Action(nameof(Manage), new { id }));
        }
        return View(NoticeForm.From(notice, notice.Project!.Name, time));
    }

    [HttpPost("/notices/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, NoticeForm form, [FromServices] IValidator<NoticeForm> validator, CancellationToken ct)
    {
        var noticeAccess = await this.OpenInCommunityAsync(authorization, await db.Notices.Include(n => n.Project).FirstOrDefaultAsync(n => n.Id == id, ct), x => x.Project!.CommunityId);
        if (!noticeAccess.Granted)
        {
            return noticeAccess.Refusal;
        }
        var notice = noticeAccess.Record;
        (form.ProjectId, form.NoticeId, form.ProjectName) = (notice.ProjectId, id, notice.Project!.Name);
        if (!notice.IsEditable)
        {
            return this.Refuse(l[Notice.WithdrawnCannotBeEdited], Url.Action(nameof(Manage), new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        db.ExpectVersion(notice, form.Version);
        form.CopyTo(notice, time);
        notice.UpdatedAt = Now;
        if (!await db.TrySaveAsync(ct))
        {
            return this.ConflictForm(form);
        }
        await PublicCache.EvictNoticesAsync(cache, ct);
        TempData["Message"] = l["The notice is saved."].Value;
        return RedirectToAction(nameof(Manage), new { id });
    }

    /// <summary>Publishing the first notice of an approved plan moves the project into Publicity.</summary>
    [HttpPost("/notices/{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct)
    {
        var notice = await db.Notices.Include(n => n.Channels).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return NotFound();
        }
        var access = await this.OpenInCommunityAsync(authorization, await db.Projects.Include(p => p.Plans).Include(p => p.Notices)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == notice.ProjectId, ct), p => p.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        var project = access.Record;
        if (project.Stage.IsFinished())
        {
            return this.Refuse(l[GateMessages.ProjectFinished], Url.Action("Details", "Projects", new { id = project.Id }));
        }
        if (notice.Status == NoticeStatus.Withdrawn)
        {
            return this.Refuse(l[Notice.WithdrawnCannotBeEdited], Url.Action(nameof(Manage), new { id }));
        }
        var now = Now;
        notice.Publish(now);
        if (project.Stage == ProjectStage.Plan)
        {
            var moved = project.AdvanceTo(ProjectStage.Publicity, User.UserId(), l["A service notice was published."], now);
            if (!moved.IsPassed)
            {
                return this.Refuse(string.Join(" ", moved.Missing.Select(m => l[m].Value)), Url.Action(nameof(Manage), new { id }));
            }
        }
        await db.SaveChangesAsync(ct);
        await PublicCache.EvictNoticesAsync(cache, ct);
        TempData["Message"] = l["The notice is published."].Value;
        return RedirectToAction(nameof(Manage), new { id });
    }

    [HttpPost("/notices/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct)
    {
        var noticeAccess = await this.OpenInCommunityAsync(authorization, await db.Notices.Include(n => n.Project).FirstOrDefaultAsync(n => n.Id == id, ct), x => x.Project!.CommunityId);
        if (!noticeAccess.Granted)
        {
            return noticeAccess.Refusal;
        }
        var notice = noticeAccess.Record;
        var check = notice.Withdraw(Now);
        if (!check.IsPassed)
        {
            return this.Refuse(l[check.Missing[0]], Url.Action(nameof(Manage), new { id }));
        }
        await db.SaveChangesAsync(ct);
        await PublicCache.EvictNoticesAsync(cache, ct);
        TempData["Message"] = l["The notice is withdrawn: the public no longer sees it."].Value;
        return RedirectToAction(nameof(Manage), new { id });
    }

    [HttpPost("/notices/{id:int}/channels")]
    public async Task<IActionResult> AddChannel(int id, ChannelForm form, [FromServices] IValidator<ChannelForm> validator, CancellationToken ct)
    {
        var noticeAccess = await this.OpenInCommunityAsync(authorization, await db.Notices.Include(n => n.Project).Include(n => n.Channels).FirstOrDefaultAsync(n => n.Id == id, ct), x => x.Project!.CommunityId);
        if (!noticeAccess.Granted)
        {
            return noticeAccess.Refusal;
        }
        var notice = noticeAccess.Record;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(new NoticeDesk(notice, Now, form), "Manage");
        }
        notice.Channels.Add(new NoticeChannel { Channel = form.Channel!.Value, Where = form.Where.Trim(), SentOn = form.SentOn!.Value });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The channel is recorded."].Value;
        return RedirectToAction(nameof(Manage), null, new { id }, "channels");
    }
}
