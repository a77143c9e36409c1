using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data.Catalog;

/// <summary>A service type as a form offers it: the active ones, by category and then in the order they were made.</summary>
public sealed record ServiceTypeOption(int Id, ServiceCategory Category, string Name)
{
    public static Task<List<ServiceTypeOption>> ActiveAsync(CommunityServiceDbContext db, CancellationToken ct) =>
        db.ServiceTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Category).ThenBy(t => t.Id)
            .Select(t => new ServiceTypeOption(t.Id, t.Category, t.Name)).ToListAsync(ct);
}
