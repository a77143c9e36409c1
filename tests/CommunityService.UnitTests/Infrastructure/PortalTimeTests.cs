using CommunityService.Web.Shared.Mvc;
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

    [Fact]
    public void A_time_the_clocks_skipped_is_read_as_the_first_moment_after_the_change()
    {
        // Berlin's clocks went from 02:00 to 03:00 on 29 March 2026: 02:30 never happened there.
        var time = Time("Europe/Berlin");

        var stored = time.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0));

        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0), stored);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 0, 0), time.Local(stored));
    }

    [Theory]
    [InlineData(2000, 1, 1, true)]
    [InlineData(2099, 12, 31, true)]
    [InlineData(1999, 12, 31, false)]
    [InlineData(202, 11, 1, false)]
    [InlineData(9999, 12, 31, false)]
    public void A_filter_date_must_lie_within_the_portal_years(int year, int month, int day, bool within)
    {
        Assert.Equal(within, FilterDates.Within(new DateOnly(year, month, day)));
    }
}
