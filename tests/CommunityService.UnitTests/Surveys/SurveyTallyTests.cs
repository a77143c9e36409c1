using CommunityService.Data.Surveys;

namespace CommunityService.UnitTests.Surveys;

public class SurveyTallyTests
{
    private static readonly SurveyQuestion Services = new()
    {
        Id = 1, Order = 1, Type = QuestionType.MultipleChoice, Text = "服务", AllowOther = true,
        Options = [new() { Id = 10, Order = 1, Text = "讲座" }, new() { Id = 11, Order = 2, Text = "托管" }],
    };

    private static readonly SurveyQuestion Rating = new() { Id = 2, Order = 2, Type = QuestionType.Rating, Text = "满意度" };

    [Fact]
    public void Choice_percentages_are_of_those_who_answered_the_question()
    {
        var results = SurveyTally.Combine([Services, Rating],
            optionCounts: [new(1, 10, 30), new(1, 11, 15)],
            respondents: [new(1, 40), new(2, 50)],
            numbers: [new(2, 50, 3.8, 1, 5)],
            ratings: [new(2, 3m, 10), new(2, 4m, 30), new(2, 5m, 10)],
            texts: [new(1, "法律咨询")],
            textCounts: [new(1, null, 4)]);

        var services = results[0];
        Assert.Equal(40, services.Respondents);
        Assert.Equal([("讲座", 30, 75.0), ("托管", 15, 37.5), ("", 4, 10.0)], services.Options.Select(o => (o.Text, o.Count, o.Percent)));
        Assert.Equal(["法律咨询"], services.Texts);

        var rating = results[1];
        Assert.Equal([0, 0, 10, 30, 10], rating.Ratings);
        Assert.Equal(3.8, rating.Numbers!.Average);
    }

    [Fact]
    public void A_question_nobody_answered_shows_zeros_not_errors()
    {
        var result = Assert.Single(SurveyTally.Combine([Services], [], [], [], [], [], []));

        Assert.Equal(0, result.Respondents);
        Assert.All(result.Options, o => Assert.Equal((0, 0.0), (o.Count, o.Percent)));
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(0, 0, 0)]
    public void Percentages_round_to_one_decimal(int count, int of, double expected)
    {
        Assert.Equal(expected, SurveyTally.Percent(count, of));
    }
}
