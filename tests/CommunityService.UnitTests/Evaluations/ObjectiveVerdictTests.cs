using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using static CommunityService.UnitTests.Evaluations.Reports;

namespace CommunityService.UnitTests.Evaluations;

public class ObjectiveVerdictTests
{
    [Fact]
    public void An_objective_is_achieved_when_the_records_reach_the_target()
    {
        Assert.Equal((200m, true), ObjectiveVerdict.Of(MeasuredBy.ServiceRecords, 200, Figures(services: 200), null));
        Assert.Equal((201m, true), ObjectiveVerdict.Of(MeasuredBy.ServiceRecords, 200, Figures(services: 201), null));
    }

    [Fact]
    public void An_objective_below_its_target_is_not_achieved()
    {
        Assert.Equal((199m, false), ObjectiveVerdict.Of(MeasuredBy.ServiceRecords, 200, Figures(services: 199), null));
        Assert.Equal((30m, false), ObjectiveVerdict.Of(MeasuredBy.PeopleServed, 40, Figures(people: 30), null));
    }

    [Fact]
    public void Satisfaction_is_the_share_of_good_ratings_and_gives_no_verdict_before_anyone_rated()
    {
        Assert.Equal((90m, true), ObjectiveVerdict.Of(MeasuredBy.SatisfactionSurvey, 90, Figures(ratings: 10, satisfied: 9), null));
        Assert.Equal((80m, false), ObjectiveVerdict.Of(MeasuredBy.SatisfactionSurvey, 90, Figures(ratings: 10, satisfied: 8), null));
        Assert.Equal((null, null), ObjectiveVerdict.Of(MeasuredBy.SatisfactionSurvey, 90, ProjectFigures.None, null));
    }

    [Fact]
    public void An_objective_counted_by_hand_is_judged_by_the_figure_the_staff_typed()
    {
        Assert.Equal((12m, true), ObjectiveVerdict.Of(MeasuredBy.Manual, 10, Figures(services: 0), 12m));
        Assert.Equal((8m, false), ObjectiveVerdict.Of(MeasuredBy.Manual, 10, Figures(services: 99), 8m));
        Assert.Equal((null, null), ObjectiveVerdict.Of(MeasuredBy.Manual, 10, Figures(services: 99), null));
    }

    [Fact]
    public void A_figure_typed_for_an_objective_the_records_measure_is_ignored()
    {
        Assert.Equal((5m, false), ObjectiveVerdict.Of(MeasuredBy.ServiceRecords, 10, Figures(services: 5), 50m));
    }
}
