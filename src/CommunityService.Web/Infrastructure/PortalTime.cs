namespace CommunityService.Web.Infrastructure;

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

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
