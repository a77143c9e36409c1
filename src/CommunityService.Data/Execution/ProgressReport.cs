using CommunityService.Data.Projects;

namespace CommunityService.Data.Execution;

/// <summary>情况反馈: how the project is going, in words, at any time.</summary>
public class ProgressReport
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public string Text { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
