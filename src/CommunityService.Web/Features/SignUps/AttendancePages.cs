using CommunityService.Data.Participation;

namespace CommunityService.Web.Features.SignUps;

public sealed record Attendee(int Id, string Name, string Phone, SignUpChannel Channel, DateTime? CheckedInAt);

public sealed record CheckInPage(int Id, int ProjectId, string ProjectName, int CommunityId, string Title, DateTime StartsAt, DateTime EndsAt,
    string Place, int Capacity, int Records)
{
    public IReadOnlyList<Attendee> People { get; init; } = [];
    public WalkInForm Form { get; init; } = new();
    public int CheckedIn => People.Count(p => p.CheckedInAt is not null);
}
