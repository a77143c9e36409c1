using CommunityService.Data.Privacy;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Privacy;

/// <summary>What a resident asks for. Status, answer and handler are not on it, so posting them binds to nothing.</summary>
public sealed class AskForm
{
    public const string TickToDelete = "Tick the box to confirm that you want your data deleted.";

    public PrivacyRequestKind? Kind { get; set; }
    public string Details { get; set; } = "";
    public string ShouldBe { get; set; } = "";

    /// <summary>For a deletion: the resident has read that the account closes and cannot be opened again.</summary>
    public bool Understood { get; set; }

    public sealed class Validator : AbstractValidator<AskForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Kind).NotNull().IsInEnum().WithName(_ => l["What would you like us to do?"]);
            RuleFor(f => f.Details).MaximumLength(PrivacyRequest.TextMaxLength).WithName(_ => l["What is wrong"]);
            RuleFor(f => f.Details).NotEmpty().When(f => f.Kind == PrivacyRequestKind.Correction).WithMessage(_ => l[PrivacyRequest.NeedsWhatIsWrong]);
            RuleFor(f => f.ShouldBe).MaximumLength(PrivacyRequest.TextMaxLength).WithName(_ => l["What it should be"]);
            RuleFor(f => f.ShouldBe).NotEmpty().When(f => f.Kind == PrivacyRequestKind.Correction).WithName(_ => l["What it should be"]);
            RuleFor(f => f.Understood).Equal(true).When(f => f.Kind == PrivacyRequestKind.Deletion).WithMessage(_ => l[TickToDelete]);
        }
    }
}

/// <summary>Staff finish a request: for a correction, what they changed; for a deletion, the ticked confirmation.</summary>
public sealed class CompleteForm
{
    public const string TickToAnonymize = "Tick the box to confirm: the resident's data will be anonymized and the account closed. This cannot be undone.";

    public string Answer { get; set; } = "";
    public bool Confirm { get; set; }
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<CompleteForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Answer).MaximumLength(PrivacyRequest.TextMaxLength).WithName(_ => l["What was changed"]);
            RuleFor(f => f.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public sealed class RejectForm
{
    public string Reason { get; set; } = "";
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<RejectForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Reason).NotEmpty().MaximumLength(PrivacyRequest.TextMaxLength).WithName(_ => l["Reason"]);
            RuleFor(f => f.Version).GreaterThanOrEqualTo(0);
        }
    }
}
