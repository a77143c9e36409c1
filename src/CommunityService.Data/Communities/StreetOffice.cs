namespace CommunityService.Data.Communities;

/// <summary>街道办事处: the street office that runs the service center.</summary>
public class StreetOffice : IVersioned
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string OpeningHours { get; set; } = "";
    public List<Community> Communities { get; set; } = [];
    public int Version { get; set; }
}
