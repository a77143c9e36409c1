using CommunityService.Data.Cases;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Cases;

public sealed record CaseRow(int Id, string Reference, int ProjectId, string Project, CaseStatus Status, DateTime OpenedAt, DateTime? ClosedAt);

public sealed record CaseList(CaseStatus? Status, int? Project, Page<CaseRow> Rows);

public sealed record CaseProject(int Id, string Name, int CommunityId, ProjectStage Stage);

public sealed record CaseFacts(int Id, string Reference, int ProjectId, string ProjectName, bool IsFamily, CaseStatus Status,
    DateTime OpenedAt, DateTime? ClosedAt, int Version);

public sealed record CaseWorker(string UserId, string Name, DateTime AssignedAt);

/// <summary>A note as shown; <see cref="Text"/> is null when its ciphertext cannot be decrypted (the page says so, the log says which).</summary>
public sealed record CaseNoteView(int Id, DateTime At, string Author, string? Text);

public sealed record CasePage(CaseFacts File, CaseText Text, IReadOnlyList<CaseWorker> Workers, Page<CaseNoteView> Notes,
    IReadOnlyList<SelectListItem> WorkerChoices, bool ManagesWorkers)
{
    public NoteForm? Note { get; init; }
    public CloseForm? Close { get; init; }
    public WorkerForm? Worker { get; init; }
}
