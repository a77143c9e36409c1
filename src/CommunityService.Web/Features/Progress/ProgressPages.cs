using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Progress;

public sealed record ProgressRow(string Text, DateTime At, string Author);

public sealed record ProgressPage(int ProjectId, string ProjectName, Page<ProgressRow> Rows, ProgressForm Form);
