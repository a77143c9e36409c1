using CommunityService.Data.Communities;

namespace CommunityService.Data.Surveys;

public enum FieldNoteKind
{
    Interview,
    Observation,
}

/// <summary>访谈 or 观察 notes: who, where, when, and what was said or seen.</summary>
public class FieldNote : IVersioned
{
    public const int ShortMaxLength = 100;
    public const int ContentMaxLength = 4000;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public FieldNoteKind Kind { get; set; }
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Who { get; set; } = "";
    public string Where { get; set; } = "";
    public DateTime When { get; set; }
    public string Content { get; set; } = "";
    public string RecordedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
