using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityService.Data;

/// <summary>
/// Every <see cref="DateTime"/> the portal stores is UTC, on every provider. A value of another kind is made UTC on the way in (a
/// local time is converted; an unspecified one is taken as UTC, which is what the portal's code computes: a time typed into a form
/// is turned from <c>Portal:TimeZone</c> into UTC before it gets here), and every value read back is of kind UTC. PostgreSQL's
/// <c>timestamp with time zone</c> refuses any other kind, and SQLite and SQL Server would read back an unspecified kind.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
