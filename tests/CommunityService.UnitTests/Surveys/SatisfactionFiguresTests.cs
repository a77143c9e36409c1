using CommunityService.Data.Surveys;

namespace CommunityService.UnitTests.Surveys;

/// <summary>The figures a report shows for each rating question, worked out by hand from the counts of each score.</summary>
public class SatisfactionFiguresTests
{
    private static RatingFigures Rating(params int[] counts) => new(1, 1, "总体满意度", counts);

    [Fact]
    public void Ten_answers_average_their_scores_and_count_fours_and_fives_as_satisfied()
    {
        // 1×1 + 3×2 + 4×3 + 5×4 = 39 over 10 answers; 3 fours and 4 fives are satisfied.
        var figures = Rating(1, 0, 2, 3, 4);

        Assert.Equal((10, 3.9m, 70.0m), (figures.Responses, figures.Average!.Value, figures.SatisfiedPercent!.Value));
    }

    [Fact]
    public void Shares_and_averages_are_rounded_as_people_round()
    {
        // 3 + 5×4 + 2×5 = 33 over 8 = 4.125, shown as 4.13; 7 of 8 satisfied = 87.5%.
        Assert.Equal((4.13m, 87.5m), (Rating(0, 0, 1, 5, 2).Average!.Value, Rating(0, 0, 1, 5, 2).SatisfiedPercent!.Value));
        // 3 + 4 + 5 = 12 over 3 = 4.00; 2 of 3 satisfied = 66.666…%, shown as 66.7%.
        Assert.Equal((4.00m, 66.7m), (Rating(0, 0, 1, 1, 1).Average!.Value, Rating(0, 0, 1, 1, 1).SatisfiedPercent!.Value));
    }

    [Fact]
    public void All_unhappy_is_zero_satisfied_not_no_figure()
    {
        var figures = Rating(2, 1, 0, 0, 0);

        Assert.Equal((1.33m, 0m), (figures.Average!.Value, figures.SatisfiedPercent!.Value));
    }

    [Fact]
    public void Before_anyone_answers_there_is_no_figure()
    {
        var figures = Rating(0, 0, 0, 0, 0);

        Assert.Equal((0, null, null), (figures.Responses, figures.Average, figures.SatisfiedPercent));
    }

    [Fact]
    public void A_rating_has_exactly_five_scores() =>
        Assert.Throws<ArgumentException>(() => Rating(1, 2, 3));

    [Theory]
    [InlineData(SurveyStatus.Draft, true)]
    [InlineData(SurveyStatus.Open, true)]
    [InlineData(SurveyStatus.Closed, false)]
    public void A_draft_or_open_questionnaire_is_the_round_in_progress(SurveyStatus status, bool inProgress) =>
        Assert.Equal(inProgress, new SatisfactionFigures(3, "满意度调查", status, 0, []).IsInProgress);
}
