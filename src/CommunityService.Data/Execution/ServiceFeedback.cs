namespace CommunityService.Data.Execution;

/// <summary>A resident's rating (1–5) and comment on a service they received.</summary>
public class ServiceFeedback
{
    public const int CommentMaxLength = 1000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ServiceRecordId { get; set; }
    public int? SessionId { get; set; }
    public string ResidentId { get; set; } = "";
    public int Rating { get; set; }
    public string Comment { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
