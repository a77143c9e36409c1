namespace CommunityService.Data.Catalog;

/// <summary>A service type under one of the fixed categories; types are data an admin can add.</summary>
public class ServiceType : IVersioned
{
    public const int NameMaxLength = 50;
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }
    public ServiceCategory Category { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
