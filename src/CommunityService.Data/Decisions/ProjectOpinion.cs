namespace CommunityService.Data.Decisions;

public enum OpinionStance
{
    Support,
    Oppose,
    Suggest,
}

public enum OpinionSource
{
    Online,
    Meeting,
}

/// <summary>
/// A resident representative's opinion on a proposal: given online by the representative (one each, which
/// they may change), or voiced at a meeting and recorded by staff (who, when, which meeting).
/// </summary>
public class ProjectOpinion : IVersioned
{
    public const int CommentMaxLength = 1000;
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public OpinionStance Stance { get; set; }
    public string Comment { get; set; } = "";
    public OpinionSource Source { get; set; }

    /// <summary>The representative who gave it online; null for a meeting opinion.</summary>
    public string? GivenById { get; set; }
    public string SpeakerName { get; set; } = "";
    public string MeetingName { get; set; } = "";
    public DateTime At { get; set; }
    public string? RecordedById { get; set; }
    public int Version { get; set; }
}
