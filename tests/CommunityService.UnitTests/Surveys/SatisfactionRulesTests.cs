using CommunityService.Data.Communities;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using CommunityService.UnitTests.Projects;

namespace CommunityService.UnitTests.Surveys;

/// <summary>满意度调查: which projects may start one, what the ready-made questionnaire holds, and who may answer it.</summary>
public class SatisfactionRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static ServiceProject Project(ProjectStage stage)
    {
        var project = ProjectBuilder.At(stage);
        (project.Id, project.CommunityId) = (14, 3);
        return project;
    }

    private static GateCheck Start(ServiceProject project, out Survey? survey, int communityId = 3, bool anotherInProgress = false) =>
        Survey.StartSatisfaction(project, new Community { Id = communityId, Name = "青石社区" }, anotherInProgress, "满意度调查：长者日间照料",
            SatisfactionTemplate.Questions(key => $"«{key}»"), Today, "staff", Now, out survey);

    private static Survey Started()
    {
        ProjectBuilder.Pass(Start(Project(ProjectStage.Execution), out var survey));
        return survey!;
    }

    [Theory]
    [InlineData(ProjectStage.Execution)]
    [InlineData(ProjectStage.Evaluation)]
    [InlineData(ProjectStage.Closed)]
    public void A_project_that_has_served_people_may_start_one(ProjectStage stage) =>
        Assert.True(Survey.CanStartSatisfaction(stage, anotherInProgress: false).IsPassed);

    [Theory]
    [InlineData(ProjectStage.Survey)]
    [InlineData(ProjectStage.Decision)]
    [InlineData(ProjectStage.Plan)]
    [InlineData(ProjectStage.Publicity)]
    [InlineData(ProjectStage.Rejected)]
    public void A_project_before_its_service_runs_has_no_participants_to_ask(ProjectStage stage) =>
        Assert.Equal([Survey.SatisfactionNeedsRunningProject], Survey.CanStartSatisfaction(stage, anotherInProgress: false).Missing);

    [Fact]
    public void One_round_at_a_time_a_draft_or_open_one_blocks_the_next()
    {
        Assert.Equal([Survey.SatisfactionInProgress], Start(Project(ProjectStage.Evaluation), out var survey, anotherInProgress: true).Missing);
        Assert.Null(survey);
    }

    [Fact]
    public void The_ready_made_questionnaire_rates_overall_and_the_four_dimensions_asks_about_coming_again_and_what_to_improve()
    {
        var survey = Started();

        Assert.Equal(
            [
                (QuestionType.Rating, SatisfactionTemplate.Overall), (QuestionType.Rating, SatisfactionTemplate.Content),
                (QuestionType.Rating, SatisfactionTemplate.Methods), (QuestionType.Rating, SatisfactionTemplate.Staff),
                (QuestionType.Rating, SatisfactionTemplate.TimeAndPlace), (QuestionType.SingleChoice, SatisfactionTemplate.JoinAgain),
                (QuestionType.LongText, SatisfactionTemplate.Improve),
            ],
            survey.Ordered.Select(q => (q.Type, q.Text.Trim('«', '»'))));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], survey.Ordered.Select(q => q.Order));
        Assert.Equal(["«Yes, I would»", "«No, I would not»", "«Not sure yet»"], survey.Ordered[5].Options.OrderBy(o => o.Order).Select(o => o.Text));
        Assert.False(survey.Ordered[6].Required);
    }

    [Fact]
    public void It_is_a_draft_of_the_project_for_its_own_community_signed_in_and_by_questionnaire_only()
    {
        var survey = Started();

        Assert.Equal((SurveyKind.Satisfaction, 14, SurveyStatus.Draft), (survey.Kind, survey.ProjectId!.Value, survey.Status));
        Assert.Equal([3], survey.Communities.Select(c => c.Id));
        Assert.False(survey.AllowAnonymous || survey.UsesInterview || survey.UsesObservation);
        Assert.True(survey.UsesQuestionnaire);
        Assert.True(survey.Open().IsPassed);
    }

    [Fact]
    public void Another_community_is_refused()
    {
        Assert.Equal([Survey.SatisfactionOwnCommunity], Start(Project(ProjectStage.Execution), out var survey, communityId: 1).Missing);
        Assert.Null(survey);
    }

    [Fact]
    public void It_does_not_open_once_made_anonymous_or_sent_to_more_communities()
    {
        var survey = Started();
        survey.AllowAnonymous = true;
        survey.UsesInterview = true;
        survey.Communities.Add(new Community { Id = 1, Name = "阳光社区" });

        Assert.Equal(
            [Survey.SatisfactionOwnCommunity, Survey.SatisfactionNotAnonymous, Survey.SatisfactionQuestionnaireOnly],
            survey.Open().Missing);
        Assert.Equal(SurveyStatus.Draft, survey.Status);
    }

    [Fact]
    public void A_community_survey_has_none_of_these_rules()
    {
        var survey = new Survey { AllowAnonymous = true, UsesInterview = true };

        Assert.True(survey.CheckSatisfactionSetup().IsPassed);
        Assert.Equal(SurveyKind.Community, survey.Kind);
    }

    [Theory]
    [InlineData(false, false, Survey.SignInToAnswer)]
    [InlineData(true, false, Survey.OnlyParticipantsAnswer)]
    [InlineData(true, true, null)]
    public void Only_a_signed_in_participant_answers_online(bool signedIn, bool tookPart, string? refusal)
    {
        var check = Started().MayAnswerOnline(signedIn, tookPart);

        Assert.Equal(refusal is null ? [] : [refusal], check.Missing);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    public void A_community_survey_asks_no_one_whether_they_took_part(bool allowAnonymous, bool signedIn, bool may) =>
        Assert.Equal(may, new Survey { AllowAnonymous = allowAnonymous }.MayAnswerOnline(signedIn, tookPart: false).IsPassed);

    [Fact]
    public void A_new_version_stays_the_projects_satisfaction_questionnaire()
    {
        var survey = Started();

        var copy = survey.NewVersion("staff", Now);

        Assert.Equal((SurveyKind.Satisfaction, 14, 7), (copy.Kind, copy.ProjectId!.Value, copy.Questions.Count));
    }

    [Fact]
    public void The_overall_question_cannot_be_removed_moved_down_or_retyped()
    {
        var survey = Started();
        var overall = survey.Ordered[0];

        Assert.Same(overall, survey.OverallQuestion);
        Assert.Equal([Survey.OverallStaysFirst], survey.RemoveQuestion(overall, hasResponses: false).Missing);
        Assert.Equal([Survey.OverallStaysFirst], survey.MoveQuestion(overall, 1).Missing);
        Assert.Equal([Survey.OverallStaysFirst], survey.ChangeQuestion(overall, QuestionType.SingleChoice, hasResponses: false).Missing);

        Assert.Equal((7, QuestionType.Rating, 1), (survey.Questions.Count, overall.Type, overall.Order));
        Assert.Same(overall, survey.Ordered[0]);
    }

    [Fact]
    public void No_question_moves_above_the_overall_one()
    {
        var survey = Started();
        var overall = survey.Ordered[0];
        var content = survey.Ordered[1];

        Assert.Equal([Survey.OverallStaysFirst], survey.MoveQuestion(content, -1).Missing);

        Assert.Equal((1, 2), (overall.Order, content.Order));
    }

    [Fact]
    public void The_overall_questions_wording_may_change_and_the_others_move_and_go_as_before()
    {
        var survey = Started();
        var overall = survey.Ordered[0];
        var (methods, improve) = (survey.Ordered[2], survey.Ordered[6]);

        ProjectBuilder.Pass(survey.ChangeQuestion(overall, QuestionType.Rating, hasResponses: false));
        overall.Text = "总体来说，您对上门康复满意吗？";
        ProjectBuilder.Pass(survey.MoveQuestion(methods, -1));
        ProjectBuilder.Pass(survey.MoveQuestion(overall, -1));
        ProjectBuilder.Pass(survey.RemoveQuestion(improve, hasResponses: false));

        Assert.Equal(["总体来说，您对上门康复满意吗？", "«" + SatisfactionTemplate.Methods + "»", "«" + SatisfactionTemplate.Content + "»"],
            survey.Ordered.Take(3).Select(q => q.Text));
        Assert.Equal(6, survey.Questions.Count);
    }

    [Fact]
    public void A_community_survey_has_no_overall_question_and_moves_its_first_question_freely()
    {
        var survey = new Survey();
        ProjectBuilder.Pass(survey.AddQuestion(new SurveyQuestion { Type = QuestionType.Rating, Text = "满意度" }));
        ProjectBuilder.Pass(survey.AddQuestion(new SurveyQuestion { Type = QuestionType.ShortText, Text = "建议" }));
        var first = survey.Ordered[0];

        Assert.Null(survey.OverallQuestion);
        ProjectBuilder.Pass(survey.MoveQuestion(first, 1));
        ProjectBuilder.Pass(survey.ChangeQuestion(first, QuestionType.Number, hasResponses: false));
        ProjectBuilder.Pass(survey.RemoveQuestion(first, hasResponses: false));
    }
}
