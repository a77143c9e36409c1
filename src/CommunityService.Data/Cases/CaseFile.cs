using CommunityService.Data.Projects;

namespace CommunityService.Data.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// 个案: one person's or one family's case. Confidential: only its assigned workers and managers open it. The
/// free-text parts are stored encrypted (ASP.NET Core Data Protection, by the web app); the columns hold ciphertext.
/// </summary>
public class CaseFile : IVersioned
{
    public const int SubjectMaxLength = 50;
    public const int CipherMaxLength = 40_000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }

    /// <summary>A reference, not the name: e.g. "个案 2026-03"; the name is inside the encrypted assessment.</summary>
    public string Reference { get; set; } = "";
    public bool IsFamily { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Open;
    public string ProtectedSubject { get; set; } = "";
    public string ProtectedAssessment { get; set; } = "";
    public string ProtectedGoals { get; set; } = "";
    public string ProtectedPlan { get; set; } = "";
    public string ProtectedClosingSummary { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<CaseAssignment> Workers { get; set; } = [];
    public List<CaseNote> Notes { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>A worker assigned to a case: one of the few who may open it.</summary>
public class CaseAssignment
{
    public int CaseFileId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime AssignedAt { get; set; }
}

/// <summary>A contact note on a case; its text is stored encrypted.</summary>
public class CaseNote
{
    public int Id { get; set; }
    public int CaseFileId { get; set; }
    public string AuthorId { get; set; } = "";
    public DateTime At { get; set; }
    public string ProtectedText { get; set; } = "";
}
