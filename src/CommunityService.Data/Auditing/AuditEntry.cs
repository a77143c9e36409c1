namespace CommunityService.Data.Auditing;

/// <summary>Who did what to which record, when, and how it ended: the trail managers read (UTC).</summary>
public class AuditEntry
{
    public const int ActionMaxLength = 50;
    public const int RecordMaxLength = 100;
    public const int DetailMaxLength = 500;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string Result { get; set; } = "";
    public string Detail { get; set; } = "";
}
