using CommunityService.Data.Communities;

namespace CommunityService.Web.Features.Communities;

public sealed record CommunityProfileRow(int Id, string Name, bool IsActive, DateTime? LatestProfileAt, int VersionCount);

public sealed record ProfileVersionRow(int VersionNumber, DateTime CreatedAt, string CreatedBy);

/// <summary>The profile page: the version shown (none before the first is written), its changes, and every version.</summary>
public sealed record ProfilePage(
    int CommunityId, string CommunityName, CommunityProfile? Shown, int? PreviousVersion,
    IReadOnlyList<ProfileChange> Changes, IReadOnlyList<ProfileVersionRow> Versions)
{
    public bool IsLatest => Shown is null || Shown.VersionNumber == Versions[0].VersionNumber;

    public ProfileVersionRow? ShownRow => Versions.FirstOrDefault(v => v.VersionNumber == Shown?.VersionNumber);
}
