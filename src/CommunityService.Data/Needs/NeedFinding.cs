using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Needs;

public enum NeedStatus
{
    Open,
    Addressed,
    SetAside,
}

public enum NeedPriority
{
    High,
    Medium,
    Low,
}

/// <summary>A need found in the community survey (社区调查): the output of stage 1.</summary>
public class NeedFinding : IVersioned
{
    public const int TextMaxLength = 1000;
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Text { get; set; } = "";
    public NeedStatus Status { get; set; } = NeedStatus.Open;
    public string SetAsideReason { get; set; } = "";
    public int? SurveyId { get; set; }
    public ServiceCategory? Category { get; set; }
    public int? ServiceTypeId { get; set; }
    public ServiceType? ServiceType { get; set; }
    public int ResidentsConcerned { get; set; }
    public NeedPriority Priority { get; set; } = NeedPriority.Medium;
    public List<NeedTargetGroup> TargetGroups { get; set; } = [];
    public List<NeedEvidence> Evidence { get; set; } = [];
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<ServiceProject> Projects { get; set; } = [];
}

public class NeedTargetGroup
{
    public int NeedId { get; set; }
    public TargetGroup Group { get; set; }
}

/// <summary>What a need rests on: a question's figure, or an interview or observation note.</summary>
public class NeedEvidence
{
    public const int FigureMaxLength = 300;

    public int Id { get; set; }
    public int NeedId { get; set; }
    public int? QuestionId { get; set; }
    public int? FieldNoteId { get; set; }
    public string Figure { get; set; } = "";
}
