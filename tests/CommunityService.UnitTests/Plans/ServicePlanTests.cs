using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.UnitTests.Projects;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Plans;

public class ServicePlanTests
{
    [Fact]
    public void An_empty_plan_cannot_be_submitted_and_says_what_is_missing()
    {
        var plan = new ServicePlan { StartDate = new DateOnly(2026, 5, 1), EndDate = new DateOnly(2026, 4, 1) };

        var check = plan.Submit(Now);

        Assert.Equal([ServicePlan.NeedsPurpose, ServicePlan.NeedsObjective, ServicePlan.NeedsPlace, ServicePlan.EndBeforeStart, ServicePlan.NeedsCapacity], check.Missing);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void An_objective_without_a_target_does_not_count()
    {
        var plan = CompletePlan();
        plan.Objectives[0].TargetValue = 0;

        Assert.Equal([ServicePlan.NeedsObjective], plan.Submit(Now).Missing);
    }

    [Fact]
    public void A_complete_plan_is_submitted_then_approved()
    {
        var plan = CompletePlan();

        Pass(plan.Submit(Now));
        Assert.Equal(PlanStatus.Submitted, plan.Status);
        Assert.False(plan.IsEditable);

        Pass(plan.Approve(Manager, "同意", Now));
        Assert.Equal((PlanStatus.Approved, Manager, "同意"), (plan.Status, plan.ReviewedById, plan.ReviewComment));
    }

    [Fact]
    public void A_returned_plan_can_be_edited_and_submitted_again()
    {
        var plan = CompletePlan();
        Pass(plan.Submit(Now));

        Pass(plan.ReturnForRevision(Manager, "请补充目标", Now));
        Assert.True(plan.IsEditable);
        Pass(plan.Submit(Now));
        Assert.Equal(PlanStatus.Submitted, plan.Status);
    }

    [Fact]
    public void Returning_a_plan_needs_a_comment()
    {
        var plan = CompletePlan();
        Pass(plan.Submit(Now));

        Assert.Equal([GateMessages.ReasonRequired], plan.ReturnForRevision(Manager, "", Now).Missing);
        Assert.Equal(PlanStatus.Submitted, plan.Status);
    }

    [Fact]
    public void Only_a_submitted_plan_can_be_reviewed_and_an_approved_plan_is_frozen()
    {
        var plan = CompletePlan();
        Assert.Equal([ServicePlan.NotSubmitted], plan.Approve(Manager, "", Now).Missing);

        Pass(plan.Submit(Now));
        Pass(plan.Approve(Manager, "", Now));

        Assert.Equal([ServicePlan.NotEditable], plan.Submit(Now).Missing);
        Assert.Equal([ServicePlan.NotSubmitted], plan.ReturnForRevision(Manager, "改", Now).Missing);
    }
}

public class ServicePlanRulesTests
{
    private static readonly FeeSuggestion WelfareForElderly = FeeRules.Suggest(CommunityService.Data.Catalog.ServiceCategory.Welfare, [CommunityService.Data.Catalog.TargetGroup.Elderly]);

    [Fact]
    public void A_plan_that_departs_from_the_suggested_fee_needs_a_justification_to_be_submitted()
    {
        var plan = ProjectBuilder.CompletePlan();
        plan.FeeTier = CommunityService.Data.Catalog.FeeTier.LowCost;
        plan.FeeAmount = 8;

        Assert.Equal([ServicePlan.NeedsJustification], plan.Submit(ProjectBuilder.Now, WelfareForElderly).Missing);

        plan.FeeJustification = "只收成本费";
        Assert.True(plan.Submit(ProjectBuilder.Now, WelfareForElderly).IsPassed);
    }

    [Fact]
    public void A_facility_service_needs_a_capacity_and_a_charged_service_needs_its_fee()
    {
        var plan = ProjectBuilder.CompletePlan();
        plan.Capacity = 0;
        plan.FeeTier = CommunityService.Data.Catalog.FeeTier.Paid;
        plan.FeeAmount = 0;

        Assert.Equal([ServicePlan.NeedsCapacity, ServicePlan.NeedsFee], plan.CheckComplete().Missing);

        plan.DeliveryMode = CommunityService.Data.Catalog.DeliveryMode.AtHome;
        Assert.Equal([ServicePlan.NeedsFee], plan.CheckComplete().Missing);
    }

    [Fact]
    public void A_revision_of_an_approved_plan_is_a_new_draft_copy_and_the_approved_one_stays()
    {
        var plan = ProjectBuilder.CompletePlan();
        plan.Tasks.Add(new PlanTask { Order = 1, Text = "入户登记" });
        plan.BudgetLines.Add(new PlanBudgetLine { Item = "餐费补贴", Amount = 5000, Source = FundingSource.CommunityServiceFund });
        Assert.True(plan.Submit(ProjectBuilder.Now).IsPassed);
        Assert.True(plan.Approve(ProjectBuilder.Manager, "", ProjectBuilder.Now).IsPassed);

        var revision = plan.NewVersion();
        revision.Objectives[0].TargetValue = 250;

        Assert.Equal((2, PlanStatus.Draft, true), (revision.VersionNumber, revision.Status, revision.IsEditable));
        Assert.Equal(200, plan.Objectives[0].TargetValue);
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal(["入户登记"], revision.Tasks.Select(t => t.Text));
        Assert.Equal(5000, revision.Budget.Total);
        Assert.NotSame(plan.BudgetLines[0], revision.BudgetLines[0]);
    }
}
