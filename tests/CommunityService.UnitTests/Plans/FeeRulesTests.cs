using CommunityService.Data.Catalog;
using CommunityService.Data.Plans;

namespace CommunityService.UnitTests.Plans;

public class FeeRulesTests
{
    [Theory]
    [InlineData(ServiceCategory.Welfare, new[] { TargetGroup.Elderly }, FeeTier.Free, new[] { FeeTier.Free })]
    [InlineData(ServiceCategory.PublicBenefit, new[] { TargetGroup.AllResidents }, FeeTier.Free, new[] { FeeTier.Free, FeeTier.LowCost })]
    [InlineData(ServiceCategory.PublicBenefit, new[] { TargetGroup.AllResidents, TargetGroup.LowIncome }, FeeTier.Free, new[] { FeeTier.Free })]
    [InlineData(ServiceCategory.Commercial, new[] { TargetGroup.AllResidents }, FeeTier.LowCost, new[] { FeeTier.LowCost, FeeTier.Paid })]
    [InlineData(ServiceCategory.Commercial, new[] { TargetGroup.Elderly }, FeeTier.LowCost, new[] { FeeTier.Free, FeeTier.LowCost })]
    [InlineData(ServiceCategory.Commercial, new[] { TargetGroup.LowIncome }, FeeTier.Free, new[] { FeeTier.Free, FeeTier.LowCost })]
    public void The_suggested_tier_follows_category_and_target_groups(ServiceCategory category, TargetGroup[] groups, FeeTier suggested, FeeTier[] acceptable)
    {
        var fee = FeeRules.Suggest(category, groups);

        Assert.Equal(suggested, fee.Suggested);
        Assert.Equal(acceptable.Order(), fee.Acceptable.Order());
    }

    [Fact]
    public void A_paid_welfare_service_for_low_income_families_departs_from_the_suggestion()
    {
        Assert.True(FeeRules.Suggest(ServiceCategory.Welfare, [TargetGroup.LowIncome]).Departs(FeeTier.Paid));
        Assert.False(FeeRules.Suggest(ServiceCategory.Commercial, [TargetGroup.AllResidents]).Departs(FeeTier.Paid));
    }

    [Fact]
    public void Budget_totals_add_up_per_funding_source()
    {
        var totals = BudgetTotals.Of(
        [
            new PlanBudgetLine { Amount = 1000.50m, Source = FundingSource.StateFunding },
            new PlanBudgetLine { Amount = 200m, Source = FundingSource.Donation },
            new PlanBudgetLine { Amount = 99.50m, Source = FundingSource.StateFunding },
        ]);

        Assert.Equal(1300m, totals.Total);
        Assert.Equal(1100m, totals.BySource[FundingSource.StateFunding]);
        Assert.Equal(200m, totals.BySource[FundingSource.Donation]);
        Assert.Equal(0m, totals.BySource[FundingSource.CommunityServiceFund]);
        Assert.Equal(totals.Total, totals.BySource.Values.Sum());
    }

    [Fact]
    public void An_empty_budget_totals_zero()
    {
        var totals = BudgetTotals.Of([]);

        Assert.Equal(0m, totals.Total);
        Assert.All(totals.BySource.Values, v => Assert.Equal(0m, v));
    }
}
