namespace CommunityService.Data.Catalog;

/// <summary>The three fixed categories of 社区服务 (DOMAIN.md).</summary>
public enum ServiceCategory
{
    Welfare,
    PublicBenefit,
    Commercial,
}

public enum TargetGroup
{
    Elderly,
    Disabled,
    LowIncome,
    Children,
    Youth,
    InDifficulty,
    AllResidents,
}

public enum FeeTier
{
    Free,
    LowCost,
    Paid,
}

public enum DeliveryMode
{
    AtFacility,
    AtHome,
    Both,
}
