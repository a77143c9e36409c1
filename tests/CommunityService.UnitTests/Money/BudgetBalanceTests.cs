using CommunityService.Data.Catalog;
using CommunityService.Data.Money;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;

namespace CommunityService.UnitTests.Money;

public class BudgetBalanceTests
{
    private static readonly PlanBudgetLine[] Plan =
    [
        new() { Item = "物资与耗材", Amount = 6000m, Source = FundingSource.StateFunding },
        new() { Item = "志愿者交通与餐费补贴", Amount = 2400m, Source = FundingSource.CommunityServiceFund },
        new() { Item = "宣传品印制", Amount = 800m, Source = FundingSource.Donation },
        new() { Item = "康复器材租赁", Amount = 3000m, Source = FundingSource.Donation },
    ];

    [Fact]
    public void Each_line_shows_planned_spent_and_what_is_left()
    {
        var balance = BudgetBalance.Of(Plan,
            [("物资与耗材", FundingSource.StateFunding, 1250.50m), ("物资与耗材", FundingSource.StateFunding, 749.50m), ("宣传品印制", FundingSource.Donation, 300m)], 0m);

        var supplies = balance.Line("物资与耗材", FundingSource.StateFunding)!;
        Assert.Equal((6000m, 2000m, 4000m, false), (supplies.Planned, supplies.Spent, supplies.Balance, supplies.IsOverBudget));
        var untouched = balance.Line("志愿者交通与餐费补贴", FundingSource.CommunityServiceFund)!;
        Assert.Equal((2400m, 0m, 2400m), (untouched.Planned, untouched.Spent, untouched.Balance));
        Assert.Equal(["物资与耗材", "志愿者交通与餐费补贴", "宣传品印制", "康复器材租赁"], balance.Lines.Select(l => l.Item));
        Assert.Equal((12200m, 2300m, 9900m), (balance.Planned, balance.Spent, balance.Balance));
    }

    [Fact]
    public void Funding_sources_add_up_their_lines()
    {
        var balance = BudgetBalance.Of(Plan, [("宣传品印制", FundingSource.Donation, 900m), ("康复器材租赁", FundingSource.Donation, 1500m)], 0m);

        var donation = balance.Sources.Single(s => s.Source == FundingSource.Donation);
        Assert.Equal((3800m, 2400m, 1400m, false), (donation.Planned, donation.Spent, donation.Balance, donation.IsOverBudget));
        Assert.Equal([FundingSource.StateFunding, FundingSource.Donation, FundingSource.CommunityServiceFund], balance.Sources.Select(s => s.Source));
        Assert.Equal(balance.Planned, balance.Sources.Sum(s => s.Planned));
    }

    [Fact]
    public void A_line_spent_past_its_budget_is_over_with_a_negative_balance()
    {
        var balance = BudgetBalance.Of(Plan, [("宣传品印制", FundingSource.Donation, 800.01m)], 0m);

        var printing = balance.Line("宣传品印制", FundingSource.Donation)!;
        Assert.True(printing.IsOverBudget);
        Assert.Equal(-0.01m, printing.Balance);
        Assert.False(balance.Sources.Single(s => s.Source == FundingSource.Donation).IsOverBudget);
        Assert.False(balance.IsOverBudget);
    }

    [Fact]
    public void A_line_spent_exactly_to_its_budget_is_not_over()
    {
        var line = BudgetBalance.Of(Plan, [("宣传品印制", FundingSource.Donation, 800m)], 0m).Line("宣传品印制", FundingSource.Donation)!;

        Assert.False(line.IsOverBudget);
        Assert.Equal(0m, line.Balance);
    }

    [Fact]
    public void Spending_on_an_item_the_revised_plan_dropped_stays_as_an_unplanned_line()
    {
        var balance = BudgetBalance.Of(Plan, [("场地租金", FundingSource.StateFunding, 500m), ("宣传品印制", FundingSource.StateFunding, 120m)], 0m);

        var rent = balance.Line("场地租金", FundingSource.StateFunding)!;
        Assert.Equal((0m, 500m, -500m, true, false), (rent.Planned, rent.Spent, rent.Balance, rent.IsOverBudget, rent.InPlan));
        // Same item, other source: not the planned line either.
        Assert.False(balance.Line("宣传品印制", FundingSource.StateFunding)!.InPlan);
        Assert.Equal(0m, balance.Line("宣传品印制", FundingSource.Donation)!.Spent);
        Assert.Equal(["场地租金", "宣传品印制"], balance.Lines.Where(l => !l.InPlan).Select(l => l.Item));
        var state = balance.Sources.Single(s => s.Source == FundingSource.StateFunding);
        Assert.Equal((6000m, 620m), (state.Planned, state.Spent));
        Assert.Equal(620m, balance.Spent);
    }

