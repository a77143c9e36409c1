using Microsoft.EntityFrameworkCore;

namespace CommunityService.Data;

/// <summary>
/// An entity that people edit. Its <see cref="Version"/> is an app-managed optimistic concurrency token,
/// bumped on every save, so SQLite and SQL Server behave alike (no rowversion).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class VersionedExtensions
{
    /// <summary>
    /// The version the person saw (a hidden field of the form): the save succeeds only if nobody saved the record since, else
    /// it throws <see cref="DbUpdateConcurrencyException"/> and changes nothing.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int version) where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
}
