using CommunityService.Data.Catalog;
using CommunityService.Data.Publicity;

namespace CommunityService.Web.Features.Home;

public sealed record CenterInfo(string Name, string Address, string Phone, string OpeningHours);

public sealed record HomePage(CenterInfo? Center, IReadOnlyList<NoticeRow> Notices, IReadOnlyList<OpenSurvey> Surveys)
{
    public IReadOnlyList<ProposalLink> Proposals { get; init; } = [];
}

public sealed record ProposalLink(int Id, string Name, bool Answered);

public sealed record OpenSurvey(int Id, string Title, DateOnly EndDate, bool AllowAnonymous);

public sealed record CatalogType(int Id, ServiceCategory Category, string Name, string Description, int ActiveProjects);
