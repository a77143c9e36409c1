using CommunityService.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CommunityService.UnitTests.Infrastructure;

public class PortalTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static PortalTime Time(string? zone = null) => new(
        new FixedClock(new DateTimeOffset(2026, 11, 29, 1, 30, 0, TimeSpan.Zero)),
        new ConfigurationBuilder().AddInMemoryCollection(zone is null ? [] : [new("Portal:TimeZone", zone)]).Build());

    [Fact]
    public void Times_show_in_china_time_by_default()
    {
        var time = Time();

        Assert.Equal(new DateTime(2026, 11, 29, 9, 30, 0), time.Now);
        Assert.Equal(new DateTime(2026, 11, 29, 8, 0, 0), time.Local(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_typed_local_time_is_stored_in_utc_and_shows_as_typed()
    {
        var time = Time();

        var stored = time.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0));

        Assert.Equal(new DateTime(2026, 12, 1, 1, 0, 0), stored);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), time.Local(stored));
    }

    [Fact]
    public void The_time_zone_is_configurable_and_an_unknown_one_falls_back_to_utc()
    {
        Assert.Equal(new DateTime(2026, 11, 29, 1, 30, 0), Time("Etc/UTC").Now);
        Assert.Equal(new DateTime(2026, 11, 29, 1, 30, 0), Time("Nowhere/Atlantis").Now);
    }
}
