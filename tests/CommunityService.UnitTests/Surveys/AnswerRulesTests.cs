using CommunityService.Data.Surveys;

namespace CommunityService.UnitTests.Surveys;

public class AnswerRulesTests
{
    // 1 需要助餐吗 (single: 11 需要, 12 不需要) → 2 怎样提供 (single, only when 1 = 需要);
    // 3 想要的服务 (multiple with other); 4 满意度 (rating); 5 每月支付 (number, optional); 6 建议 (long text, optional)
    private static readonly SurveyQuestion Meals = new()
    {
        Id = 1, Order = 1, Type = QuestionType.SingleChoice, Text = "需要助餐吗", Required = true,
        Options = [new() { Id = 11, Text = "需要" }, new() { Id = 12, Text = "不需要" }],
    };

    private static readonly SurveyQuestion MealWay = new()
    {
        Id = 2, Order = 2, Type = QuestionType.SingleChoice, Text = "怎样提供", Required = true, ConditionQuestionId = 1, ConditionOptionId = 11,
        Options = [new() { Id = 21, Text = "送餐" }, new() { Id = 22, Text = "堂食" }],
    };

    private static readonly SurveyQuestion Services = new()
    {
        Id = 3, Order = 3, Type = QuestionType.MultipleChoice, Text = "想要的服务", Required = true, AllowOther = true,
        Options = [new() { Id = 31, Text = "讲座" }, new() { Id = 32, Text = "托管" }],
    };

    private static readonly SurveyQuestion Satisfaction = new() { Id = 4, Order = 4, Type = QuestionType.Rating, Text = "满意度", Required = true };
    private static readonly SurveyQuestion Pay = new() { Id = 5, Order = 5, Type = QuestionType.Number, Text = "每月支付" };
    private static readonly SurveyQuestion Advice = new() { Id = 6, Order = 6, Type = QuestionType.LongText, Text = "建议" };

    private static readonly SurveyQuestion[] Questionnaire = [Meals, MealWay, Services, Satisfaction, Pay, Advice];

    private static Dictionary<int, AnswerInput> Complete() => new()
    {
        [1] = new([11]), [2] = new([21]), [3] = new([31, 32]), [4] = new([], Number: 4), [5] = new([], Text: "50", Number: 50), [6] = new([], Text: "很好"),
    };

    [Fact]
    public void A_complete_questionnaire_has_no_problems_and_stores_one_row_per_choice()
    {
        var answers = Complete();

        Assert.Empty(AnswerRules.Check(Questionnaire, answers));
        var rows = AnswerRules.ToAnswers(Questionnaire, answers);
        Assert.Equal([11, 21, 31, 32], rows.Where(r => r.OptionId is not null).Select(r => r.OptionId!.Value));
        Assert.Equal(4, rows.Single(r => r.QuestionId == 4).Number);
        Assert.Equal("很好", rows.Single(r => r.QuestionId == 6).Text);
    }

    [Fact]
    public void Required_questions_left_empty_are_named()
    {
        var problems = AnswerRules.Check(Questionnaire, new Dictionary<int, AnswerInput>());

        Assert.Equal(new Dictionary<int, string> { [1] = AnswerRules.Required, [3] = AnswerRules.Required, [4] = AnswerRules.Required }, problems);
    }

    [Fact]
    public void A_hidden_conditional_question_is_neither_required_nor_stored()
    {
        var answers = Complete();
        answers[1] = new([12]);

        Assert.Empty(AnswerRules.Check(Questionnaire, answers));
        Assert.DoesNotContain(AnswerRules.ToAnswers(Questionnaire, answers), r => r.QuestionId == 2);
    }

    [Fact]
    public void A_shown_conditional_question_is_required()
    {
        var answers = Complete();
        answers.Remove(2);

        Assert.Equal(AnswerRules.Required, AnswerRules.Check(Questionnaire, answers)[2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(3.5)]
    public void A_rating_must_be_a_whole_number_from_1_to_5(double rating)
    {
        var answers = Complete();
        answers[4] = new([], Number: (decimal)rating);

        Assert.Equal(AnswerRules.RatingRange, AnswerRules.Check(Questionnaire, answers)[4]);
    }

    [Fact]
    public void A_number_that_is_not_a_number_is_refused_even_when_optional()
    {
        var answers = Complete();
        answers[5] = new([], Text: "五十");

        Assert.Equal(AnswerRules.NumberRange, AnswerRules.Check(Questionnaire, answers)[5]);
    }

    [Fact]
    public void An_option_of_another_question_is_refused()
    {
        var answers = Complete();
        answers[1] = new([21]);

        Assert.Equal(AnswerRules.NotAnOption, AnswerRules.Check(Questionnaire, answers)[1]);
    }

    [Fact]
    public void A_single_choice_takes_one_answer()
    {
        var answers = Complete();
        answers[1] = new([11, 12]);

        Assert.Equal(AnswerRules.OneOptionOnly, AnswerRules.Check(Questionnaire, answers)[1]);
    }

    [Fact]
    public void Other_needs_its_words_and_is_stored_as_text_without_an_option()
    {
        var answers = Complete();
        answers[3] = new([], Other: true, OtherText: "");
        Assert.Equal(AnswerRules.OtherNeedsText, AnswerRules.Check(Questionnaire, answers)[3]);

        answers[3] = new([], Other: true, OtherText: " 法律咨询 ");
        Assert.Empty(AnswerRules.Check(Questionnaire, answers));
        var other = Assert.Single(AnswerRules.ToAnswers(Questionnaire, answers), r => r.QuestionId == 3);
        Assert.Equal((null, "法律咨询"), (other.OptionId, other.Text));
    }

    [Fact]
    public void Text_longer_than_allowed_is_refused()
    {
        var answers = Complete();
        answers[6] = new([], Text: new string('字', SurveyQuestion.LongAnswerMaxLength + 1));

        Assert.Equal(AnswerRules.TooLong, AnswerRules.Check(Questionnaire, answers)[6]);
    }
}
