using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Execution;

public class PlanAdjustmentTests
{
    private static PlanAdjustment Budget() => new() { ChangesBudget = true, WhatChanged = "增加餐具经费", Why = "就餐人数增加" };

    private static PlanAdjustment Schedule() => new() { ChangesSchedule = true, WhatChanged = "改为每周二、四", Why = "场地冲突" };

    [Fact]
    public void A_change_of_schedule_is_recorded_at_once_without_a_new_plan_version()
    {
        var project = At(ProjectStage.Execution);
        var adjustment = Schedule();

        Pass(adjustment.Start(project, Staff, Now));

        Assert.Equal(AdjustmentStatus.Recorded, adjustment.Status);
        Assert.False(adjustment.NeedsApproval);
        Assert.Null(adjustment.ResultingPlan);
        Assert.Single(project.Plans);
    }

    [Fact]
    public void A_change_of_budget_starts_a_draft_copy_of_the_approved_plan()
    {
        var project = At(ProjectStage.Execution);
        var approved = project.ApprovedPlan!;
        var adjustment = Budget();

        Pass(adjustment.Start(project, Staff, Now));

        Assert.Equal(AdjustmentStatus.Draft, adjustment.Status);
        var draft = Assert.IsType<ServicePlan>(adjustment.ResultingPlan);
        Assert.Equal((PlanStatus.Draft, 2), (draft.Status, draft.VersionNumber));
        Assert.Same(draft, project.CurrentPlan);
        Assert.Same(approved, project.ApprovedPlan);
    }

    [Theory]
    [InlineData(ProjectStage.Plan)]
    [InlineData(ProjectStage.Evaluation)]
    [InlineData(ProjectStage.Closed)]
    public void A_project_that_is_not_running_takes_no_adjustment(ProjectStage stage)
    {
        var check = Schedule().Start(At(stage), Staff, Now);

        Assert.Equal([PlanAdjustment.OnlyWhileRunning], check.Missing);
    }

    [Fact]
    public void A_project_in_publicity_can_be_adjusted()
    {
        Pass(Schedule().Start(At(ProjectStage.Publicity), Staff, Now));
    }

    [Fact]
    public void An_adjustment_must_say_what_changes()
    {
        var check = new PlanAdjustment { WhatChanged = "x", Why = "y" }.Start(At(ProjectStage.Execution), Staff, Now);

        Assert.Equal([PlanAdjustment.NeedsWhatChanges], check.Missing);
    }

    [Fact]
    public void Only_one_change_of_the_plan_is_open_at_a_time_but_recorded_changes_go_on()
    {
        var project = At(ProjectStage.Execution);
        Pass(Budget().Start(project, Staff, Now));

        var second = Budget().Start(project, Staff, Now);

        Assert.Equal([PlanAdjustment.OneChangeAtATime], second.Missing);
        Pass(Schedule().Start(project, Staff, Now));
    }

    [Fact]
    public void A_new_version_that_changes_neither_objectives_nor_budget_cannot_be_submitted()
    {
        var project = At(ProjectStage.Execution);
        var adjustment = Budget();
        Pass(adjustment.Start(project, Staff, Now));
        adjustment.ResultingPlan!.Place = "新食堂";

        var check = adjustment.Submit(project.ApprovedPlan!, adjustment.ResultingPlan, Now);

        Assert.Equal([PlanAdjustment.NoPlanChange], check.Missing);
        Assert.Equal(AdjustmentStatus.Draft, adjustment.Status);
        Assert.Equal(PlanStatus.Draft, adjustment.ResultingPlan.Status);
    }

    [Fact]
    public void Submitting_submits_the_plan_version_and_ticks_what_it_really_changes()
    {
        var project = At(ProjectStage.Execution);
        var adjustment = Budget();
        Pass(adjustment.Start(project, Staff, Now));
        adjustment.ResultingPlan!.Objectives[0].TargetValue = 260;

        Pass(adjustment.Submit(project.ApprovedPlan!, adjustment.ResultingPlan, Now));

        Assert.Equal(AdjustmentStatus.Submitted, adjustment.Status);
        Assert.Equal(PlanStatus.Submitted, adjustment.ResultingPlan.Status);
        Assert.True(adjustment.ChangesObjectives);
    }

    [Fact]
    public void Reordering_budget_lines_is_no_change()
    {
        var before = new ServicePlan { BudgetLines = [new() { Item = "餐具", Amount = 100 }, new() { Item = "食材", Amount = 900 }] };
        var after = new ServicePlan { BudgetLines = [new() { Item = "食材", Amount = 900 }, new() { Item = "餐具", Amount = 100 }] };

        Assert.False(PlanAdjustment.BudgetDiffers(before, after));
        after.BudgetLines[0].Amount = 950;
        Assert.True(PlanAdjustment.BudgetDiffers(before, after));
    }

    [Fact]
    public void Approving_puts_the_new_version_in_force()
    {
        var (project, adjustment) = Submitted();

        Pass(adjustment.Approve(adjustment.ResultingPlan!, Manager, "同意", Now));

        Assert.Equal(AdjustmentStatus.Approved, adjustment.Status);
        Assert.Same(adjustment.ResultingPlan, project.ApprovedPlan);
        Assert.Equal((Manager, "同意"), (adjustment.ReviewedById, adjustment.ReviewComment));
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_lets_go_of_the_plan_version()
    {
        var (_, adjustment) = Submitted();
        var draft = adjustment.ResultingPlan!;

        Assert.Equal([GateMessages.ReasonRequired], adjustment.Reject(draft, Manager, " ", Now).Missing);
        Pass(adjustment.Reject(draft, Manager, "经费不足", Now));

        Assert.Equal(AdjustmentStatus.Rejected, adjustment.Status);
        Assert.Null(adjustment.ResultingPlan);
        Assert.Equal(PlanStatus.Submitted, draft.Status);
    }

    [Fact]
    public void Only_a_submitted_adjustment_is_reviewed_and_only_a_draft_one_withdrawn()
    {
        var project = At(ProjectStage.Execution);
        var adjustment = Budget();
        Pass(adjustment.Start(project, Staff, Now));

        Assert.Equal([PlanAdjustment.NotSubmitted], adjustment.Approve(adjustment.ResultingPlan!, Manager, "", Now).Missing);
        Pass(adjustment.Withdraw());
        Assert.Equal(AdjustmentStatus.Withdrawn, adjustment.Status);
        Assert.Equal([PlanAdjustment.NotDraft], adjustment.Withdraw().Missing);
    }

    [Fact]
    public void An_adjustment_cannot_approve_a_plan_version_it_did_not_write()
    {
        var (project, adjustment) = Submitted();

        var check = adjustment.Approve(project.Plans[0], Manager, "", Now);

        Assert.Equal([PlanAdjustment.NotSubmitted], check.Missing);
    }

    private static (ServiceProject Project, PlanAdjustment Adjustment) Submitted()
    {
        var project = At(ProjectStage.Execution);
        var adjustment = Budget();
        Pass(adjustment.Start(project, Staff, Now));
        adjustment.ResultingPlan!.BudgetLines.Add(new PlanBudgetLine { Item = "餐具", Amount = 800, Source = FundingSource.Donation });
        Pass(adjustment.Submit(project.ApprovedPlan!, adjustment.ResultingPlan, Now));
        return (project, adjustment);
    }
}
