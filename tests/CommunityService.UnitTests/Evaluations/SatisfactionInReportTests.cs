using CommunityService.Data.Evaluations;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using static CommunityService.UnitTests.Evaluations.Reports;

namespace CommunityService.UnitTests.Evaluations;

/// <summary>The project's satisfaction questionnaire in a report: live while it is a draft, frozen at submission like the objectives.</summary>
public class SatisfactionInReportTests
{
    private static SatisfactionFigures Questionnaire(int responses, params (string Text, int[] Counts)[] ratings) =>
        new(3, "满意度调查：老年人助餐服务", SurveyStatus.Open, responses,
            ratings.Select((r, i) => new RatingFigures(100 + i, i + 1, r.Text, r.Counts)).ToList());

    private static EvaluationFacts WithQuestionnaire(ServicePlan? plan, SatisfactionFigures? satisfaction) =>
        Facts(plan, Figures(ratings: 10, satisfied: 5)) with { Satisfaction = satisfaction };

    private static void Pass(GateCheck check) => Assert.True(check.IsPassed, string.Join("; ", check.Missing));

    [Fact]
    public void Submitting_freezes_each_rating_question_and_the_questionnaires_returned()
    {
        var report = Complete(EvaluationTiming.Final);

        Pass(report.Submit(WithQuestionnaire(null, Questionnaire(12, ("总体满意度", [1, 0, 2, 3, 4]), ("服务人员", [0, 0, 1, 5, 2]))), Now));

        Assert.Equal((3, 12), (report.SatisfactionSurveyId!.Value, report.SatisfactionResponses!.Value));
        Assert.Equal(
            [(1, "总体满意度", 10, 3.9m, 70.0m), (2, "服务人员", 8, 4.13m, 87.5m)],
            report.Satisfaction.Select(s => (s.Order, s.Text, s.Responses, s.Average!.Value, s.SatisfiedPercent!.Value)));
        Assert.Equal([100, 101], report.Satisfaction.Select(s => s.QuestionId!.Value));
    }

    [Fact]
    public void A_project_without_a_questionnaire_reports_none()
    {
        var report = Complete(EvaluationTiming.During);

        Pass(report.Submit(WithQuestionnaire(null, null), Now));

        Assert.Null(report.SatisfactionSurveyId);
        Assert.Null(report.SatisfactionResponses);
        Assert.Empty(report.Satisfaction);
    }

    [Fact]
    public void A_returned_report_takes_the_figures_as_they_stand_and_resubmitting_freezes_those()
    {
        var report = Complete(EvaluationTiming.Final);
        Pass(report.Submit(WithQuestionnaire(null, Questionnaire(10, ("总体满意度", [1, 0, 2, 3, 4]))), Now));
        Pass(report.ReturnForRevision("manager", new Dictionary<EvaluationSection, string> { [EvaluationSection.Satisfaction] = "回收率太低" }, "", Now));
        var later = Questionnaire(20, ("总体满意度", [1, 0, 2, 8, 9]));

        report.Refresh(WithQuestionnaire(null, later));
        Assert.Equal((20, 20), (report.SatisfactionResponses!.Value, report.Satisfaction.Single().Responses));
        Pass(report.Submit(WithQuestionnaire(null, later), Now));

        var row = Assert.Single(report.Satisfaction);
        Assert.Equal((4.2m, 85.0m), (row.Average!.Value, row.SatisfiedPercent!.Value));
    }

    [Fact]
    public void A_satisfaction_objective_is_judged_by_the_questionnaires_overall_rating_once_answered()
    {
        var plan = Plan(Objective(MeasuredBy.SatisfactionSurvey, 90, "参与者满意度"));
        var report = Complete(EvaluationTiming.Final, plan);

        // The first rating question (the overall one) has 9 of 10 satisfied; the service ratings have 5 of 10.
        Pass(report.Submit(WithQuestionnaire(plan, Questionnaire(10, ("总体满意度", [0, 0, 1, 4, 5]), ("服务内容", [5, 5, 0, 0, 0]))), Now));

        Assert.Equal((90m, true), (report.Objectives.Single().Actual!.Value, report.Objectives.Single().Achieved!.Value));
    }

