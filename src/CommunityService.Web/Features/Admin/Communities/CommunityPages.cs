
namespace CommunityService.Web.Features.Admin.Communities;

public sealed record CommunityRow(int Id, string Name, string Description, bool IsActive);
