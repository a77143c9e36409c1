using System.Linq.Expressions;
using CommunityService.Data.Catalog;
using CommunityService.Data.Projects;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data.Publicity;

public sealed record NoticeRow(int Id, string Title, DateTime? PublishedAt, ServiceCategory Category, string Community, string ServiceType);

public static class NoticeQueries
{
    /// <summary>
    /// Notices the public sees at <paramref name="now"/>: published, inside their window, of a project still going
    /// (a closed, rejected or cancelled project's notice would offer a service that is over).
    /// </summary>
    public static IQueryable<Notice> Visible(CommunityServiceDbContext db, DateTime now) =>
        db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published
            && (n.VisibleFrom == null || n.VisibleFrom <= now) && (n.VisibleUntil == null || n.VisibleUntil > now))
            .Where(OfProjectStillGoing);

    /// <summary>
    /// The same notices as <see cref="Visible"/>, newest first, for taking the newest few. The window is written with
    /// COALESCE so that no index on it applies: SQLite then walks (Status, PublishedAt) from the newest and stops after a
    /// few. Given the window index, it sorted every visible notice instead (it estimates "no end" at 2 rows, having no
    /// histogram): 3 ms a home page on the large benchmark data, against 0.1 ms.
    /// </summary>
    public static IQueryable<Notice> NewestVisible(CommunityServiceDbContext db, DateTime now) =>
        db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published
            && (n.VisibleFrom ?? DateTime.MinValue) <= now && (n.VisibleUntil ?? DateTime.MaxValue) > now)
            .Where(OfProjectStillGoing)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id);

    /// <summary>A closed, rejected or cancelled project's notice would offer a service that is over.</summary>
    private static readonly Expression<Func<Notice, bool>> OfProjectStillGoing = n =>
        n.Project!.Stage != ProjectStage.Cancelled && n.Project.Stage != ProjectStage.Rejected && n.Project.Stage != ProjectStage.Closed;

    public static readonly Expression<Func<Notice, NoticeRow>> ToRow = n =>
        new NoticeRow(n.Id, n.Title, n.PublishedAt, n.Project!.Category, n.Project.Community!.Name, n.Project.ServiceType!.Name);

    public static bool OffersSignUp(DeliveryMode? mode) => mode is DeliveryMode.AtFacility or DeliveryMode.Both;

    public static bool OffersHomeVisits(DeliveryMode? mode) => mode is DeliveryMode.AtHome or DeliveryMode.Both;
}
