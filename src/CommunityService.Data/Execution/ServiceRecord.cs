using CommunityService.Data.Catalog;

namespace CommunityService.Data.Execution;

/// <summary>One service delivered: to whom, when, where, how, by whom and how long.</summary>
public class ServiceRecord : IVersioned
{
    public const int RecipientMaxLength = 50;
    public const int DescriptionMaxLength = 1000;

    public const int PlaceMaxLength = 200;
    public const int NotesMaxLength = 1000;

    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The group session it was delivered at, or the home-visit request it answered.</summary>
    public int? SessionId { get; set; }
    public int? HomeVisitRequestId { get; set; }
    public string Place { get; set; } = "";

    /// <summary>Who delivered it (staff or volunteer); null when recorded without naming anyone.</summary>
    public string? DeliveredById { get; set; }
    public string Notes { get; set; } = "";
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
