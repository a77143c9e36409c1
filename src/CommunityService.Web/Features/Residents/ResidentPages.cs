using CommunityService.Data.Residents;
using CommunityService.Web.Shared.Security;

namespace CommunityService.Web.Features.Residents;

public sealed record ResidentAccount(string Id, string UserName, string DisplayName, int? CommunityId, string? Community);

public sealed record ResidentFacts(
    string FullName, string Phone, int? CommunityId, string? Community, string Address, string Household, FactsReading Facts,
    DateTime? ConsentAt, string? ConsentWording, DateTime UpdatedAt)
{
    public bool HasConsent => ConsentAt is not null;
}

public sealed record ResidentPage(ResidentAccount Account, ResidentFacts? Profile, List<ConsentRow> History);
