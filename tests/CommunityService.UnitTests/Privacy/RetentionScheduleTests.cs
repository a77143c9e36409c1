using CommunityService.Web.Features.Privacy;
using CommunityService.Web.Shared.Mvc;
using Microsoft.Extensions.Configuration;

namespace CommunityService.UnitTests.Privacy;

public class RetentionScheduleTests
{
    private static readonly PortalTime China = new(TimeProvider.System, new ConfigurationBuilder().Build());

    [Fact]
    public void The_daily_run_is_at_three_in_the_morning_china_time_today_when_that_is_still_ahead()
    {
        // 01:30 in Beijing is 17:30 UTC the day before.
        var next = RetentionSchedule.NextRunUtc(new DateTime(2026, 11, 28, 17, 30, 0, DateTimeKind.Utc), China, 3);

        Assert.Equal(new DateTime(2026, 11, 28, 19, 0, 0), next);
    }

    [Fact]
    public void Once_the_hour_has_passed_the_next_run_is_tomorrow()
    {
        var next = RetentionSchedule.NextRunUtc(new DateTime(2026, 11, 28, 19, 0, 0, DateTimeKind.Utc), China, 3);

        Assert.Equal(new DateTime(2026, 11, 29, 19, 0, 0), next);
    }

    [Fact]
    public void The_placeholder_of_an_account_is_the_same_every_time_and_names_no_one()
    {
        var id = "8f14e45f-ceea-467f-a0e6-3b3c5a1b2c3d";

        Assert.Equal("已注销居民 #8F14E45F", ResidentAnonymizer.PlaceholderFor(id));
        Assert.Equal(ResidentAnonymizer.PlaceholderFor(id), ResidentAnonymizer.PlaceholderFor(id));
    }
}