    [Fact]
    public void Without_answers_to_the_questionnaire_the_service_ratings_judge_it()
    {
        Assert.Equal((50m, false),
            ObjectiveVerdict.Of(MeasuredBy.SatisfactionSurvey, 90, Figures(ratings: 10, satisfied: 5), null, Questionnaire(0, ("总体满意度", [0, 0, 0, 0, 0]))));
        Assert.Equal((50m, false), ObjectiveVerdict.Of(MeasuredBy.SatisfactionSurvey, 90, Figures(ratings: 10, satisfied: 5), null, null));
    }

    [Fact]
    public void Other_objectives_ignore_the_questionnaire() =>
        Assert.Equal((7m, false),
            ObjectiveVerdict.Of(MeasuredBy.ServiceRecords, 10, Figures(services: 7), null, Questionnaire(10, ("总体满意度", [0, 0, 0, 0, 10]))));

    [Fact]
    public void Submitting_freezes_the_choices_and_the_written_answers_counted()
    {
        var report = Complete(EvaluationTiming.Final);
        var questionnaire = Questionnaire(8, ("总体满意度", [0, 0, 1, 3, 4])) with
        {
            Tallies =
            [
                new AnswerTally(107, 7, "您最喜欢哪些活动？", QuestionType.MultipleChoice, 6, [new("健康操", 5), new("手工", 2)], AllowOther: true, Other: 1),
                new AnswerTally(106, 6, "您还愿意再参加吗？", QuestionType.SingleChoice, 8, [new("愿意", 6), new("不愿意", 0), new("还没想好", 2)]),
                new AnswerTally(108, 8, "您觉得还有哪些地方需要改进？", QuestionType.LongText, 3, []),
            ],
        };

        Pass(report.Submit(WithQuestionnaire(null, questionnaire), Now));

        // The single-choice question comes first (by its order in the questionnaire); 6 of 8 is 75%, 2 of 8 is 25%; 5 of 6 is 83.3%.
        Assert.Equal(
            [
                (1, "您还愿意再参加吗？", 1, "愿意", false, 6, (decimal?)75.0m), (1, "您还愿意再参加吗？", 2, "不愿意", false, 0, 0.0m),
                (1, "您还愿意再参加吗？", 3, "还没想好", false, 2, 25.0m),
                (2, "您最喜欢哪些活动？", 1, "健康操", false, 5, 83.3m), (2, "您最喜欢哪些活动？", 2, "手工", false, 2, 33.3m),
                (2, "您最喜欢哪些活动？", 3, "", true, 1, 16.7m),
                (3, "您觉得还有哪些地方需要改进？", 0, "", false, 3, null),
            ],
            report.SatisfactionTallies.Select(t => (t.Order, t.Question, t.OptionOrder, t.Option, t.IsOther, t.Count, t.Percent)));
        Assert.True(report.SatisfactionTallies.Last().IsText);
        Assert.Equal([106, 106, 106, 107, 107, 107, 108], report.SatisfactionTallies.Select(t => t.QuestionId!.Value));
    }

    [Fact]
    public void A_returned_report_counts_the_choices_again_and_drops_those_of_a_questionnaire_no_longer_there()
    {
        var report = Complete(EvaluationTiming.Final);
        var tally = new AnswerTally(106, 6, "您还愿意再参加吗？", QuestionType.SingleChoice, 2, [new("愿意", 2)]);
        Pass(report.Submit(WithQuestionnaire(null, Questionnaire(2, ("总体满意度", [0, 0, 0, 1, 1])) with { Tallies = [tally] }), Now));
        Pass(report.ReturnForRevision("manager", new Dictionary<EvaluationSection, string> { [EvaluationSection.Satisfaction] = "样本太少" }, "", Now));

        report.Refresh(WithQuestionnaire(null, Questionnaire(3, ("总体满意度", [0, 0, 0, 1, 2])) with { Tallies = [tally with { Answered = 3, Options = [new("愿意", 3)] }] }));
        Assert.Equal((3, 3), (report.SatisfactionTallies.Single().Count, report.SatisfactionTallies.Single().Answered));

        report.Refresh(WithQuestionnaire(null, null));
        Assert.Empty(report.SatisfactionTallies);
    }
}
