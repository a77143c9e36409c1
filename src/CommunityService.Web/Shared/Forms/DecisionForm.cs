using CommunityService.Data.Decisions;
using CommunityService.Data.Projects;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Forms;

/// <summary>A manager's decision on a proposed project (服务项目的决定), from the project's page or the proposal page.</summary>
public sealed class DecisionForm
{
    public const string ChooseOutcome = "Choose whether to approve the project, reject it or send it back.";

    /// <summary>Null when the post names no outcome: a missing choice is refused, never read as approval.</summary>
    public DecisionOutcome? Outcome { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>Set by the proposal page's form, so the manager lands back where they read the opinions.</summary>
    public bool FromProposal { get; set; }

    public sealed class Validator : AbstractValidator<DecisionForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Outcome).NotNull().WithMessage(_ => l[ChooseOutcome]).IsInEnum().WithMessage(_ => l[ChooseOutcome]);
            RuleFor(f => f.Reason).NotEmpty().WithMessage(_ => l[GateMessages.ReasonRequired])
                .MaximumLength(ProjectDecision.ReasonMaxLength).WithName(_ => l["Reason"]);
        }
    }
}
