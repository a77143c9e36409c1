using CommunityService.Data;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Features.Trace;

/// <summary>
/// The chain from survey to evaluation, one page each way (issue #7): from a need down to the projects answering it and their
/// verdicts, and from an evaluation back to its plan version, the decision, the needs and their survey evidence. Read only;
/// staff of a community see their community's records, street-office staff and managers all.
/// </summary>
[Authorize(Policy = Policies.StaffOrManager)]
public sealed class TraceController(CommunityServiceDbContext db, TimeProvider clock, PortalTime time, IAuthorizationService authorization) : Controller
{
    [HttpGet("/trace/needs/{id:int}")]
    public async Task<IActionResult> Need(int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await db.TraceNeedAsync(id, ct), n => n.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        return View(await db.NeedTraceAsync(access.Record, User.OwnCommunity(), clock.GetUtcNow().UtcDateTime, DateOnly.FromDateTime(time.Now), ct));
    }

    [HttpGet("/trace/evaluations/{id:int}")]
    public async Task<IActionResult> Evaluation(int id, CancellationToken ct)
    {
        var access = await this.OpenInCommunityAsync(authorization, await db.TraceReportAsync(id, ct), r => r.CommunityId);
        if (!access.Granted)
        {
            return access.Refusal;
        }
        return View(await db.EvaluationTraceAsync(access.Record, User.OwnCommunity(), ct));
    }
}
