using CommunityService.Data.Catalog;

namespace CommunityService.Data.Execution;

/// <summary>One service delivered: to whom, when, where, how, by whom and how long.</summary>
public class ServiceRecord : IVersioned
{
    public const int RecipientMaxLength = 50;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string RecipientName { get; set; } = "";
    public string? ResidentId { get; set; }
    public DateTime DeliveredAt { get; set; }
    public DeliveryMode DeliveryMode { get; set; }
    public int DurationMinutes { get; set; }
    public string Description { get; set; } = "";
    public string RecordedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
