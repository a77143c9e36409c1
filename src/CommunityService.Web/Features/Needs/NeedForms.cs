using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Needs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Needs;

public sealed class NeedForm
{
    public int? SurveyId { get; set; }
    public string Text { get; set; } = "";
    public int? CommunityId { get; set; }
    public int? ServiceTypeId { get; set; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public int ResidentsConcerned { get; set; }
    public NeedPriority Priority { get; set; } = NeedPriority.Medium;
    public List<EvidenceInput> Evidence { get; set; } = [];

    /// <summary>One possible piece of evidence offered on the form: a question or a note, ticked or not.</summary>
    public sealed class EvidenceInput
    {
        public bool Use { get; set; }
        public int? QuestionId { get; set; }
        public int? FieldNoteId { get; set; }
        public string Label { get; set; } = "";
        public string Figure { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<NeedForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.Text).NotEmpty().MaximumLength(NeedFinding.TextMaxLength).WithName(_ => l["Need"]);
            RuleFor(f => f.CommunityId).NotNull().WithMessage(_ => l["Please choose a community."])
                .MustAsync((id, ct) => db.Communities.AnyAsync(c => c.Id == id, ct)).When(f => f.CommunityId is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l["Please choose a community."]);
            RuleFor(f => f.ServiceTypeId).MustAsync((id, ct) => db.ServiceTypes.AnyAsync(t => t.Id == id, ct))
                .When(f => f.ServiceTypeId is not null).WithMessage(_ => l["Please choose a service type."]);
            RuleFor(f => f.TargetGroups).NotEmpty().WithMessage(_ => l["Choose at least one target group."]);
            RuleForEach(f => f.TargetGroups).IsInEnum();
            RuleFor(f => f.ResidentsConcerned).InclusiveBetween(0, 1_000_000).WithName(_ => l["Residents concerned"]);
            RuleFor(f => f.Priority).IsInEnum();
            RuleForEach(f => f.Evidence).ChildRules(e =>
                e.RuleFor(x => x.Figure).MaximumLength(NeedEvidence.FigureMaxLength).WithName(_ => l["Figure"]));
        }
    }
}

public sealed class SetAsideForm
{
    public string Reason { get; set; } = "";

    public sealed class Validator : AbstractValidator<SetAsideForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.Reason).NotEmpty().WithMessage(_ => l[Data.Projects.GateMessages.ReasonRequired])
                .MaximumLength(NeedFinding.ReasonMaxLength).WithName(_ => l["Reason"]);
    }
}

public sealed class ProposeForm
{
    public List<int> NeedIds { get; set; } = [];
    public string Name { get; set; } = "";
    public string Summary { get; set; } = "";
    public int? ServiceTypeId { get; set; }
    public int? CommunityId { get; set; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public int ExpectedBeneficiaries { get; set; }
    public string ResourcesToUse { get; set; } = "";
    public decimal RoughBudget { get; set; }

    public sealed class Validator : AbstractValidator<ProposeForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.NeedIds).NotEmpty().WithMessage(_ => l["Choose at least one need."]);
            RuleFor(f => f.Name).NotEmpty().MaximumLength(Data.Projects.ServiceProject.NameMaxLength).WithName(_ => l["Project name"]);
            RuleFor(f => f.Summary).MaximumLength(Data.Projects.ServiceProject.SummaryMaxLength).WithName(_ => l["Summary"]);
            RuleFor(f => f.ServiceTypeId).NotNull().WithMessage(_ => l["Please choose a service type."])
                .MustAsync((id, ct) => db.ServiceTypes.AnyAsync(t => t.Id == id && t.IsActive, ct)).When(f => f.ServiceTypeId is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l["Please choose a service type."]);
            RuleFor(f => f.CommunityId).NotNull().WithMessage(_ => l["Please choose a community."])
                .MustAsync((id, ct) => db.Communities.AnyAsync(c => c.Id == id && c.IsActive, ct)).When(f => f.CommunityId is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l["Please choose a community."]);
            RuleFor(f => f.TargetGroups).NotEmpty().WithMessage(_ => l["Choose at least one target group."]);
            RuleForEach(f => f.TargetGroups).IsInEnum();
            RuleFor(f => f.ExpectedBeneficiaries).InclusiveBetween(0, 1_000_000).WithName(_ => l["Expected beneficiaries"]);
            RuleFor(f => f.ResourcesToUse).MaximumLength(Data.Projects.ServiceProject.ResourcesMaxLength).WithName(_ => l["Resources to use"]);
            RuleFor(f => f.RoughBudget).GreaterThanOrEqualTo(0).PrecisionScale(12, 2, true).WithName(_ => l["Rough budget (yuan)"]);
        }
    }
}
