using CommunityService.Data.Execution;
using CommunityService.Data.Plans;

namespace CommunityService.UnitTests.Execution;

public class ObjectiveProgressTests
{
    // A 100-day plan: 1 March to 8 June 2026 (both days included).
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly End = new(2026, 6, 8);

    private static ProjectFigures Figures(int services = 0, int people = 0, int sessions = 0, int minutes = 0, int volunteerMinutes = 0,
        int signUps = 0, int ratings = 0, int satisfied = 0) =>
        new(services, people, sessions, minutes, volunteerMinutes, signUps, ratings, satisfied, ratings == 0 ? null : 4.2);

    private static PlanObjective Objective(MeasuredBy measure, decimal target) => new() { Indicator = "x", TargetValue = target, MeasuredBy = measure };

    [Fact]
    public void The_share_of_the_period_counts_whole_days_including_today()
    {
        Assert.Equal(0m, ObjectiveProgress.ElapsedShare(Start, End, Start.AddDays(-1)));
        Assert.Equal(0.01m, ObjectiveProgress.ElapsedShare(Start, End, Start));
        Assert.Equal(0.5m, ObjectiveProgress.ElapsedShare(Start, End, Start.AddDays(49)));
        Assert.Equal(1m, ObjectiveProgress.ElapsedShare(Start, End, End));
        Assert.Equal(1m, ObjectiveProgress.ElapsedShare(Start, End, End.AddDays(30)));
    }

    [Fact]
    public void Halfway_through_the_period_half_the_target_is_expected()
    {
        var halfway = Start.AddDays(49);
        var progress = ObjectiveProgress.Of(Objective(MeasuredBy.PeopleServed, 200), Figures(people: 100), Start, End, halfway);

        Assert.Equal(100m, progress.Expected);
        Assert.Equal(100m, progress.Actual);
        Assert.Equal(100m, progress.Gap);
        Assert.Equal(50, progress.Percent);
        Assert.Equal(ObjectiveState.OnTrack, progress.State);
    }

    [Fact]
    public void Slightly_under_the_pace_is_still_on_track_but_well_under_is_behind()
    {
        var halfway = Start.AddDays(49);
        // Expected 100 by now; the tolerance is 90 %.
        Assert.Equal(ObjectiveState.OnTrack, ObjectiveProgress.Of(Objective(MeasuredBy.ServiceRecords, 200), Figures(services: 90), Start, End, halfway).State);
        Assert.Equal(ObjectiveState.Behind, ObjectiveProgress.Of(Objective(MeasuredBy.ServiceRecords, 200), Figures(services: 89), Start, End, halfway).State);
    }

    [Fact]
    public void Reaching_the_target_is_achieved_whenever_it_happens_and_the_gap_is_zero()
    {
        var early = ObjectiveProgress.Of(Objective(MeasuredBy.SessionsHeld, 12), Figures(sessions: 13), Start, End, Start.AddDays(10));

        Assert.Equal(ObjectiveState.Achieved, early.State);
        Assert.Equal(0m, early.Gap);
        Assert.Equal(100, early.Percent);
    }

    [Fact]
    public void A_count_short_of_its_target_after_the_period_is_missed()
    {
        var progress = ObjectiveProgress.Of(Objective(MeasuredBy.PeopleServed, 50), Figures(people: 49), Start, End, End.AddDays(1));

        Assert.Equal(ObjectiveState.Missed, progress.State);
        Assert.Equal(1m, progress.Gap);
    }

    [Fact]
    public void Hours_are_counted_from_minutes_to_one_decimal()
    {
        var progress = ObjectiveProgress.Of(Objective(MeasuredBy.ServiceHours, 100), Figures(minutes: 3010), Start, End, End);
        var volunteer = ObjectiveProgress.Of(Objective(MeasuredBy.VolunteerHours, 10), Figures(volunteerMinutes: 630), Start, End, End);

        Assert.Equal(50.2m, progress.Actual);
        Assert.Equal(10.5m, volunteer.Actual);
        Assert.Equal(ObjectiveState.Achieved, volunteer.State);
    }

    [Fact]
    public void Satisfaction_is_the_share_rated_4_or_5_and_is_held_against_the_full_target_at_any_time()
    {
        var early = Start.AddDays(5);
        var good = ObjectiveProgress.Of(Objective(MeasuredBy.SatisfactionSurvey, 90), Figures(ratings: 20, satisfied: 19), Start, End, early);
        var poor = ObjectiveProgress.Of(Objective(MeasuredBy.SatisfactionSurvey, 90), Figures(ratings: 20, satisfied: 17), Start, End, early);

        Assert.Equal(95m, good.Actual);
        Assert.Equal(ObjectiveState.Achieved, good.State);
        Assert.Equal(85m, poor.Actual);
        Assert.Equal(90m, poor.Expected);
        Assert.Equal(ObjectiveState.OnTrack, poor.State); // 85 ≥ 90 × 0.9
        var bad = ObjectiveProgress.Of(Objective(MeasuredBy.SatisfactionSurvey, 90), Figures(ratings: 10, satisfied: 7), Start, End, early);
        Assert.Equal(ObjectiveState.Behind, bad.State);
    }

    [Fact]
    public void Without_ratings_or_for_a_hand_count_there_is_no_figure()
    {
        var noRatings = ObjectiveProgress.Of(Objective(MeasuredBy.SatisfactionSurvey, 90), Figures(), Start, End, End);
        var manual = ObjectiveProgress.Of(Objective(MeasuredBy.Manual, 5), Figures(services: 100), Start, End, End);

        Assert.Equal(ObjectiveState.NotMeasured, noRatings.State);
        Assert.Null(noRatings.Actual);
        Assert.Null(noRatings.Gap);
        Assert.Equal(ObjectiveState.NotMeasured, manual.State);
    }

    [Fact]
    public void Sign_ups_count_places_held()
    {
        var progress = ObjectiveProgress.Of(Objective(MeasuredBy.SignUps, 30), Figures(signUps: 12), Start, End, End.AddDays(-10));

        Assert.Equal(12m, progress.Actual);
        Assert.Equal(ObjectiveState.Behind, progress.State);
    }
}
