using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Projects;

public class StageGateTests
{
    [Fact]
    public void A_new_project_starts_in_the_survey_stage()
    {
        var project = new ServiceProject();

        Assert.Equal(ProjectStage.Survey, project.Stage);
        Assert.Equal(ProjectStage.Decision, project.NextStage);
    }

    [Fact]
    public void Survey_to_decision_needs_a_linked_need_finding()
    {
        var project = At(ProjectStage.Survey);

        var check = project.AdvanceTo(ProjectStage.Decision, Staff, "", Now);

        Assert.Equal([GateMessages.NeedsLinkedNeed], check.Missing);
        Assert.Equal(ProjectStage.Survey, project.Stage);
        Assert.Empty(project.StageHistory);
    }

    [Fact]
    public void Survey_to_decision_passes_with_a_need_and_is_recorded_in_the_history()
    {
        var project = At(ProjectStage.Survey);
        WithNeed(project);

        var check = project.AdvanceTo(ProjectStage.Decision, Staff, "调查完成", Now);

        Assert.True(check.IsPassed);
        Assert.Equal(ProjectStage.Decision, project.Stage);
        var change = Assert.Single(project.StageHistory);
        Assert.Equal((ProjectStage.Survey, ProjectStage.Decision, Staff, "调查完成", Now), (change.From, change.To, change.ActorId, change.Reason, change.At));
    }

    [Fact]
    public void Decision_to_plan_needs_a_managers_approval()
    {
        var project = At(ProjectStage.Decision);

        Assert.Equal([GateMessages.NeedsApprovedDecision], project.AdvanceTo(ProjectStage.Plan, Staff, "", Now).Missing);
        Assert.Equal(ProjectStage.Decision, project.Stage);
    }

    [Fact]
    public void Approving_the_decision_moves_the_project_to_plan()
    {
        var project = At(ProjectStage.Decision);

        var check = project.Decide(DecisionOutcome.Approve, "需求明确", Manager, Now);

        Assert.True(check.IsPassed);
        Assert.Equal(ProjectStage.Plan, project.Stage);
        Assert.Equal("需求明确", Assert.Single(project.Decisions).Reason);
    }

    [Fact]
    public void Rejecting_the_decision_ends_the_project_as_rejected()
    {
        var project = At(ProjectStage.Decision);

        project.Decide(DecisionOutcome.Reject, "已有同类服务", Manager, Now);

        Assert.Equal(ProjectStage.Rejected, project.Stage);
        Assert.Equal(GateMessages.ProjectFinished, Assert.Single(project.CheckGate(ProjectStage.Plan).Missing));
    }

