using CommunityService.Data.Projects;

namespace CommunityService.Data.Evaluations;

public enum EvaluationTiming
{
    During,
    Final,
    FollowUp,
}

public enum ReportStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>评估和总结: an evaluation of a project. Approving the final one lets the project close.</summary>
public class EvaluationReport : IVersioned
{
    public const int TextMaxLength = 4000;

    public const string NeedsSummary = "The evaluation needs a summary.";
    public const string NotEditable = "Only a draft or returned evaluation can be changed.";
    public const string NotSubmitted = "Only a submitted evaluation can be approved or returned.";

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public EvaluationTiming Timing { get; set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;
    public string Summary { get; set; } = "";
    public string Improvements { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string ReviewComment { get; private set; } = "";
    public int Version { get; set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    public GateCheck Submit(DateTime now)
    {
        if (!IsEditable)
        {
            return GateCheck.Fail(NotEditable);
        }
        if (string.IsNullOrWhiteSpace(Summary))
        {
            return GateCheck.Fail(NeedsSummary);
        }
        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        return GateCheck.Passed;
    }

    public GateCheck Approve(string managerId, string comment, DateTime now) => Review(ReportStatus.Approved, managerId, comment, now);

    public GateCheck ReturnForRevision(string managerId, string comment, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return GateCheck.Fail(GateMessages.ReasonRequired);
        }
        return Review(ReportStatus.Returned, managerId, comment, now);
    }

    private GateCheck Review(ReportStatus outcome, string managerId, string comment, DateTime now)
    {
        if (Status != ReportStatus.Submitted)
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
