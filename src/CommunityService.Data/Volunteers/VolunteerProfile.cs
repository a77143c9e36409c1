namespace CommunityService.Data.Volunteers;

/// <summary>A volunteer's skills and when they are free (志愿服务).</summary>
public class VolunteerProfile : IVersioned
{
    public const int TextMaxLength = 500;

    public string UserId { get; set; } = "";
    public string Skills { get; set; } = "";
    public string Availability { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
