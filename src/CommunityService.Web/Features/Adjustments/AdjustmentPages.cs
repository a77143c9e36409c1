using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Plans;
using FluentValidation;

namespace CommunityService.Web.Features.Adjustments;

public sealed record AdjustmentChanges(bool Content, bool Method, bool Schedule, bool Budget, bool Objectives)
{
    public static AdjustmentChanges Of(PlanAdjustment a) => new(a.ChangesContent, a.ChangesMethod, a.ChangesSchedule, a.ChangesBudget, a.ChangesObjectives);

    /// <summary>What changes, in the order of the form.</summary>
    public IEnumerable<AdjustmentChange> Items() =>
        new[] { (Content, AdjustmentChange.Content), (Method, AdjustmentChange.Method), (Schedule, AdjustmentChange.Schedule),
            (Budget, AdjustmentChange.Budget), (Objectives, AdjustmentChange.Objectives) }
            .Where(c => c.Item1).Select(c => c.Item2);
}

public sealed record AdjustmentRow(
    int Id, DateTime At, string Author, AdjustmentChanges Changes, string WhatChanged, string Why, AdjustmentStatus Status,
    string? Reviewer, DateTime? ReviewedAt, string ReviewComment, int? PlanVersion);

/// <summary>The list of a project's adjustments and the form for a new one (no form when the project cannot take one).</summary>
public sealed record AdjustmentsPage(int ProjectId, string ProjectName, string? Refusal, int? OpenPlanVersion, Page<AdjustmentRow> Rows, AdjustmentForm Form);

public sealed record AdjustmentPage(
    PlanAdjustment Adjustment, string ProjectName, int CommunityId, ServicePlan? Plan, ServicePlan? ComparedTo, IReadOnlyList<PlanDifference> Changes,
    IReadOnlyDictionary<string, string> Names, AdjustmentReviewForm Review)
{
    public string NameOf(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : "";
}

/// <summary>An adjustment loaded for a change, with the project whose plan it changes.</summary>
public sealed record AdjustmentWithProject(PlanAdjustment Adjustment, ServiceProject Project);
