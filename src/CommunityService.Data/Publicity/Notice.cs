using CommunityService.Data.Projects;

namespace CommunityService.Data.Publicity;

public enum NoticeStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>
/// A service notice (宣传): what the service is, who it is for, when, where, the fee, how to take part and whom
/// to ask. The body is Markdown, rendered to sanitized HTML. A published notice shows on the public board
/// inside its publish window.
/// </summary>
public class Notice : IVersioned
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 8000;
    public const int FactMaxLength = 300;
    public const int ContactMaxLength = 100;

    public const string WindowEndsBeforeStart = "The notice must stop showing after it starts showing.";
    public const string OnlyPublishedCanBeWithdrawn = "Only a published notice can be withdrawn.";
    public const string WithdrawnCannotBeEdited = "A withdrawn notice cannot be changed; write a new one.";

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public string Title { get; set; } = "";

    /// <summary>What the service is, in Markdown.</summary>
    public string Body { get; set; } = "";

    /// <summary>Who it is for (服务对象).</summary>
    public string Audience { get; set; } = "";

    /// <summary>When (服务时间), in words, e.g. "每周二上午 9:00–11:00，12 月 1 日起共 8 次".</summary>
    public string Schedule { get; set; } = "";
    public string Place { get; set; } = "";

    /// <summary>The fee in words (免费 / 每次 10 元).</summary>
    public string Fee { get; set; } = "";

    /// <summary>How to take part (参与方式).</summary>
    public string HowToJoin { get; set; } = "";
    public string Contact { get; set; } = "";

    /// <summary>The publish window (UTC); null ends leave the notice showing from publication or until withdrawn.</summary>
    public DateTime? VisibleFrom { get; set; }
    public DateTime? VisibleUntil { get; set; }

    public NoticeStatus Status { get; private set; } = NoticeStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public List<NoticeChannel> Channels { get; set; } = [];
    public int Version { get; set; }

    public bool IsEditable => Status != NoticeStatus.Withdrawn;

    /// <summary>Whether the public sees the notice at <paramref name="now"/>.</summary>
    public bool IsVisibleAt(DateTime now) =>
        Status == NoticeStatus.Published && (VisibleFrom is null || VisibleFrom <= now) && (VisibleUntil is null || VisibleUntil > now);

    public void Publish(DateTime now)
    {
        Status = NoticeStatus.Published;
        PublishedAt ??= now;
        UpdatedAt = now;
        if (!Channels.Any(c => c.Channel == PublicityChannel.Portal))
        {
            Channels.Add(new NoticeChannel { Channel = PublicityChannel.Portal, Where = "", SentOn = DateOnly.FromDateTime(now) });
        }
    }

    public GateCheck Withdraw(DateTime now)
    {
        if (Status != NoticeStatus.Published)
        {
            return GateCheck.Fail(OnlyPublishedCanBeWithdrawn);
        }
        Status = NoticeStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
        return GateCheck.Passed;
    }
}