    [Fact]
    public void An_empty_plan_with_no_spending_is_all_zero()
    {
        var balance = BudgetBalance.Of([], [], 0m);

        Assert.Empty(balance.Lines);
        Assert.Empty(balance.Sources);
        Assert.Equal((0m, 0m, 0m, false), (balance.Planned, balance.Spent, balance.Balance, balance.IsOverBudget));
    }

    [Fact]
    public void Spending_without_a_plan_is_all_over_budget()
    {
        var balance = BudgetBalance.Of([], [("物资与耗材", FundingSource.StateFunding, 10m)], 0m);

        Assert.True(balance.IsOverBudget);
        Assert.Equal(-10m, balance.Balance);
        Assert.True(balance.Sources.Single().IsOverBudget);
    }

    [Fact]
    public void Fee_income_is_set_against_what_lines_funded_by_fees_spent()
    {
        PlanBudgetLine[] plan = [new() { Item = "教材", Amount = 1500m, Source = FundingSource.PaidServiceIncome }, new() { Item = "场地", Amount = 500m, Source = FundingSource.StateFunding }];

        var balance = BudgetBalance.Of(plan, [("教材", FundingSource.PaidServiceIncome, 1200m), ("场地", FundingSource.StateFunding, 400m)], 2000m);

        Assert.Equal((2000m, 1200m, 800m), (balance.FeeIncome, balance.SpentFromFeeIncome, balance.FeeIncomeLeft));
        var spentMore = BudgetBalance.Of(plan, [("教材", FundingSource.PaidServiceIncome, 1200m)], 1000m);
        Assert.Equal(-200m, spentMore.FeeIncomeLeft);
    }

    [Fact]
    public void Item_names_match_without_surrounding_spaces()
    {
        var balance = BudgetBalance.Of(Plan, [(" 宣传品印制 ", FundingSource.Donation, 100m)], 0m);

        Assert.Equal(100m, balance.Line("宣传品印制", FundingSource.Donation)!.Spent);
        Assert.All(balance.Lines, l => Assert.True(l.InPlan));
    }
}

public class MoneyRulesTests
{
    [Theory]
    [InlineData(ProjectStage.Execution, true, null)]
    [InlineData(ProjectStage.Publicity, true, null)]
    [InlineData(ProjectStage.Execution, false, MoneyRules.NoApprovedPlan)]
    [InlineData(ProjectStage.Closed, true, MoneyRules.ProjectFinished)]
    [InlineData(ProjectStage.Cancelled, true, MoneyRules.ProjectFinished)]
    [InlineData(ProjectStage.Rejected, false, MoneyRules.ProjectFinished)]
    public void Spending_changes_only_while_a_project_runs_on_an_approved_plan(ProjectStage stage, bool approved, string? refusal)
    {
        var check = MoneyRules.CanChangeSpending(stage, approved);

        Assert.Equal(refusal is null ? [] : [refusal], check.Missing);
    }

    [Theory]
    [InlineData(FeeTier.LowCost, null)]
    [InlineData(FeeTier.Paid, null)]
    [InlineData(FeeTier.Free, MoneyRules.FreeService)]
    [InlineData(null, MoneyRules.NoApprovedPlan)]
    public void Fee_income_is_only_for_services_that_charge(FeeTier? tier, string? refusal)
    {
        Assert.Equal(refusal is null ? [] : [refusal], MoneyRules.CanChangeFeeIncome(ProjectStage.Execution, tier).Missing);
    }

    [Fact]
    public void A_date_lies_between_the_projects_creation_and_today()
    {
        var created = new DateOnly(2026, 3, 1);
        var today = new DateOnly(2026, 6, 15);

        Assert.Null(MoneyRules.CheckDate(created, created, today));
        Assert.Null(MoneyRules.CheckDate(today, created, today));
        Assert.Equal(MoneyRules.DateInFuture, MoneyRules.CheckDate(today.AddDays(1), created, today));
        Assert.Equal(MoneyRules.DateBeforeProject, MoneyRules.CheckDate(created.AddDays(-1), created, today));
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("12.5", true)]
    [InlineData("12.50", true)]
    [InlineData("12.505", false)]
    [InlineData("0.001", false)]
    public void Amounts_have_at_most_two_decimals(string amount, bool ok) =>
        Assert.Equal(ok, MoneyRules.HasAtMostTwoDecimals(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
