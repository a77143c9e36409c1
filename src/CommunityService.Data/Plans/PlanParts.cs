using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;

namespace CommunityService.Data.Plans;

public enum FundingSource
{
    StateFunding,
    Donation,
    PaidServiceIncome,
    CommunityServiceFund,
}

/// <summary>Where an objective's actual figure comes from. Stored by name, so values may be added without a migration.</summary>
public enum MeasuredBy
{
    /// <summary>服务人次: services delivered (one record each).</summary>
    ServiceRecords,

    /// <summary>Sign-ups holding a place.</summary>
    SignUps,

    /// <summary>满意率: the share of residents' ratings that are 4 or 5, in percent.</summary>
    SatisfactionSurvey,

    /// <summary>Counted by hand in the evaluation: no figure from the records.</summary>
    Manual,

    /// <summary>服务人数: different people served.</summary>
    PeopleServed,

    /// <summary>Sessions held (started, not cancelled).</summary>
    SessionsHeld,

    /// <summary>Hours of service delivered (the records' durations).</summary>
    ServiceHours,

    /// <summary>Volunteers' confirmed hours.</summary>
    VolunteerHours,
}

/// <summary>任务: one task of the plan, in order.</summary>
public class PlanTask
{
    public const int TextMaxLength = 300;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>对象: a target group the plan serves and how many people of it are expected.</summary>
public class PlanBeneficiary
{
    public int PlanId { get; set; }
    public TargetGroup Group { get; set; }
    public int ExpectedNumber { get; set; }
}

/// <summary>A budget line: what the money is for, how much, and where it comes from.</summary>
public class PlanBudgetLine
{
    public const int ItemMaxLength = 100;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Item { get; set; } = "";
    public decimal Amount { get; set; }
    public FundingSource Source { get; set; }
}

/// <summary>A venue the plan uses: the center's own or a stationed unit's (驻社区单位).</summary>
public class PlanVenue
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Name { get; set; } = "";
    public VenueOwner Owner { get; set; }
    public string UnitName { get; set; } = "";
}

/// <summary>服务人员: a staff or volunteer role and how many people fill it.</summary>
public class PlanStaffRole
{
    public const int RoleMaxLength = 100;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Role { get; set; } = "";
    public int Count { get; set; }
    public bool IsVolunteer { get; set; }
}

public sealed record BudgetTotals(decimal Total, IReadOnlyDictionary<FundingSource, decimal> BySource)
{
    /// <summary>The one place budget totals are computed: the plan page, the print and the approval all use it.</summary>
    public static BudgetTotals Of(IEnumerable<PlanBudgetLine> lines)
    {
        var list = lines.ToList();
        var bySource = Enum.GetValues<FundingSource>().ToDictionary(s => s, s => list.Where(l => l.Source == s).Sum(l => l.Amount));
        return new BudgetTotals(list.Sum(l => l.Amount), bySource);
    }
}
