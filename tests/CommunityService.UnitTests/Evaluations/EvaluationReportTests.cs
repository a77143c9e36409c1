using CommunityService.Data.Catalog;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using static CommunityService.UnitTests.Evaluations.Reports;

namespace CommunityService.UnitTests.Evaluations;

public class EvaluationReportTests
{
    private const string Manager = "manager";

    private static readonly Dictionary<EvaluationSection, string> OneComment = new() { [EvaluationSection.Objectives] = "请说明未达成的原因" };

    private static void Pass(GateCheck check) => Assert.True(check.IsPassed, string.Join("; ", check.Missing));

    [Fact]
    public void A_new_report_has_the_four_dimensions_each_objective_of_the_plan_and_each_target_group()
    {
        var plan = Plan(Objective(MeasuredBy.ServiceRecords, 200), Objective(MeasuredBy.SatisfactionSurvey, 90, "满意度"));

        var report = EvaluationReport.Start(1, EvaluationTiming.Final, plan, [TargetGroup.Elderly, TargetGroup.Disabled], "staff", Now);

        Assert.Equal(EvaluationDimensionScore.Dimensions, report.Dimensions.Select(d => d.Dimension));
        Assert.Equal(["服务人次", "满意度"], report.Objectives.Select(o => o.Indicator));
        Assert.Equal([1, 2], report.Objectives.Select(o => o.PlanObjectiveId!.Value));
        Assert.Equal([(TargetGroup.Elderly, 100), (TargetGroup.Disabled, 0)], report.Participation.Select(p => (p.Group, p.Expected)).OrderByDescending(p => p.Item2));
    }

