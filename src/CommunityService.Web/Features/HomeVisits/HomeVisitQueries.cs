using System.Linq.Expressions;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.HomeVisits;

/// <summary>The service a request is made under, with what decides whether it takes requests.</summary>
public sealed record HomeVisitService(int ProjectId, string ProjectName, int CommunityId, ProjectStage Stage, DeliveryMode? Mode, int OpenRequests)
{
    /// <summary>The newest approved plan serves people at home.</summary>
    public bool OffersHomeVisits => NoticeQueries.OffersHomeVisits(Mode);
}

/// <summary>A public notice a resident asks a home visit from.</summary>
public sealed record NoticeTarget(int NoticeId, string Title, HomeVisitService Service);

public static class HomeVisitQueries
{
    /// <summary>How many of a resident's open requests for one service the double-submit check decrypts (there are usually 0–2).</summary>
    public const int DuplicateCheckLimit = 20;

    /// <summary>Open requests first in the order they are worked on (new, accepted, scheduled), then the closed ones.</summary>
    public static readonly Expression<Func<HomeVisitRequest, int>> TriageOrder = r =>
        r.Status == HomeVisitStatus.Submitted ? 0 : r.Status == HomeVisitStatus.Accepted ? 1 : r.Status == HomeVisitStatus.Scheduled ? 2 : 3;

    public static Task<HomeVisitService?> ServiceAsync(CommunityServiceDbContext db, int projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new HomeVisitService(p.Id, p.Name, p.CommunityId, p.Stage,
                p.Plans.Where(x => x.Status == PlanStatus.Approved).OrderByDescending(x => x.VersionNumber)
                    .Select(x => (DeliveryMode?)x.DeliveryMode).FirstOrDefault(),
                db.HomeVisitRequests.Where(HomeVisitRequest.Open).Count(r => r.ProjectId == p.Id)))
            .FirstOrDefaultAsync(ct);

    /// <summary>A notice the public sees now (published, inside its window, its project neither cancelled nor rejected).</summary>
    public static async Task<NoticeTarget?> VisibleNoticeAsync(CommunityServiceDbContext db, int noticeId, DateTime now, CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking()
            .Where(n => n.Id == noticeId && n.Status == NoticeStatus.Published
                && (n.VisibleFrom == null || n.VisibleFrom <= now) && (n.VisibleUntil == null || n.VisibleUntil > now)
                && n.Project!.Stage != ProjectStage.Cancelled && n.Project.Stage != ProjectStage.Rejected)
            .Select(n => new { n.Title, n.ProjectId })
            .FirstOrDefaultAsync(ct);
        return notice is null ? null : new NoticeTarget(noticeId, notice.Title, (await ServiceAsync(db, notice.ProjectId, ct))!);
    }

}
