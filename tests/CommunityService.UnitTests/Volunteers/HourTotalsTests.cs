using CommunityService.Data.Participation;
using CommunityService.Data.Volunteers;
using CommunityService.Web.Features.Volunteers;
using CommunityService.Web.Shared.Mvc;
using Microsoft.Extensions.Configuration;

namespace CommunityService.UnitTests.Volunteers;

public class HourTotalsTests
{
    // Beijing time, UTC+8: local midnight of 1 July is 16:00 UTC on 30 June.
    private static readonly PortalTime Time = new(TimeProvider.System, new ConfigurationBuilder().Build());

    private static DateTime Local(int month, int day, int hour, int minute = 0) => Time.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    private static Shift Confirmed(string volunteer, int project, DateTime startsUtc, int minutes) => new()
    {
        UserId = volunteer, IsVolunteer = true, Status = ShiftStatus.Confirmed, LoggedMinutes = minutes, ConfirmedMinutes = minutes,
        Session = new ServiceSession(10) { ProjectId = project, StartsAt = startsUtc, EndsAt = startsUtc.AddHours(2) },
    };

    private static Shift With(Shift shift, Action<Shift> change)
    {
        change(shift);
        return shift;
    }

    private static IQueryable<Shift> July(params Shift[] shifts) => shifts.AsQueryable().In(new HourPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31)), Time);

    [Fact]
    public void Only_a_volunteers_confirmed_minutes_count()
    {
        var shifts = new[]
        {
            Confirmed("chen", 1, Local(7, 5, 19), 120),
            With(Confirmed("chen", 1, Local(7, 6, 19), 60), s => { s.Status = ShiftStatus.Logged; s.ConfirmedMinutes = null; }),
            With(Confirmed("chen", 1, Local(7, 7, 19), 60), s => s.Status = ShiftStatus.Taken),
            With(Confirmed("chen", 1, Local(7, 8, 19), 60), s => s.Status = ShiftStatus.Cancelled),
            With(Confirmed("staff", 1, Local(7, 5, 19), 120), s => s.IsVolunteer = false),
        };

        var totals = shifts.AsQueryable().PerVolunteer().ToList();

        var chen = Assert.Single(totals);
        Assert.Equal(("chen", 120, 1), (chen.Key, chen.Minutes, chen.Shifts));
    }

    [Fact]
    public void Totals_per_volunteer_and_per_project_add_up_the_minutes()
    {
        var shifts = new[]
        {
            Confirmed("chen", 1, Local(7, 5, 19), 120),
            Confirmed("chen", 2, Local(7, 6, 9), 90),
            Confirmed("wang", 1, Local(7, 5, 19), 120),
            Confirmed("wang", 1, Local(7, 12, 19), 45),
        };

        var volunteers = shifts.AsQueryable().PerVolunteer().ToDictionary(t => t.Key);
        var projects = shifts.AsQueryable().PerProject().ToDictionary(t => t.Key);

        Assert.Equal((210, 2, 3.5m), (volunteers["chen"].Minutes, volunteers["chen"].Shifts, volunteers["chen"].Hours));
        Assert.Equal((165, 2, 2.8m), (volunteers["wang"].Minutes, volunteers["wang"].Shifts, volunteers["wang"].Hours));
        Assert.Equal((285, 3), (projects[1].Minutes, projects[1].Shifts));
        Assert.Equal((90, 1), (projects[2].Minutes, projects[2].Shifts));
        Assert.Equal(volunteers.Values.Sum(v => v.Minutes), projects.Values.Sum(p => p.Minutes));
    }

    [Fact]
    public void A_period_holds_both_of_its_days_whole_in_local_time()
    {
        var shifts = new[]
        {
            Confirmed("first-minute", 1, Local(7, 1, 0, 0), 60),
            Confirmed("last-minute", 1, Local(7, 31, 23, 59), 60),
            Confirmed("june", 1, Local(6, 30, 23, 59), 60),
            Confirmed("august", 1, Local(8, 1, 0, 0), 60),
        };

        var names = July(shifts).PerVolunteer().Select(t => t.Key).Order().ToList();

        Assert.Equal(["first-minute", "last-minute"], names);
    }

    [Fact]
    public void A_shift_counts_on_the_local_day_its_session_starts_even_when_utc_says_otherwise()
    {
        // 07:00 on 1 July in Beijing is still 30 June in UTC.
        var early = Confirmed("early", 1, Local(7, 1, 7), 60);
        Assert.Equal(30, early.Session!.StartsAt.Day);

        Assert.Single(July(early).PerVolunteer());
    }

    [Fact]
    public void The_period_bounds_are_local_midnights_start_inclusive_end_exclusive()
    {
        var july = new HourPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31));

        Assert.Equal(new DateTime(2026, 6, 30, 16, 0, 0), july.StartUtc(Time));
        Assert.Equal(new DateTime(2026, 7, 31, 16, 0, 0), july.EndUtc(Time));
    }

    [Fact]
    public void An_open_end_has_no_bound_and_a_reversed_pair_is_read_the_right_way_round()
    {
        Assert.Null(HourPeriod.All.StartUtc(Time));
        Assert.Null(HourPeriod.All.EndUtc(Time));
        Assert.Null(new HourPeriod(new DateOnly(2026, 7, 1), null).EndUtc(Time));

        var reversed = new HourPeriod(new DateOnly(2026, 7, 31), new DateOnly(2026, 7, 1));

        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31)), (reversed.From, reversed.To));
    }

    [Fact]
    public void One_day_is_a_period_too()
    {
        var day = new HourPeriod(new DateOnly(2026, 7, 5), new DateOnly(2026, 7, 5));
        var shifts = new[] { Confirmed("in", 1, Local(7, 5, 19), 60), Confirmed("next", 1, Local(7, 6, 0), 60) };

        Assert.Equal(["in"], shifts.AsQueryable().In(day, Time).PerVolunteer().Select(t => t.Key).ToList());
    }

    [Theory]
    [InlineData(0, "0.0")]
    [InlineData(1, "0.0")]
    [InlineData(3, "0.1")]
    [InlineData(45, "0.8")]
    [InlineData(90, "1.5")]
    [InlineData(210, "3.5")]
    [InlineData(1440, "24.0")]
    public void Hours_show_with_one_decimal_and_halves_round_up(int minutes, string shown)
    {
        Assert.Equal(shown, ConfirmedHours.Format(ConfirmedHours.Hours(minutes)));
    }

    [Fact]
    public void A_total_is_rounded_once_from_its_minutes_not_summed_from_rounded_hours()
    {
        // Three shifts of 20 minutes: 0.3 h each when rounded, but one hour together.
        var shifts = Enumerable.Range(1, 3).Select(d => Confirmed("chen", 1, Local(7, d, 19), 20)).ToArray();

        var total = Assert.Single(shifts.AsQueryable().PerVolunteer());

        Assert.Equal(0.3m, ConfirmedHours.Hours(20));
        Assert.Equal(1.0m, total.Hours);
    }
}
