using CommunityService.Data.Catalog;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;

namespace CommunityService.UnitTests.Evaluations;

/// <summary>Reports and facts for the tests: a report ready to submit, and figures as the records would give them.</summary>
public static class Reports
{
    public static readonly DateTime Now = new(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc);

    public static ProjectFigures Figures(int services = 0, int people = 0, int ratings = 0, int satisfied = 0) =>
        ProjectFigures.None with { ServicesDelivered = services, PeopleServed = people, Ratings = ratings, SatisfiedRatings = satisfied };

    public static EvaluationFacts Facts(ServicePlan? plan = null, ProjectFigures? figures = null, IReadOnlyCollection<TargetGroup>? groups = null,
        IEnumerable<(string Item, FundingSource Source, decimal Spent)>? spent = null, decimal feeIncome = 0m)
    {
        var budget = BudgetBalance.Of(plan?.BudgetLines ?? [], spent ?? [], feeIncome);
        return new EvaluationFacts(plan, groups ?? [TargetGroup.Elderly], figures ?? ProjectFigures.None, new BudgetFacts(budget.Lines, feeIncome));
    }

    public static ServicePlan Plan(params PlanObjective[] objectives)
    {
        var id = 1;
        foreach (var o in objectives)
        {
            o.Id = id++;
        }
        return new ServicePlan
        {
            Id = 7, Objectives = objectives.ToList(),
            Beneficiaries = [new PlanBeneficiary { Group = TargetGroup.Elderly, ExpectedNumber = 100 }],
            BudgetLines = [new PlanBudgetLine { Item = "物资", Amount = 1000m, Source = FundingSource.StateFunding }],
        };
    }

    public static PlanObjective Objective(MeasuredBy measure, decimal target, string indicator = "服务人次") =>
        new() { Indicator = indicator, TargetValue = target, Unit = "人次", MeasuredBy = measure };

    /// <summary>A draft with means, four scores with what they rest on, a summary and the improvements: nothing missing.</summary>
    public static EvaluationReport Complete(EvaluationTiming timing, ServicePlan? plan = null)
    {
        var report = EvaluationReport.Start(1, timing, plan, [TargetGroup.Elderly], "staff", Now);
        report.ByInterview = true;
        foreach (var d in report.Dimensions)
        {
            (d.Score, d.Narrative) = (4, "按计划完成");
        }
        report.Summary = "目标达成";
        report.Improvements = "增加周末场次";
        return report;
    }
}
