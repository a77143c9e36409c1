using CommunityService.Data.Plans;

namespace CommunityService.Data.Execution;

/// <summary>
/// What a project has delivered so far, counted in the database (<c>ProjectFigures</c> query in the web project): the
/// figures an objective can be measured by.
/// </summary>
public sealed record ProjectFigures(
    int ServicesDelivered, int PeopleServed, int SessionsHeld, int ServiceMinutes, int VolunteerMinutes, int SignUps,
    int Ratings, int SatisfiedRatings, double? AverageRating)
{
    public static readonly ProjectFigures None = new(0, 0, 0, 0, 0, 0, 0, 0, null);

    /// <summary>满意率: the share of ratings that are 4 or 5, in percent; null before anyone has rated.</summary>
    public decimal? SatisfiedPercent => Ratings == 0 ? null : Math.Round(100m * SatisfiedRatings / Ratings, 1);

    /// <summary>The actual figure for an objective measured this way; null when the records cannot say (counted by hand, or no ratings yet).</summary>
    public decimal? ActualFor(MeasuredBy measure) => measure switch
    {
        MeasuredBy.ServiceRecords => ServicesDelivered,
        MeasuredBy.PeopleServed => PeopleServed,
        MeasuredBy.SessionsHeld => SessionsHeld,
        MeasuredBy.ServiceHours => Math.Round(ServiceMinutes / 60m, 1),
        MeasuredBy.VolunteerHours => Math.Round(VolunteerMinutes / 60m, 1),
        MeasuredBy.SignUps => SignUps,
        MeasuredBy.SatisfactionSurvey => SatisfiedPercent,
        _ => null,
    };
}

public enum ObjectiveState
{
    /// <summary>The target is reached.</summary>
    Achieved,

    /// <summary>Not reached yet, but at or near the pace the plan's period asks for.</summary>
    OnTrack,

    /// <summary>Below the pace: at this rate the target will be missed.</summary>
    Behind,

    /// <summary>The period is over and the target was not reached.</summary>
    Missed,

    /// <summary>No figure yet: counted by hand, or a rate with nothing rated.</summary>
    NotMeasured,
}

/// <summary>One plan objective against what was delivered: actual, target, gap and whether the project keeps pace.</summary>
public sealed record ObjectiveProgress(string Indicator, string Unit, MeasuredBy MeasuredBy, decimal Target, decimal? Actual, decimal? Expected, ObjectiveState State)
{
    /// <summary>Within this share of the expected figure a project still counts as on track.</summary>
    public const decimal Tolerance = 0.9m;

    /// <summary>How much is still missing to reach the target (0 once reached); null without a figure.</summary>
    public decimal? Gap => Actual is { } actual ? Math.Max(0, Target - actual) : null;

    /// <summary>Actual as a percentage of the target, capped at 100 for the progress bar.</summary>
    public int? Percent => Actual is { } actual && Target > 0 ? (int)Math.Min(100, Math.Floor(100 * actual / Target)) : null;

    /// <summary>
    /// Counts (people, services, sessions, hours) grow over the plan's period, so the expected figure today is the target times the
    /// share of the period gone by. A rate (satisfaction) does not grow: it is held against the target at any time.
    /// </summary>
    /// <remarks>
    /// A satisfaction objective is held against the project's satisfaction questionnaire once it has answers, as the
    /// evaluation report judges it (<see cref="Evaluations.ObjectiveVerdict"/>), else against the residents' ratings of the services.
    /// </remarks>
    public static ObjectiveProgress Of(
        PlanObjective objective, ProjectFigures figures, DateOnly start, DateOnly end, DateOnly today, Surveys.SatisfactionFigures? satisfaction = null)
    {
        var actual = Evaluations.ObjectiveVerdict.Of(objective.MeasuredBy, objective.TargetValue, figures, null, satisfaction).Actual;
        var target = objective.TargetValue;
        if (actual is null)
        {
            return new(objective.Indicator, objective.Unit, objective.MeasuredBy, target, null, null, ObjectiveState.NotMeasured);
        }
        var isRate = objective.MeasuredBy == MeasuredBy.SatisfactionSurvey;
        var expected = isRate ? target : Math.Round(target * ElapsedShare(start, end, today), 1);
        var state = actual >= target ? ObjectiveState.Achieved
            : !isRate && today > end ? ObjectiveState.Missed
            : actual >= expected * Tolerance ? ObjectiveState.OnTrack
            : ObjectiveState.Behind;
        return new(objective.Indicator, objective.Unit, objective.MeasuredBy, target, actual, expected, state);
    }

    /// <summary>The share of the period [start, end] (whole days, both ends included) gone by at the end of <paramref name="today"/>.</summary>
    public static decimal ElapsedShare(DateOnly start, DateOnly end, DateOnly today)
    {
        if (today < start)
        {
            return 0;
        }
        if (today >= end)
        {
            return 1;
        }
        var days = end.DayNumber - start.DayNumber + 1;
        return (decimal)(today.DayNumber - start.DayNumber + 1) / days;
    }
}
