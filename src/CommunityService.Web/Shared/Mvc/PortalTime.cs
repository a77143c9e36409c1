
namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// Times are stored in UTC and shown in the center's own time zone (Portal:TimeZone, Asia/Shanghai by default);
/// times people type are taken as the center's local time and stored in UTC.
/// </summary>
public sealed class PortalTime(TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeZoneInfo zone = FindZone(configuration["Portal:TimeZone"] ?? "Asia/Shanghai");

    public DateTime Now => Local(clock.GetUtcNow().UtcDateTime);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public DateTime? Local(DateTime? utc) => utc is { } value ? Local(value) : null;

    /// <summary>
    /// A local time as UTC. A time the clocks skipped when summer time began (China kept summer time from 1986 to 1991,
    /// and a configured zone may still change at midnight) is read as the first moment after the change, as a clock on
    /// the wall would show it, instead of failing.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var step = 0; step < 8 && zone.IsInvalidTime(unspecified); step++)
        {
            unspecified = unspecified.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
