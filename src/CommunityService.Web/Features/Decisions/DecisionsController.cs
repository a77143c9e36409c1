using CommunityService.Data;
using CommunityService.Data.Decisions;
using CommunityService.Data.Identity;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Decisions;

/// <summary>
/// The proposal page of 服务项目的决定: what is proposed, what the representatives said, and the decision.
/// Who may open it depends on the project and the person, so the check is <see cref="ProposalOpinionRequirement"/>.
/// </summary>
[Authorize]
[Route("projects/{id:int}/decision")]
public sealed class DecisionsController(
    CommunityServiceDbContext db, IAuthorizationService authorization, TimeProvider clock, PortalTime time, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Proposal(int id, CancellationToken ct)
    {
        var proposal = await LoadProposalAsync(id, ct);
        if (proposal is null)
        {
            return NotFound();
        }
        if (!await AllowedAsync(proposal.Resource, ProposalOpinionRequirement.Open))
        {
            return Forbid();
        }
        return View(await LoadPageAsync(proposal, ct));
    }

    /// <summary>Gives or changes the representative's own opinion: one row per representative and proposal.</summary>
    [Authorize(Policy = Policies.Resident)]
    [HttpPost("opinion")]
    public async Task<IActionResult> GiveOpinion(int id, OpinionForm form, [FromServices] IValidator<OpinionForm> validator, CancellationToken ct)
    {
        var proposal = await LoadProposalAsync(id, ct);
        if (proposal is null)
        {
            return NotFound();
        }
        if (!await AllowedAsync(proposal.Resource, ProposalOpinionRequirement.GiveOpinion))
        {
            return Forbid();
        }
        if (proposal.Stage != ProjectStage.Decision)
        {
            return this.Refuse(l["Opinions can only be given while the proposal waits for its decision."], Url.Action("Index", "Home"));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await LoadPageAsync(proposal, ct) with { Opinion = form, Posted = nameof(GiveOpinion) }, nameof(Proposal));
        }
        var userId = User.UserId();
        var opinion = await db.Opinions.FirstOrDefaultAsync(o => o.ProjectId == id && o.GivenById == userId, ct);
        if (opinion is null)
        {
            opinion = new ProjectOpinion { ProjectId = id, Source = OpinionSource.Online, GivenById = userId };
            db.Opinions.Add(opinion);
        }
        opinion.Stance = form.Stance!.Value;
        opinion.Comment = form.Comment?.Trim() ?? "";
        opinion.At = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same representative sent a first opinion twice at once: the unique index kept one.
            return this.Refuse(l["Your opinion was already received. Please reload the page to change it."], Url.Action(nameof(Proposal), null, new { id }, null, null, "opinions"));
        }
        TempData["Message"] = l["Thank you: your opinion was recorded."].Value;
        return RedirectToAction(nameof(Proposal), null, new { id }, "opinions");
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("meeting-opinion")]
    public async Task<IActionResult> RecordMeetingOpinion(int id, MeetingOpinionForm form, [FromServices] IValidator<MeetingOpinionForm> validator, CancellationToken ct)
    {
        var proposalAccess = await this.OpenInCommunityAsync(authorization, await LoadProposalAsync(id, ct), x => x.CommunityId);
        if (!proposalAccess.Granted)
        {
            return proposalAccess.Refusal;
        }
        var proposal = proposalAccess.Record;
        if (proposal.Stage != ProjectStage.Decision)
        {
            return this.Refuse(l["Opinions can only be given while the proposal waits for its decision."], Url.Action(nameof(Proposal), new { id }));
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(await LoadPageAsync(proposal, ct) with { MeetingOpinion = form, Posted = nameof(RecordMeetingOpinion) }, nameof(Proposal));
        }
        db.Opinions.Add(new ProjectOpinion
        {
            ProjectId = id, Source = OpinionSource.Meeting, Stance = form.Stance!.Value, Comment = form.Comment?.Trim() ?? "",
            SpeakerName = form.SpeakerName.Trim(), MeetingName = form.MeetingName.Trim(), At = time.ToUtc(form.At!.Value), RecordedById = User.UserId(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The meeting opinion was recorded."].Value;
        return RedirectToAction(nameof(Proposal), null, new { id }, "opinions");
    }

    private async Task<bool> AllowedAsync(ProposalResource resource, ProposalOpinionRequirement requirement) =>
        (await authorization.AuthorizeAsync(User, resource, requirement)).Succeeded;

    private Task<ProposalView?> LoadProposalAsync(int id, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProposalView(p.Id, p.Name, p.Summary, p.Category, p.ServiceType!.Name, p.CommunityId, p.Community!.Name, p.Stage,
                p.TargetGroups.Select(g => g.Group).ToList(), p.Needs.OrderBy(n => n.Id).Select(n => new ProposalNeed(n.Id, n.Text)).ToList(),
                p.ExpectedBeneficiaries, p.ResourcesToUse, p.RoughBudget))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);

    /// <summary>The opinions and decisions with the names of the people behind them: two queries, whatever their number.</summary>
    private async Task<ProposalPage> LoadPageAsync(ProposalView proposal, CancellationToken ct)
    {
        var opinions = await db.Opinions.AsNoTracking().Where(o => o.ProjectId == proposal.Id)
            .OrderBy(o => o.At).ThenBy(o => o.Id)
            .Select(o => new OpinionRow(o.Stance, o.Comment, o.Source, o.GivenById,
                db.Users.Where(u => u.Id == o.GivenById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                o.SpeakerName, o.MeetingName, o.At,
                db.Users.Where(u => u.Id == o.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ProjectId == proposal.Id)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .Select(d => new DecisionRow(d.Outcome, d.Reason, db.Users.Where(u => u.Id == d.DecidedById).Select(u => u.DisplayName).FirstOrDefault() ?? "", d.DecidedAt))
            .ToListAsync(ct);
        var inDecision = proposal.Stage == ProjectStage.Decision;
        var isStaff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Manager);
        var userId = User.UserId();
        var own = opinions.FirstOrDefault(o => o.Source == OpinionSource.Online && o.GivenById == userId);
        return new ProposalPage(proposal, opinions, decisions)
        {
            IsStaff = isStaff,
            CanGiveOpinion = inDecision && await AllowedAsync(proposal.Resource, ProposalOpinionRequirement.GiveOpinion),
            CanRecordMeetingOpinion = inDecision && isStaff,
            CanDecide = inDecision && User.IsInRole(Roles.Manager),
            HasOwnOpinion = own is not null,
            Opinion = new OpinionForm { Stance = own?.Stance, Comment = own?.Comment ?? "" },
            MeetingOpinion = new MeetingOpinionForm { At = TruncateToMinute(time.Now) },
        };
    }

    private static DateTime TruncateToMinute(DateTime at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, at.Kind);
}
