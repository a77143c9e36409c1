using System.Linq.Expressions;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Notices;

public sealed record NoticeRow(int Id, string Title, DateTime? PublishedAt, ServiceCategory Category, string Community, string ServiceType);

public static class NoticeQueries
{
    public static IQueryable<Notice> Published(CommunityServiceDbContext db) =>
        db.Notices.AsNoTracking().Where(n => n.Status == NoticeStatus.Published
            && n.Project!.Stage != ProjectStage.Cancelled && n.Project.Stage != ProjectStage.Rejected);

    public static readonly Expression<Func<Notice, NoticeRow>> ToRow = n =>
        new NoticeRow(n.Id, n.Title, n.PublishedAt, n.Project!.Category, n.Project.Community!.Name, n.Project.ServiceType!.Name);
}
