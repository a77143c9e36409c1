namespace CommunityService.Data;

/// <summary>
/// An entity that people edit. Its <see cref="Version"/> is an app-managed optimistic concurrency token,
/// bumped on every save, so SQLite and SQL Server behave alike (no rowversion).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
