namespace CommunityService.Data.Decisions;

public enum DecisionOutcome
{
    Approve,
    Reject,
    SendBack,
}

/// <summary>A manager's decision on a proposed project, with the reason that stays in its history.</summary>
public class ProjectDecision
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
    public string DecidedById { get; set; } = "";
    public DateTime DecidedAt { get; set; }
}
