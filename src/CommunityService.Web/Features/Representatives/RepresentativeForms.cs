using FluentValidation;

namespace CommunityService.Web.Features.Representatives;

public sealed class RepresentativeForm
{
    public bool IsRepresentative { get; set; }
    public string? ReturnUrl { get; set; }

    public sealed class Validator : AbstractValidator<RepresentativeForm>
    {
        public Validator() => RuleFor(f => f.ReturnUrl).MaximumLength(2000);
    }
}
