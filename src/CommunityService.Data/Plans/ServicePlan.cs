using CommunityService.Data.Catalog;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Plans;

public enum PlanStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>服务计划书: the plan of a project. Staff write and submit it; a manager approves or returns it.</summary>
public class ServicePlan : IVersioned
{
    public const int PurposeMaxLength = 2000;
    public const int TextMaxLength = 500;
    public const int CommentMaxLength = 1000;

    public const string NeedsPurpose = "The plan needs a purpose.";
    public const string NeedsObjective = "The plan needs at least one objective with a target.";
    public const string NeedsPlace = "The plan needs a place.";
    public const string EndBeforeStart = "The end date must be after the start date.";
    public const string NotEditable = "Only a draft or returned plan can be changed.";
    public const string NotSubmitted = "Only a submitted plan can be approved or returned.";

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public int VersionNumber { get; set; } = 1;
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;
    public string Purpose { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string SessionPattern { get; set; } = "";
    public string Place { get; set; } = "";
    public FeeTier FeeTier { get; set; }
    public decimal FeeAmount { get; set; }
    public DeliveryMode DeliveryMode { get; set; }
    public int Capacity { get; set; }
    public List<PlanObjective> Objectives { get; set; } = [];
    public DateTime? SubmittedAt { get; private set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string ReviewComment { get; private set; } = "";
    public int Version { get; set; }

    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Returned;

    public GateCheck CheckComplete()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            missing.Add(NeedsPurpose);
        }
        if (!Objectives.Any(o => !string.IsNullOrWhiteSpace(o.Indicator) && o.TargetValue > 0))
        {
            missing.Add(NeedsObjective);
        }
        if (string.IsNullOrWhiteSpace(Place))
        {
            missing.Add(NeedsPlace);
        }
        if (EndDate < StartDate)
        {
            missing.Add(EndBeforeStart);
        }
        return new GateCheck(missing);
    }

    public GateCheck Submit(DateTime now)
    {
        if (!IsEditable)
        {
            return GateCheck.Fail(NotEditable);
        }
        var check = CheckComplete();
        if (check.IsPassed)
        {
            Status = PlanStatus.Submitted;
            SubmittedAt = now;
        }
        return check;
    }

    public GateCheck Approve(string managerId, string comment, DateTime now) => Review(PlanStatus.Approved, managerId, comment, now);

    public GateCheck ReturnForRevision(string managerId, string comment, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return GateCheck.Fail(GateMessages.ReasonRequired);
        }
        return Review(PlanStatus.Returned, managerId, comment, now);
    }

    private GateCheck Review(PlanStatus outcome, string managerId, string comment, DateTime now)
    {
        if (Status != PlanStatus.Submitted)
        {
            return GateCheck.Fail(NotSubmitted);
        }
        Status = outcome;
        ReviewedById = managerId;
        ReviewedAt = now;
        ReviewComment = comment.Trim();
        return GateCheck.Passed;
    }
}

/// <summary>具体目标: one measurable objective of a plan.</summary>
public class PlanObjective
{
    public const int IndicatorMaxLength = 200;
    public const int UnitMaxLength = 20;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Indicator { get; set; } = "";
    public decimal TargetValue { get; set; }
    public string Unit { get; set; } = "";
}
