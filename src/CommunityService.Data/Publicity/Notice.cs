using CommunityService.Data.Projects;

namespace CommunityService.Data.Publicity;

public enum NoticeStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>A service notice (宣传): what, for whom, when, where, the fee and how to take part.</summary>
public class Notice : IVersioned
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 8000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public NoticeStatus Status { get; private set; } = NoticeStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; private set; }
    public int Version { get; set; }

    public void Publish(DateTime now)
    {
        Status = NoticeStatus.Published;
        PublishedAt ??= now;
    }

    public void Withdraw() => Status = NoticeStatus.Withdrawn;
}
