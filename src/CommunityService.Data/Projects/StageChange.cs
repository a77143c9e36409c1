namespace CommunityService.Data.Projects;

/// <summary>One line of a project's stage history: who moved it, when, and why.</summary>
public class StageChange
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ProjectStage From { get; set; }
    public ProjectStage To { get; set; }
    public string ActorId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}
