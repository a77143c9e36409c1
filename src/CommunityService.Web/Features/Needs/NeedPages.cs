using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Needs;

public sealed class NeedFilter
{
    public int? Community { get; set; }
    public ServiceCategory? Category { get; set; }
    public TargetGroup? Group { get; set; }
    public NeedStatus? Status { get; set; }
}

public sealed record LinkedProject(int Id, string Name);

public sealed record NeedRow(int Id, string Text, string Community, ServiceCategory? Category, string? ServiceType, NeedPriority Priority,
    int ResidentsConcerned, NeedStatus Status, string SetAsideReason, int EvidenceCount, List<TargetGroup> Groups, List<LinkedProject> Projects);

public sealed record NeedList(NeedFilter Filter, Page<NeedRow> Rows);
