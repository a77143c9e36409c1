using CommunityService.Data.Projects;

namespace CommunityService.Data.Execution;

public enum AdjustmentStatus
{
    /// <summary>A change within the approved plan: recorded, no approval needed.</summary>
    Recorded,
    Submitted,
    Approved,
    Rejected,
}

/// <summary>
/// 调整: what changed in content, method, schedule or budget, and why. One that changes the approved plan's
/// objectives or budget needs a manager's approval and, once approved, becomes a new plan version.
/// </summary>
public class PlanAdjustment : IVersioned
{
    public const int TextMaxLength = 2000;

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
    public AdjustmentStatus Status { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string ReviewComment { get; set; } = "";

    /// <summary>The plan version the approved adjustment became.</summary>
    public int? ResultingPlanId { get; set; }
    public int Version { get; set; }

    public bool NeedsApproval => ChangesObjectives || ChangesBudget;
}
