using CommunityService.Data.Plans;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Execution;

public enum AdjustmentStatus
{
    /// <summary>A change within the approved plan: recorded, no approval needed.</summary>
    Recorded,
    Submitted,
    Approved,
    Rejected,

    /// <summary>A change of objectives or budget whose new plan version staff are still writing.</summary>
    Draft,
    Withdrawn,
}

/// <summary>
/// 调整: what changed in content, method, schedule or budget, and why. One that changes the approved plan's
/// objectives or budget needs a manager's approval and, once approved, becomes a new plan version.
/// </summary>
public class PlanAdjustment : IVersioned
{
    public const int TextMaxLength = 2000;

    public const string OnlyWhileRunning = "An adjustment can be made only while the project is in publicity or execution and has an approved plan.";
    public const string NeedsWhatChanges = "Tick at least one thing that changes.";
    public const string OneChangeAtATime = "Another new version of the plan is being written or waits for approval: finish that one first.";
    public const string NotDraft = "Only an adjustment whose new plan version is still being written can be submitted or withdrawn.";
    public const string NoPlanChange = "The new plan version does not change objectives or budget.";
    public const string NotSubmitted = "Only a submitted adjustment can be approved or rejected.";

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public bool ChangesContent { get; set; }
    public bool ChangesMethod { get; set; }
    public bool ChangesSchedule { get; set; }
    public bool ChangesBudget { get; set; }
    public bool ChangesObjectives { get; set; }
    public string WhatChanged { get; set; } = "";
    public string Why { get; set; } = "";
    public AdjustmentStatus Status { get; private set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string ReviewComment { get; private set; } = "";

    /// <summary>The new plan version this adjustment writes; once approved, the plan in force.</summary>
    public int? ResultingPlanId { get; set; }
    public ServicePlan? ResultingPlan { get; set; }
    public int Version { get; set; }

    public bool NeedsApproval => ChangesObjectives || ChangesBudget;

    public bool ChangesAnything => ChangesContent || ChangesMethod || ChangesSchedule || ChangesBudget || ChangesObjectives;

    /// <summary>Whether the project can take an adjustment at all: it runs (publicity or execution) under an approved plan.</summary>
    public static GateCheck CanAdjust(ServiceProject project) =>
        project.Stage is ProjectStage.Publicity or ProjectStage.Execution && project.ApprovedPlan is not null
            ? GateCheck.Passed
            : GateCheck.Fail(OnlyWhileRunning);

    /// <summary>
    /// Records the adjustment on the project. One within the approved plan is recorded at once; one that changes
    /// objectives or budget starts a new draft version of the approved plan, which staff then edit and submit.
    /// The plan is a single line of versions, so only one such change can be open at a time.
    /// </summary>
    public GateCheck Start(ServiceProject project, string userId, DateTime now)
    {
        var check = CanAdjust(project);
        if (!check.IsPassed)
        {
            return check;
        }
        if (!ChangesAnything)
        {
            return GateCheck.Fail(NeedsWhatChanges);
        }
        if (NeedsApproval)
        {
            if (project.CurrentPlan is not { Status: PlanStatus.Approved } approved)
            {
                return GateCheck.Fail(OneChangeAtATime);
            }
            ResultingPlan = approved.NewVersion();
            project.Plans.Add(ResultingPlan);
        }
        Project = project;
        ProjectId = project.Id;
        CreatedById = userId;
        CreatedAt = now;
        Status = NeedsApproval ? AdjustmentStatus.Draft : AdjustmentStatus.Recorded;
        return GateCheck.Passed;
    }

    /// <summary>
    /// Submits the new plan version with the adjustment. The version must really change objectives or budget (else
    /// it needs no approval); the ticks follow what the version changes, so the record says what the manager approved.
    /// </summary>
    public GateCheck Submit(ServicePlan approved, ServicePlan draft, DateTime now, FeeSuggestion? fee = null)
    {
        if (Status != AdjustmentStatus.Draft || !Writes(draft))
        {
            return GateCheck.Fail(NotDraft);
        }
        var objectives = ObjectivesDiffer(approved, draft);
        var budget = BudgetDiffers(approved, draft);
        if (!objectives && !budget)
        {
            return GateCheck.Fail(NoPlanChange);
        }
        var check = draft.Submit(now, fee);
        if (!check.IsPassed)
        {
            return check;
        }
        ChangesObjectives |= objectives;
        ChangesBudget |= budget;
        Status = AdjustmentStatus.Submitted;
        return GateCheck.Passed;
    }

    /// <summary>Approving the adjustment approves its plan version, which becomes the plan in force.</summary>
    public GateCheck Approve(ServicePlan draft, string managerId, string comment, DateTime now)
    {
        if (Status != AdjustmentStatus.Submitted || !Writes(draft))
        {
            return GateCheck.Fail(NotSubmitted);
        }
        var check = draft.Approve(managerId, comment, now);
        if (check.IsPassed)
        {
            Reviewed(AdjustmentStatus.Approved, managerId, comment, now);
        }
        return check;
    }

    /// <summary>
    /// A rejected adjustment lets go of its plan version (the caller deletes it): the approved plan stays the
    /// project's current plan, and the next change can start from it.
    /// </summary>
    public GateCheck Reject(ServicePlan draft, string managerId, string comment, DateTime now)
    {
        if (Status != AdjustmentStatus.Submitted || !Writes(draft) || draft.Status != PlanStatus.Submitted)
        {
            return GateCheck.Fail(NotSubmitted);
        }
        if (string.IsNullOrWhiteSpace(comment))
        {
            return GateCheck.Fail(GateMessages.ReasonRequired);
        }
        Reviewed(AdjustmentStatus.Rejected, managerId, comment, now);
        LetGoOfPlan();
        return GateCheck.Passed;
    }

    /// <summary>Staff give up a change before submitting it; its unfinished plan version goes (the caller deletes it).</summary>
    public GateCheck Withdraw()
    {
        if (Status != AdjustmentStatus.Draft)
        {
            return GateCheck.Fail(NotDraft);
        }
        Status = AdjustmentStatus.Withdrawn;
        LetGoOfPlan();
        return GateCheck.Passed;
    }

    /// <summary>Whether <paramref name="plan"/> is the version this adjustment writes (by reference before it is saved).</summary>
    public bool Writes(ServicePlan plan) => ReferenceEquals(plan, ResultingPlan) || (ResultingPlanId is { } id && id != 0 && plan.Id == id);

    public static bool ObjectivesDiffer(ServicePlan before, ServicePlan after) =>
        !Objectives(before).SequenceEqual(Objectives(after));

    public static bool BudgetDiffers(ServicePlan before, ServicePlan after) =>
        !Budget(before).SequenceEqual(Budget(after));

    // Compared as sorted sets of values: re-saving the plan renumbers its rows, and reordering lines changes nothing.
    private static IEnumerable<(string, decimal, string, MeasuredBy)> Objectives(ServicePlan plan) =>
        plan.Objectives.Select(o => (o.Indicator.Trim(), o.TargetValue, o.Unit.Trim(), o.MeasuredBy)).Order();

    private static IEnumerable<(string, decimal, FundingSource)> Budget(ServicePlan plan) =>
        plan.BudgetLines.Select(b => (b.Item.Trim(), b.Amount, b.Source)).Order();

    private void Reviewed(AdjustmentStatus outcome, string managerId, string comment, DateTime now)
    {
        Status = outcome;
        ReviewedById = managerId;
        ReviewedAt = now;
        ReviewComment = comment.Trim();
    }

    private void LetGoOfPlan()
    {
        ResultingPlan = null;
        ResultingPlanId = null;
    }
}
