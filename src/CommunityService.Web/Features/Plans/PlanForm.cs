using CommunityService.Data.Catalog;
using CommunityService.Data.Plans;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Plans;

public sealed class PlanForm
{
    public const int ObjectiveRows = 3;

    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string SessionPattern { get; set; } = "";
    public string Place { get; set; } = "";
    public FeeTier FeeTier { get; set; }
    public decimal FeeAmount { get; set; }
    public DeliveryMode DeliveryMode { get; set; }
    public int Capacity { get; set; }
    public List<ObjectiveInput> Objectives { get; set; } = [];
    public int Version { get; set; }

    public sealed class ObjectiveInput
    {
        public string Indicator { get; set; } = "";
        public decimal? TargetValue { get; set; }
        public string Unit { get; set; } = "";
    }

    public void PadObjectives()
    {
        while (Objectives.Count < ObjectiveRows)
        {
            Objectives.Add(new ObjectiveInput());
        }
    }

    public sealed class Validator : AbstractValidator<PlanForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Purpose).NotEmpty().MaximumLength(ServicePlan.PurposeMaxLength).WithName(_ => l["Purpose"]);
            RuleFor(f => f.StartDate).NotNull().WithName(_ => l["Start date"]);
            RuleFor(f => f.EndDate).NotNull().WithName(_ => l["End date"])
                .GreaterThanOrEqualTo(f => f.StartDate).When(f => f.StartDate is not null)
                .WithMessage(_ => l[ServicePlan.EndBeforeStart]);
            RuleFor(f => f.SessionPattern).MaximumLength(ServicePlan.TextMaxLength).WithName(_ => l["Schedule"]);
            RuleFor(f => f.Place).NotEmpty().MaximumLength(ServicePlan.TextMaxLength).WithName(_ => l["Place"]);
            RuleFor(f => f.FeeTier).IsInEnum();
            RuleFor(f => f.DeliveryMode).IsInEnum();
            RuleFor(f => f.FeeAmount).InclusiveBetween(0, 99_999_999.99m).PrecisionScale(10, 2, true).WithName(_ => l["Fee"]);
            RuleFor(f => f.FeeAmount).Equal(0).When(f => f.FeeTier == FeeTier.Free).WithMessage(_ => l["A free service has no fee."]);
            RuleFor(f => f.Capacity).InclusiveBetween(0, 1_000_000).WithName(_ => l["Capacity"]);
            RuleFor(f => f.Objectives).Must(o => o.Any(x => !string.IsNullOrWhiteSpace(x.Indicator) && x.TargetValue > 0))
                .WithMessage(_ => l[ServicePlan.NeedsObjective]);
            RuleForEach(f => f.Objectives).ChildRules(o =>
            {
                o.RuleFor(x => x.Indicator).MaximumLength(PlanObjective.IndicatorMaxLength).WithName(_ => l["Indicator"]);
                o.RuleFor(x => x.Unit).MaximumLength(PlanObjective.UnitMaxLength).WithName(_ => l["Unit"]);
                o.RuleFor(x => x.TargetValue).GreaterThan(0).PrecisionScale(12, 2, true).When(x => x.TargetValue is not null).WithName(_ => l["Target"]);
                o.RuleFor(x => x.TargetValue).NotNull().When(x => !string.IsNullOrWhiteSpace(x.Indicator)).WithName(_ => l["Target"]);
            });
        }
    }
}

public sealed class ReviewForm
{
    public ReviewOutcome Outcome { get; set; }
    public string Comment { get; set; } = "";

    public sealed class Validator : AbstractValidator<ReviewForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Outcome).IsInEnum();
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
