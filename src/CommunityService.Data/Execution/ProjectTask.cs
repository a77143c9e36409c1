using CommunityService.Data.Projects;

namespace CommunityService.Data.Execution;

public enum WorkStatus
{
    Open,
    InProgress,
    Done,
}

/// <summary>Who does what by when (组织实施): one task of a project, with the person responsible.</summary>
public class ProjectTask : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public string Title { get; set; } = "";
    public string Note { get; set; } = "";
    public string ResponsibleId { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public WorkStatus Status { get; set; } = WorkStatus.Open;
    public DateTime? DoneAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status != WorkStatus.Done && DueOn < today;

    public void SetStatus(WorkStatus status, DateTime now)
    {
        Status = status;
        DoneAt = status == WorkStatus.Done ? DoneAt ?? now : null;
    }
}