    [Fact]
    public void Sending_the_decision_back_keeps_the_project_in_decision_with_the_reason_recorded()
    {
        var project = At(ProjectStage.Decision);

        project.Decide(DecisionOutcome.SendBack, "请补充预算", Manager, Now);

        Assert.Equal(ProjectStage.Decision, project.Stage);
        Assert.Equal(DecisionOutcome.SendBack, project.LatestDecision!.Outcome);
        Assert.Equal([GateMessages.NeedsApprovedDecision], project.CheckGate(ProjectStage.Plan).Missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_decision_needs_a_reason(string reason)
    {
        var project = At(ProjectStage.Decision);

        var check = project.Decide(DecisionOutcome.Approve, reason, Manager, Now);

        Assert.Equal([GateMessages.ReasonRequired], check.Missing);
        Assert.Empty(project.Decisions);
        Assert.Equal(ProjectStage.Decision, project.Stage);
    }

    [Fact]
    public void A_decision_outside_the_decision_stage_is_refused()
    {
        var project = At(ProjectStage.Plan);

        Assert.Equal([GateMessages.DecisionOnlyInDecisionStage], project.Decide(DecisionOutcome.Reject, "不行", Manager, Now).Missing);
        Assert.Equal(ProjectStage.Plan, project.Stage);
    }

    [Fact]
    public void Plan_to_publicity_needs_an_approved_plan_and_a_published_notice()
    {
        var project = At(ProjectStage.Plan);

        Assert.Equal([GateMessages.NeedsApprovedPlan, GateMessages.NeedsPublishedNotice], project.CheckGate(ProjectStage.Publicity).Missing);

        WithApprovedPlan(project);
        Assert.Equal([GateMessages.NeedsPublishedNotice], project.CheckGate(ProjectStage.Publicity).Missing);

        WithPublishedNotice(project);
        Assert.True(project.AdvanceTo(ProjectStage.Publicity, Staff, "", Now).IsPassed);
    }

    [Fact]
    public void A_submitted_but_unapproved_plan_does_not_open_publicity()
    {
        var project = At(ProjectStage.Plan);
        var plan = CompletePlan();
        Pass(plan.Submit(Now));
        project.Plans.Add(plan);
        WithPublishedNotice(project);

        Assert.Equal([GateMessages.NeedsApprovedPlan], project.CheckGate(ProjectStage.Publicity).Missing);
    }

    [Fact]
    public void A_draft_or_withdrawn_notice_does_not_count_as_published()
    {
        var project = At(ProjectStage.Plan);
        WithApprovedPlan(project);
        var withdrawn = new Notice();
        withdrawn.Publish(Now);
        withdrawn.Withdraw(Now);
        project.Notices.AddRange([new Notice(), withdrawn]);

        Assert.Equal([GateMessages.NeedsPublishedNotice], project.CheckGate(ProjectStage.Publicity).Missing);
    }

    [Fact]
    public void Publicity_to_execution_needs_a_published_notice()
    {
        var project = At(ProjectStage.Publicity);
        project.Notices.Single().Withdraw(Now);

        Assert.Equal([GateMessages.NeedsPublishedNotice], project.CheckGate(ProjectStage.Execution).Missing);
    }

    [Fact]
    public void Execution_to_evaluation_needs_a_service_record()
    {
        var project = At(ProjectStage.Execution);

        Assert.Equal([GateMessages.NeedsServiceRecord], project.CheckGate(ProjectStage.Evaluation).Missing);

        project.Records.Add(new ServiceRecord());
        Assert.True(project.CheckGate(ProjectStage.Evaluation).IsPassed);
    }

    [Fact]
    public void Evaluation_to_closed_needs_an_approved_final_evaluation()
    {
        var project = At(ProjectStage.Evaluation);
        var during = Evaluations.Reports.Complete(EvaluationTiming.During);
        Pass(during.Submit(Evaluations.Reports.Facts(), Now));
        Pass(during.Approve(Manager, "", Now));
        var final = Evaluations.Reports.Complete(EvaluationTiming.Final);
        Pass(final.Submit(Evaluations.Reports.Facts(), Now));
        project.Evaluations.AddRange([during, final]);

        Assert.Equal([GateMessages.NeedsApprovedFinalEvaluation], project.CheckGate(ProjectStage.Closed).Missing);

        Pass(final.Approve(Manager, "", Now));
        Assert.True(project.AdvanceTo(ProjectStage.Closed, Manager, "", Now).IsPassed);
        Assert.Equal(ProjectStage.Closed, project.Stage);
    }

    [Fact]
    public void A_project_walked_through_every_stage_has_one_history_line_per_move()
    {
        var project = At(ProjectStage.Closed);

        Assert.Equal(
            ProjectStages.Pipeline.Skip(1),
            project.StageHistory.Select(s => s.To));
    }

    [Theory]
    [InlineData(ProjectStage.Survey, ProjectStage.Plan)]
    [InlineData(ProjectStage.Decision, ProjectStage.Publicity)]
    [InlineData(ProjectStage.Execution, ProjectStage.Closed)]
    [InlineData(ProjectStage.Publicity, ProjectStage.Plan)]
    [InlineData(ProjectStage.Plan, ProjectStage.Rejected)]
    public void A_project_cannot_skip_or_go_back_a_stage(ProjectStage from, ProjectStage to)
    {
        var project = At(from);

        Assert.Equal([GateMessages.NotNextStage], project.AdvanceTo(to, Staff, "", Now).Missing);
        Assert.Equal(from, project.Stage);
    }

    [Theory]
    [InlineData(ProjectStage.Closed)]
    [InlineData(ProjectStage.Rejected)]
    [InlineData(ProjectStage.Cancelled)]
    public void A_finished_project_has_no_next_stage(ProjectStage stage)
    {
        Assert.Null(stage.Next());
        Assert.True(stage.IsFinished());
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_ends_the_project()
    {
        var project = At(ProjectStage.Execution);

        Assert.Equal([GateMessages.ReasonRequired], project.Cancel(" ", Manager, Now).Missing);
        Assert.True(project.Cancel("经费取消", Manager, Now).IsPassed);
        Assert.Equal(ProjectStage.Cancelled, project.Stage);
        Assert.Equal([GateMessages.ProjectFinished], project.Cancel("再次", Manager, Now).Missing);
    }
}
