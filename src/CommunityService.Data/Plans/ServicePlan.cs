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
    public const string NeedsJustification = "The fee departs from the suggested tier: write why.";
    public const string NeedsCapacity = "A service at the facility needs a capacity above zero.";
    public const string NeedsFee = "A low-cost or paid service needs its fee.";

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
    public string FeeJustification { get; set; } = "";
    public string Materials { get; set; } = "";
    public bool UsesCaseWork { get; set; }
    public bool UsesGroupWork { get; set; }
    public bool UsesCommunityWork { get; set; }
    public string MethodsDescription { get; set; } = "";
    public List<PlanObjective> Objectives { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<PlanBeneficiary> Beneficiaries { get; set; } = [];
    public List<PlanBudgetLine> BudgetLines { get; set; } = [];
    public List<PlanVenue> Venues { get; set; } = [];
    public List<PlanStaffRole> StaffRoles { get; set; } = [];
    public DateTime? SubmittedAt { get; private set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string ReviewComment { get; private set; } = "";
    public int Version { get; set; }

    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Returned;

    public BudgetTotals Budget => BudgetTotals.Of(BudgetLines);

    public GateCheck CheckComplete(FeeSuggestion? fee = null)
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
        if (DeliveryMode != DeliveryMode.AtHome && Capacity <= 0)
        {
            missing.Add(NeedsCapacity);
        }
        if (FeeTier != FeeTier.Free && FeeAmount <= 0)
        {
            missing.Add(NeedsFee);
        }
        if (fee is not null && fee.Departs(FeeTier) && string.IsNullOrWhiteSpace(FeeJustification))
        {
            missing.Add(NeedsJustification);
        }
        return new GateCheck(missing);
    }

    public GateCheck Submit(DateTime now, FeeSuggestion? fee = null)
    {
        if (!IsEditable)
        {
            return GateCheck.Fail(NotEditable);
        }
        var check = CheckComplete(fee);
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

    /// <summary>
    /// An approved plan is frozen: a change starts a new draft version with the same content, which needs
    /// approval again. The approved version stays as it was.
    /// </summary>
    public ServicePlan NewVersion() => new()
    {
        ProjectId = ProjectId, VersionNumber = VersionNumber + 1, Purpose = Purpose, StartDate = StartDate, EndDate = EndDate,
        SessionPattern = SessionPattern, Place = Place, FeeTier = FeeTier, FeeAmount = FeeAmount, FeeJustification = FeeJustification,
        DeliveryMode = DeliveryMode, Capacity = Capacity, Materials = Materials, UsesCaseWork = UsesCaseWork, UsesGroupWork = UsesGroupWork,
        UsesCommunityWork = UsesCommunityWork, MethodsDescription = MethodsDescription,
        Objectives = Objectives.OrderBy(o => o.Id).Select(o => new PlanObjective { Indicator = o.Indicator, TargetValue = o.TargetValue, Unit = o.Unit, MeasuredBy = o.MeasuredBy }).ToList(),
        Tasks = Tasks.OrderBy(t => t.Order).Select(t => new PlanTask { Order = t.Order, Text = t.Text }).ToList(),
        Beneficiaries = Beneficiaries.Select(b => new PlanBeneficiary { Group = b.Group, ExpectedNumber = b.ExpectedNumber }).ToList(),
        BudgetLines = BudgetLines.OrderBy(b => b.Id).Select(b => new PlanBudgetLine { Item = b.Item, Amount = b.Amount, Source = b.Source }).ToList(),
        Venues = Venues.OrderBy(v => v.Id).Select(v => new PlanVenue { Name = v.Name, Owner = v.Owner, UnitName = v.UnitName }).ToList(),
        StaffRoles = StaffRoles.OrderBy(r => r.Id).Select(r => new PlanStaffRole { Role = r.Role, Count = r.Count, IsVolunteer = r.IsVolunteer }).ToList(),
    };

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
    public MeasuredBy MeasuredBy { get; set; } = MeasuredBy.ServiceRecords;
}
