namespace CommunityService.Data.Communities;

/// <summary>社区 / 居委会 under the street office.</summary>
public class Community : IVersioned
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public int StreetOfficeId { get; set; }
    public StreetOffice? StreetOffice { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
