using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Plans;

namespace CommunityService.Web.Features.Plans;

public sealed record PlanPage(
    ServiceProject Project, ServicePlan? Plan, ServicePlan? ComparedTo, IReadOnlyList<PlanSection> Sections, IReadOnlyList<PlanDifference> Changes,
    FeeSuggestion Fee, IReadOnlyDictionary<string, string> Names, bool CanEdit, IReadOnlyDictionary<int, int> Adjustments)
{
    /// <summary>A manager's review sent back with its messages, after a refused post.</summary>
    public ReviewForm Review { get; init; } = new();

    public string NameOf(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : "";

    /// <summary>The adjustment a plan version was written for, if any.</summary>
    public int? AdjustmentOf(ServicePlan plan) => Adjustments.TryGetValue(plan.Id, out var id) ? id : null;
}

public sealed record PlanPrint(ServiceProject Project, ServicePlan Plan, IReadOnlyList<PlanSection> Sections, IReadOnlyDictionary<string, string> Names)
{
    public string NameOf(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : "";
}
