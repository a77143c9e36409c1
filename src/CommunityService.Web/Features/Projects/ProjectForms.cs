using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using CommunityService.Data.Projects;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Projects;

public sealed class ProjectForm
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Summary { get; set; } = "";
    public int? ServiceTypeId { get; set; }
    public int? CommunityId { get; set; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public int ExpectedBeneficiaries { get; set; }
    public string ResourcesToUse { get; set; } = "";
    public decimal RoughBudget { get; set; }
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<ProjectForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.Name).NotEmpty().MaximumLength(ServiceProject.NameMaxLength).WithName(_ => l["Project name"]);
            RuleFor(f => f.Summary).MaximumLength(ServiceProject.SummaryMaxLength).WithName(_ => l["Summary"]);
            RuleFor(f => f.ServiceTypeId).NotNull().WithMessage(_ => l["Please choose a service type."])
                .MustAsync((id, ct) => db.ServiceTypes.AnyAsync(t => t.Id == id && t.IsActive, ct))
                .When(f => f.ServiceTypeId is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => l["Please choose a service type."]);
            RuleFor(f => f.CommunityId).NotNull().WithMessage(_ => l["Please choose a community."])
                .MustAsync((id, ct) => db.Communities.AnyAsync(c => c.Id == id && c.IsActive, ct))
                .When(f => f.CommunityId is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => l["Please choose a community."]);
            RuleFor(f => f.TargetGroups).NotEmpty().WithMessage(_ => l["Choose at least one target group."]);
            RuleForEach(f => f.TargetGroups).IsInEnum();
            RuleFor(f => f.ExpectedBeneficiaries).InclusiveBetween(0, 1_000_000).WithName(_ => l["Expected beneficiaries"]);
            RuleFor(f => f.ResourcesToUse).MaximumLength(ServiceProject.ResourcesMaxLength).WithName(_ => l["Resources to use"]);
            RuleFor(f => f.RoughBudget).GreaterThanOrEqualTo(0).PrecisionScale(12, 2, true).WithName(_ => l["Rough budget (yuan)"]);
        }
    }
}

public sealed class NeedForm
{
    public string Text { get; set; } = "";

    public sealed class Validator : AbstractValidator<NeedForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.Text).NotEmpty().MaximumLength(NeedFinding.TextMaxLength).WithName(_ => l["Need"]);
    }
}

public sealed class StageForm
{
    public ProjectStage To { get; set; }
    public string Reason { get; set; } = "";

    public sealed class Validator : AbstractValidator<StageForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.To).IsInEnum();
            RuleFor(f => f.Reason).MaximumLength(StageChange.ReasonMaxLength).WithName(_ => l["Reason"]);
        }
    }
}

public sealed class CancelForm
{
    public string Reason { get; set; } = "";

    public sealed class Validator : AbstractValidator<CancelForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.Reason).NotEmpty().WithMessage(_ => l[GateMessages.ReasonRequired])
                .MaximumLength(StageChange.ReasonMaxLength).WithName(_ => l["Reason"]);
    }
}
