using CommunityService.Data.Execution;
using CommunityService.Data.Plans;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Adjustments;

/// <summary>A new adjustment: what changes (ticks), what exactly, and why.</summary>
public sealed class AdjustmentForm
{
    public const string Changes = "Changes";

    public bool ChangesContent { get; set; }
    public bool ChangesMethod { get; set; }
    public bool ChangesSchedule { get; set; }
    public bool ChangesBudget { get; set; }
    public bool ChangesObjectives { get; set; }
    public string WhatChanged { get; set; } = "";
    public string Why { get; set; } = "";

    public PlanAdjustment ToAdjustment() => new()
    {
        ChangesContent = ChangesContent, ChangesMethod = ChangesMethod, ChangesSchedule = ChangesSchedule, ChangesBudget = ChangesBudget,
        ChangesObjectives = ChangesObjectives, WhatChanged = WhatChanged.Trim(), Why = Why.Trim(),
    };

    public sealed class Validator : AbstractValidator<AdjustmentForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.ChangesContent)
                .Must((f, _) => f.ChangesContent || f.ChangesMethod || f.ChangesSchedule || f.ChangesBudget || f.ChangesObjectives)
                .WithMessage(_ => l[PlanAdjustment.NeedsWhatChanges]).OverridePropertyName(Changes);
            RuleFor(f => f.WhatChanged).NotEmpty().MaximumLength(PlanAdjustment.TextMaxLength).WithName(_ => l["What changed"]);
            RuleFor(f => f.Why).NotEmpty().MaximumLength(PlanAdjustment.TextMaxLength).WithName(_ => l["Why"]);
        }
    }
}

/// <summary>Submit or withdraw: the versions of the adjustment and of its plan version as the page showed them.</summary>
public sealed class AdjustmentActionForm
{
    public int Version { get; set; }
    public int PlanVersion { get; set; }
}

/// <summary>The parts of a plan an adjustment can change (the ticks of the form).</summary>
public enum AdjustmentChange
{
    Content,
    Method,
    Schedule,
    Budget,
    Objectives,
}

public enum AdjustmentOutcome
{
    Approve,
    Reject,
}

public sealed class AdjustmentReviewForm
{
    public const string ChooseOutcome = "Choose whether to approve the adjustment or not.";

    /// <summary>Null when the post names no outcome: a missing choice is refused, never read as approval.</summary>
    public AdjustmentOutcome? Outcome { get; set; }
    public string Comment { get; set; } = "";
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<AdjustmentReviewForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Outcome).NotNull().WithMessage(_ => l[ChooseOutcome]).IsInEnum().WithMessage(_ => l[ChooseOutcome]);
            RuleFor(f => f.Comment).MaximumLength(ServicePlan.CommentMaxLength).WithName(_ => l["Comment"]);
            RuleFor(f => f.Comment).NotEmpty().When(f => f.Outcome == AdjustmentOutcome.Reject)
                .WithMessage(_ => l["Say why the adjustment is not approved."]);
        }
    }
}
