namespace CommunityService.Data.Publicity;

/// <summary>The channels a notice goes out on (DOMAIN.md): the portal's board, poster, flyer, notice, media.</summary>
public enum PublicityChannel
{
    Portal,
    Poster,
    Flyer,
    Notice,
    Media,
}

/// <summary>One time a notice went out on a channel: where (which board, which paper) and when.</summary>
public class NoticeChannel
{
    public const int WhereMaxLength = 200;

    public int Id { get; set; }
    public int NoticeId { get; set; }
    public PublicityChannel Channel { get; set; }
    public string Where { get; set; } = "";
    public DateOnly SentOn { get; set; }
}
