using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Projects;

public sealed record ProjectRow(int Id, string Name, ServiceCategory Category, string ServiceType, string Community, ProjectStage Stage, DateTime UpdatedAt);

public sealed record ProjectList(ServiceCategory? Category, ProjectStage? Stage, int? Community, IReadOnlyList<SelectListItem> Communities, Page<ProjectRow> Rows);


public sealed record ProjectPage(ServiceProject Project, int RecordCount, IReadOnlyDictionary<string, string> Names, ProjectStage? Next, GateCheck? NextGate)
{
    public NeedForm? Need { get; init; }
    public DecisionForm? Decision { get; init; }
    public int OpenHomeVisits { get; init; }

    /// <summary>The "on track?" panel, from publicity on (when there is an approved plan).</summary>
    public ProjectProgress? Progress { get; init; }

    /// <summary>The project's case files that the reader may open (assigned to them; all for a manager).</summary>
    public int CaseFiles { get; init; }

    public string NameOf(string? userId) => userId is not null && Names.TryGetValue(userId, out var name) ? name : "";
}
