using CommunityService.Data.Communities;
using CommunityService.Data.Surveys;

namespace CommunityService.UnitTests.Surveys;

public class SurveyBuilderTests
{
    private static SurveyQuestion Choice(int id, params string[] options) => new()
    {
        Id = id, Type = QuestionType.SingleChoice, Text = $"问题 {id}",
        Options = options.Select((o, i) => new QuestionOption { Id = id * 10 + i, Text = o }).ToList(),
    };

    private static Survey Draft()
    {
        var survey = new Survey { Title = "需求调查", Communities = [new Community { Id = 1, Name = "阳光社区" }] };
        Assert.True(survey.AddQuestion(Choice(1, "需要", "不需要")).IsPassed);
        Assert.True(survey.AddQuestion(new SurveyQuestion { Id = 2, Type = QuestionType.LongText, Text = "建议" }).IsPassed);
        return survey;
    }

    [Fact]
    public void Questions_are_numbered_in_the_order_they_are_added()
    {
        Assert.Equal([1, 2], Draft().Ordered.Select(q => q.Order));
    }

    [Fact]
    public void A_survey_opens_only_with_a_method_a_community_and_for_a_questionnaire_a_question()
    {
        var empty = new Survey { UsesQuestionnaire = true };

        Assert.Equal([Survey.NeedsCommunity, Survey.NeedsQuestion], empty.Open().Missing);
        Assert.Equal(SurveyStatus.Draft, empty.Status);

        var survey = Draft();
        Assert.True(survey.Open().IsPassed);
        Assert.Equal(SurveyStatus.Open, survey.Status);
        Assert.Equal([Survey.OnlyDraftOpens], survey.Open().Missing);
    }

    [Fact]
    public void An_interview_only_survey_needs_no_questions()
    {
        var survey = new Survey { UsesQuestionnaire = false, UsesInterview = true, Communities = [new Community()] };

        Assert.True(survey.Open().IsPassed);
    }

    [Fact]
    public void Once_answered_a_question_can_change_wording_but_not_type_and_cannot_be_removed()
    {
        var survey = Draft();
        var question = survey.Questions[1];

        Assert.Equal([Survey.HasResponses], survey.ChangeQuestion(question, QuestionType.ShortText, hasResponses: true).Missing);
        Assert.Equal(QuestionType.LongText, question.Type);
        Assert.Equal([Survey.HasResponses], survey.RemoveQuestion(question, hasResponses: true).Missing);
        Assert.Equal(2, survey.Questions.Count);

        Assert.True(survey.ChangeQuestion(question, QuestionType.LongText, hasResponses: true).IsPassed);
        Assert.True(survey.AddQuestion(new SurveyQuestion { Type = QuestionType.Rating, Text = "满意度" }).IsPassed);
    }

    [Fact]
    public void Before_any_answer_a_question_can_change_type_or_be_removed_and_the_rest_renumber()
    {
        var survey = Draft();

        Assert.True(survey.ChangeQuestion(survey.Questions[1], QuestionType.ShortText, hasResponses: false).IsPassed);
        Assert.True(survey.RemoveQuestion(survey.Questions[0], hasResponses: false).IsPassed);

        var left = Assert.Single(survey.Questions);
        Assert.Equal((1, QuestionType.ShortText), (left.Order, left.Type));
    }

    [Fact]
    public void A_condition_must_point_to_an_earlier_choice_question()
    {
        var survey = Draft();
        var text = survey.Questions[1];

        var onText = new SurveyQuestion { Type = QuestionType.ShortText, Text = "为什么", ConditionQuestion = text };
        Assert.Equal([Survey.ConditionMustComeEarlier], survey.AddQuestion(onText).Missing);

        var onChoice = new SurveyQuestion { Type = QuestionType.ShortText, Text = "为什么", ConditionQuestion = survey.Questions[0], ConditionOption = survey.Questions[0].Options[0] };
        Assert.True(survey.AddQuestion(onChoice).IsPassed);
    }

    [Fact]
    public void Moving_a_conditional_question_above_its_condition_is_refused()
    {
        var survey = Draft();
        var why = new SurveyQuestion { Id = 3, Type = QuestionType.ShortText, Text = "为什么", ConditionQuestionId = 1, ConditionOptionId = 10 };
        Assert.True(survey.AddQuestion(why).IsPassed);

        Assert.True(survey.MoveQuestion(why, -1).IsPassed);
        Assert.Equal([1, 3, 2], survey.Ordered.Select(q => q.Id));
        Assert.Equal([Survey.ConditionMustComeEarlier], survey.MoveQuestion(why, -1).Missing);
        Assert.Equal([1, 3, 2], survey.Ordered.Select(q => q.Id));
    }

    [Fact]
    public void A_new_version_is_a_draft_copy_with_its_conditions_pointing_into_the_copy()
    {
        var survey = Draft();
        survey.Id = 7;
        var why = new SurveyQuestion { Id = 3, Type = QuestionType.ShortText, Text = "为什么", ConditionQuestionId = 1, ConditionOptionId = 10 };
        Assert.True(survey.AddQuestion(why).IsPassed);
        Assert.True(survey.Open().IsPassed);

        var copy = survey.NewVersion("staff-1", new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal((SurveyStatus.Draft, 2, 7), (copy.Status, copy.VersionNumber, copy.PreviousVersionId));
        Assert.Equal(survey.Ordered.Select(q => q.Text), copy.Ordered.Select(q => q.Text));
        var copiedWhy = copy.Ordered[2];
        Assert.Same(copy.Ordered[0], copiedWhy.ConditionQuestion);
        Assert.Same(copy.Ordered[0].Options[0], copiedWhy.ConditionOption);
        Assert.DoesNotContain(copy.Questions, q => survey.Questions.Contains(q));
    }

    [Fact]
    public void A_closed_survey_cannot_change()
    {
        var survey = Draft();
        Assert.True(survey.Open().IsPassed);
        Assert.True(survey.Close().IsPassed);

        Assert.Equal([Survey.ClosedSurvey], survey.AddQuestion(new SurveyQuestion { Text = "晚了" }).Missing);
        Assert.Equal([Survey.OnlyOpenCloses], survey.Close().Missing);
    }
}
