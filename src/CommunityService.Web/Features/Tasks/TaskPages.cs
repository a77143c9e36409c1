using CommunityService.Data.Execution;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Tasks;

public sealed record TaskRow(int Id, int ProjectId, string ProjectName, string Title, string Note, string ResponsibleId, string Responsible,
    DateOnly DueOn, WorkStatus Status, int Version)
{
    public bool IsOverdue(DateOnly today) => Status != WorkStatus.Done && DueOn < today;
}

public sealed record TaskTable(IReadOnlyList<TaskRow> Tasks, DateOnly Today, bool ShowProject, string? ReturnUrl);

public sealed record MyTasksPage(IReadOnlyList<TaskRow> Tasks, DateOnly Today);

public sealed record ProjectTasksPage(int ProjectId, string ProjectName, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<SelectListItem> People,
    TaskForm Form, DateOnly Today);
