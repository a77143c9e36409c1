using CommunityService.Data.Plans;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Forms;

/// <summary>A manager's review of a plan, an adjustment or a report: approve, or return it with what needs to change.</summary>
public sealed class ReviewForm
{
    public const string ChooseOutcome = "Choose whether to approve it or return it for revision.";

    /// <summary>Null when the post names no outcome: a missing choice is refused, never read as the enum's first value.</summary>
    public ReviewOutcome? Outcome { get; set; }
    public string Comment { get; set; } = "";

    public sealed class Validator : AbstractValidator<ReviewForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Outcome).NotNull().WithMessage(_ => l[ChooseOutcome]).IsInEnum().WithMessage(_ => l[ChooseOutcome]);
            RuleFor(f => f.Comment).MaximumLength(ServicePlan.CommentMaxLength).WithName(_ => l["Comment"]);
            RuleFor(f => f.Comment).NotEmpty().When(f => f.Outcome == ReviewOutcome.Return)
                .WithMessage(_ => l["Say what needs to change when returning it."]);
        }
    }
}

public enum ReviewOutcome
{
    Approve,
    Return,
}
