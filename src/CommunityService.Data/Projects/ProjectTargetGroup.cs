using CommunityService.Data.Catalog;

namespace CommunityService.Data.Projects;

public class ProjectTargetGroup
{
    public int ProjectId { get; set; }
    public TargetGroup Group { get; set; }
}
