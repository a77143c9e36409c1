using CommunityService.Data.Communities;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Needs;

public enum NeedStatus
{
    Open,
    Addressed,
    SetAside,
}

/// <summary>A need found in the community survey (社区调查): the output of stage 1.</summary>
public class NeedFinding : IVersioned
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Text { get; set; } = "";
    public NeedStatus Status { get; set; } = NeedStatus.Open;
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<ServiceProject> Projects { get; set; } = [];
}
