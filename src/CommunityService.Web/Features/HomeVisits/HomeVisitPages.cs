using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.HomeVisits;

/// <param name="Need">Decrypted for the page; null when it cannot be read.</param>
public sealed record HomeVisitRow(int Id, string Name, string Phone, string Address, string? Need, DateOnly PreferredFrom, DateOnly PreferredTo,
    TimeOfDay PreferredTime, HomeVisitStatus Status, DateTime? ScheduledAt, string? Worker, bool HasAccount, DateTime CreatedAt);

public sealed record HomeVisitList(HomeVisitService Service, HomeVisitStatus? Status, Page<HomeVisitRow> Rows);

public sealed record HomeVisitDetail(int Id, int ProjectId, string ProjectName, int CommunityId, ProjectStage Stage, bool HasAccount,
    string Name, string Phone, string Address, string? Need, DateOnly PreferredFrom, DateOnly PreferredTo, TimeOfDay PreferredTime,
    HomeVisitStatus Status, string DeclineReason, DateTime? ScheduledAt, string? WorkerId, string? Worker, string? CreatedBy,
    DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    public bool IsOpen => Status is HomeVisitStatus.Submitted or HomeVisitStatus.Accepted or HomeVisitStatus.Scheduled;
}

public sealed record HomeVisitPage(HomeVisitDetail Request, IReadOnlyList<SelectListItem> Workers)
{
    public DeclineForm? Decline { get; init; }
    public ScheduleForm? Schedule { get; init; }
}
