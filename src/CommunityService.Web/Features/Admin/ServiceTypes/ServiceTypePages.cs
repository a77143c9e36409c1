using CommunityService.Data.Catalog;

namespace CommunityService.Web.Features.Admin.ServiceTypes;

public sealed record ServiceTypeRow(int Id, ServiceCategory Category, string Name, string Description, bool IsActive);
