using CommunityService.Data.Catalog;

namespace CommunityService.Data.Plans;

/// <summary>The fee tier a plan is expected to take, and the tiers that need no justification.</summary>
public sealed record FeeSuggestion(FeeTier Suggested, IReadOnlySet<FeeTier> Acceptable)
{
    public bool Departs(FeeTier chosen) => !Acceptable.Contains(chosen);
}

/// <summary>
/// 无偿 / 低偿 / 有偿 (DOMAIN.md): welfare services for special groups are free; public-benefit services for all
/// residents are free or low-cost; ordinary commercial services may charge a modest fee and high-standard
/// lifestyle services are paid. A service aimed at special groups never suggests a full fee, and one aimed at
/// low-income families suggests no fee at all.
/// </summary>
public static class FeeRules
{
    private static readonly TargetGroup[] SpecialGroups =
        [TargetGroup.Elderly, TargetGroup.Disabled, TargetGroup.LowIncome, TargetGroup.Children, TargetGroup.InDifficulty];

    public static FeeSuggestion Suggest(ServiceCategory category, IEnumerable<TargetGroup> groups)
    {
        var set = groups.ToHashSet();
        var lowIncome = set.Contains(TargetGroup.LowIncome);
        var special = set.Overlaps(SpecialGroups);
        return category switch
        {
            ServiceCategory.Welfare => new(FeeTier.Free, new HashSet<FeeTier> { FeeTier.Free }),
            ServiceCategory.PublicBenefit when lowIncome => new(FeeTier.Free, new HashSet<FeeTier> { FeeTier.Free }),
            ServiceCategory.PublicBenefit => new(FeeTier.Free, new HashSet<FeeTier> { FeeTier.Free, FeeTier.LowCost }),
            _ when lowIncome => new(FeeTier.Free, new HashSet<FeeTier> { FeeTier.Free, FeeTier.LowCost }),
            _ when special => new(FeeTier.LowCost, new HashSet<FeeTier> { FeeTier.Free, FeeTier.LowCost }),
            _ => new(FeeTier.LowCost, new HashSet<FeeTier> { FeeTier.LowCost, FeeTier.Paid }),
        };
    }
}
