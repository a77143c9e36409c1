using CommunityService.Data.Participation;
using CommunityService.Data.Projects;

namespace CommunityService.Web.Features.SignUps;

public sealed record ProjectFacts(int Id, string Name, int CommunityId, ProjectStage Stage, string Place, int Capacity);

public sealed record SessionRow(int Id, string Title, DateTime StartsAt, DateTime EndsAt, string Place, int Capacity, int PlacesTaken, int Waiting, bool IsCancelled);

public sealed record SessionsPage(ProjectFacts Project, IReadOnlyList<SessionRow> Sessions, SessionForm Form);

public sealed record ListEntry(int Id, string Name, string Phone, string Note, SignUpStatus Status, SignUpChannel Channel, DateTime CreatedAt,
    DateTime? PromotedAt, DateTime? CancelledAt, DateTime? ConfirmedAt, string? ResidentId);

public sealed record SessionListPage(int Id, int ProjectId, string ProjectName, int CommunityId, string Title, DateTime StartsAt, DateTime EndsAt,
    string Place, int Capacity, int PlacesTaken, bool IsCancelled)
{
    public IReadOnlyList<ListEntry> People { get; init; } = [];
    public SignUpForm Form { get; init; } = new();
}
