using CommunityService.Data.Participation;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.SignUps;

/// <summary>Someone who came on the day: a name, and a phone if they give one.</summary>
public sealed class WalkInForm
{
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";

    public sealed class Validator : AbstractValidator<WalkInForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Name).NotEmpty().MaximumLength(SignUp.NameMaxLength).PersonName(l).WithName(_ => l["Full name"]);
            RuleFor(f => f.Phone).MaximumLength(SignUp.PhoneMaxLength).Must(PhoneNumbers.IsPlausible).WithMessage(_ => l[PhoneNumbers.Invalid]);
        }
    }
}