    [Fact]
    public void Submitting_needs_means_four_scores_with_narratives_manual_actuals_a_summary_and_improvements()
    {
        var report = EvaluationReport.Start(1, EvaluationTiming.Final, Plan(Objective(MeasuredBy.Manual, 10, "入户走访")), [TargetGroup.Elderly], "staff", Now);

        Assert.Equal(
            [
                EvaluationReport.NeedsMeans, EvaluationReport.NeedsScores,
                "Say what the score for the service content rests on.", "Say what the score for the service methods rests on.",
                "Say what the score for the staff rests on.", "Say what the score for the time and place rests on.",
                EvaluationReport.NeedsManualActuals, EvaluationReport.NeedsSummary, EvaluationReport.NeedsImprovements,
            ],
            report.Submit(Facts(report.Objectives.Count > 0 ? Plan(Objective(MeasuredBy.Manual, 10, "入户走访")) : null), Now).Missing);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Submitting_freezes_the_figures_of_that_moment()
    {
        var plan = Plan(Objective(MeasuredBy.ServiceRecords, 200), Objective(MeasuredBy.Manual, 10, "入户走访"));
        var report = Complete(EvaluationTiming.Final, plan);
        report.Objectives[1].Actual = 12;

        Pass(report.Submit(Facts(plan, Figures(services: 150, people: 60), spent: [("物资", FundingSource.StateFunding, 400m)], feeIncome: 30m), Now));

        Assert.Equal([(150m, false), (12m, true)], report.Objectives.Select(o => (o.Actual!.Value, o.Achieved!.Value)));
        Assert.Equal((60, 60), (report.PeopleServed!.Value, report.Participation.Single().Served!.Value));
        var line = Assert.Single(report.BudgetLines);
        Assert.Equal(("物资", 1000m, 400m), (line.Item, line.Planned, line.Spent));
        Assert.Equal(600m, report.Budget().Sources.Single().Balance);
        Assert.Equal(30m, report.FeeIncome);
        Assert.True(report.IsFrozen);
        Assert.Equal(7, report.PlanId);
    }

    [Fact]
    public void With_several_target_groups_the_split_is_the_staffs_not_the_records()
    {
        var report = EvaluationReport.Start(1, EvaluationTiming.During, Plan(), [TargetGroup.Elderly, TargetGroup.Disabled], "staff", Now);
        report.Participation[0].Served = 25;

        report.Refresh(Facts(Plan(), Figures(people: 60), [TargetGroup.Elderly, TargetGroup.Disabled]));

        Assert.Equal([25, null], report.Participation.Select(p => p.Served));
        Assert.Equal(60, report.PeopleServed);
    }

    [Fact]
    public void A_revised_plan_keeps_the_comment_of_an_objective_that_stays_and_drops_one_that_went()
    {
        var plan = Plan(Objective(MeasuredBy.ServiceRecords, 200), Objective(MeasuredBy.SignUps, 50, "报名"));
        var report = Complete(EvaluationTiming.During, plan);
        report.Objectives[0].Comment = "进度正常";
        var revised = Plan(Objective(MeasuredBy.ServiceRecords, 360));
        revised.Objectives[0].Id = 9;

        report.SyncWith(revised, [TargetGroup.Elderly]);

        var row = Assert.Single(report.Objectives);
        Assert.Equal((9, 360m, "进度正常"), (row.PlanObjectiveId!.Value, row.Target, row.Comment));
    }

    [Fact]
    public void Returning_needs_a_comment_on_at_least_one_section_and_keeps_only_the_sections_commented()
    {
        var report = Complete(EvaluationTiming.Final);
        Pass(report.Submit(Facts(), Now));

        Assert.Equal([EvaluationReport.NeedsSectionComment],
            report.ReturnForRevision(Manager, new Dictionary<EvaluationSection, string> { [EvaluationSection.Budget] = " " }, "整体还行", Now).Missing);
        Assert.Equal(ReportStatus.Submitted, report.Status);

        Pass(report.ReturnForRevision(Manager, new Dictionary<EvaluationSection, string> { [EvaluationSection.Budget] = "", [EvaluationSection.Objectives] = " 请说明 " }, "", Now));

        Assert.Equal(ReportStatus.Returned, report.Status);
        var comment = Assert.Single(report.SectionComments);
        Assert.Equal((EvaluationSection.Objectives, "请说明"), (comment.Section, comment.Text));
        Assert.True(report.IsEditable);
        Assert.False(report.IsFrozen);
    }

    [Fact]
    public void A_second_return_replaces_the_first_ones_comments()
    {
        var report = Complete(EvaluationTiming.Final);
        Pass(report.Submit(Facts(), Now));
        Pass(report.ReturnForRevision(Manager, OneComment, "", Now));
        Pass(report.Submit(Facts(), Now));

        Pass(report.ReturnForRevision(Manager, new Dictionary<EvaluationSection, string> { [EvaluationSection.Summary] = "总结太短" }, "", Now));

        Assert.Equal([EvaluationSection.Summary], report.SectionComments.Select(c => c.Section));
    }

    [Fact]
    public void Only_a_submitted_report_is_reviewed_and_an_approved_one_cannot_change()
    {
        var report = Complete(EvaluationTiming.Final);
        Assert.Equal([EvaluationReport.NotSubmitted], report.Approve(Manager, "", Now).Missing);
        Assert.Equal([EvaluationReport.NotSubmitted], report.ReturnForRevision(Manager, OneComment, "", Now).Missing);
        Pass(report.Submit(Facts(), Now));
        Pass(report.Approve(Manager, "同意", Now));

        Assert.False(report.IsEditable);
        Assert.Equal([EvaluationReport.NotEditable], report.Submit(Facts(), Now).Missing);
        Assert.Equal([EvaluationReport.NotSubmitted], report.ReturnForRevision(Manager, OneComment, "", Now).Missing);
    }

    [Fact]
    public void A_correction_is_a_new_draft_that_refers_to_the_approved_report_and_starts_from_its_content()
    {
        var plan = Plan(Objective(MeasuredBy.ServiceRecords, 200), Objective(MeasuredBy.Manual, 10, "入户走访"));
        var report = Complete(EvaluationTiming.Final, plan);
        report.Id = 5;
        report.Objectives[1].Actual = 12;
        report.Objectives[0].Comment = "超额完成";
        report.Improvements = "增加周末场次";
        Assert.False(report.Correct("staff", Now, out _).IsPassed);
        Pass(report.Submit(Facts(plan, Figures(services: 250)), Now));
        Pass(report.Approve(Manager, "", Now));

        Pass(report.Correct("staff2", Now, out var correction));

        Assert.NotNull(correction);
        Assert.Equal((5, ReportStatus.Draft, EvaluationTiming.Final, "staff2"), (correction.CorrectsReportId!.Value, correction.Status, correction.Timing, correction.CreatedById));
        Assert.Equal((report.Summary, "增加周末场次"), (correction.Summary, correction.Improvements));
        Assert.Equal([4, 4, 4, 4], correction.Dimensions.Select(d => d.Score!.Value));
        Assert.Equal([(null, "超额完成"), (12m, "")], correction.Objectives.Select(o => (o.Actual, o.Comment)));
        Assert.Empty(correction.BudgetLines);
        Assert.Equal(ReportStatus.Approved, report.Status);
    }

    [Theory]
    [InlineData(EvaluationTiming.During, ProjectStage.Execution, true)]
    [InlineData(EvaluationTiming.During, ProjectStage.Evaluation, true)]
    [InlineData(EvaluationTiming.During, ProjectStage.Closed, false)]
    [InlineData(EvaluationTiming.Final, ProjectStage.Execution, false)]
    [InlineData(EvaluationTiming.Final, ProjectStage.Evaluation, true)]
    [InlineData(EvaluationTiming.Final, ProjectStage.Closed, false)]
    [InlineData(EvaluationTiming.FollowUp, ProjectStage.Evaluation, false)]
    [InlineData(EvaluationTiming.FollowUp, ProjectStage.Closed, true)]
    public void Each_kind_of_evaluation_has_its_stages(EvaluationTiming timing, ProjectStage stage, bool allowed)
    {
        Assert.Equal(allowed, EvaluationReport.CanStart(timing, stage, finalInProgress: false).IsPassed);
    }

    [Theory]
    [InlineData(EvaluationTiming.During, ProjectStage.Execution, true)]
    [InlineData(EvaluationTiming.During, ProjectStage.Evaluation, true)]
    [InlineData(EvaluationTiming.During, ProjectStage.Closed, false)]
    [InlineData(EvaluationTiming.During, ProjectStage.Cancelled, false)]
    [InlineData(EvaluationTiming.Final, ProjectStage.Evaluation, true)]
    [InlineData(EvaluationTiming.Final, ProjectStage.Closed, false)]
    [InlineData(EvaluationTiming.FollowUp, ProjectStage.Closed, true)]
    public void A_report_is_submitted_only_while_the_project_is_in_its_stages(EvaluationTiming timing, ProjectStage stage, bool allowed)
    {
        var check = EvaluationReport.CanSubmitIn(timing, stage);

        Assert.Equal(allowed, check.IsPassed);
        Assert.Equal(allowed ? [] : [EvaluationReport.StageMovedOn], check.Missing);
    }

    [Fact]
    public void A_project_before_execution_has_nothing_to_evaluate_and_one_final_report_is_in_progress_at_a_time()
    {
        Assert.Equal([EvaluationReport.NotInExecution], EvaluationReport.CanStart(EvaluationTiming.During, ProjectStage.Publicity, false).Missing);
        Assert.Equal([EvaluationReport.FinalInProgress], EvaluationReport.CanStart(EvaluationTiming.Final, ProjectStage.Evaluation, true).Missing);
        Assert.True(EvaluationReport.CanStart(EvaluationTiming.During, ProjectStage.Evaluation, true).IsPassed);
    }

    [Fact]
    public void A_dimension_without_its_narrative_is_named_and_blank_improvements_are_missing()
    {
        var report = Complete(EvaluationTiming.During);
        report.Dimensions.Single(d => d.Dimension == EvaluationSection.Staff).Narrative = "  ";
        report.Improvements = " ";

        Assert.Equal(
            [EvaluationReport.NeedsNarrative[EvaluationSection.Staff], EvaluationReport.NeedsImprovements],
            report.Submit(Facts(), Now).Missing);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }
}
