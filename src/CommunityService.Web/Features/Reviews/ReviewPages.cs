using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Features.Reviews;

public enum ReviewKind
{
    Decision,
    Plan,
    Evaluation,
    Adjustment,
}

/// <summary>One item waiting; <paramref name="ItemId"/> names it where the project alone does not (an adjustment).</summary>
public sealed record ReviewRow(ReviewKind Kind, int ProjectId, string Project, string Community, DateTime WaitingSince, int? ItemId = null)
{
    /// <summary>Waits longer than two weeks are marked on the queue.</summary>
    public const int LongWaitDays = 14;

    // The plan page, not the project page: a project past the Plan stage shows no review form for a new plan version there.
    public string? LinkOn(IUrlHelper url) => Kind switch
    {
        ReviewKind.Decision => url.Action("Proposal", "Decisions", new { id = ProjectId }),
        ReviewKind.Plan => url.Action("Index", "Plans", new { projectId = ProjectId }),
        ReviewKind.Adjustment => url.Action("Details", "Adjustments", new { id = ItemId }),
        _ => url.Action("Details", "Evaluations", new { id = ItemId }),
    };
}
