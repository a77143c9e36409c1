namespace CommunityService.Web;

/// <summary>Marker type for the one shared string table (Resources/SharedResource.*.resx).</summary>
public sealed class SharedResource;
