using CommunityService.Data.Identity;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Account;

public sealed class LoginForm
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }

    public sealed class Validator : AbstractValidator<LoginForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.UserName).NotEmpty().MaximumLength(ApplicationUser.UserNameMaxLength).WithName(_ => l["User name"]);
            RuleFor(f => f.Password).NotEmpty().MaximumLength(PasswordRules.MaxLength).WithName(_ => l["Password"]);
        }
    }
}

public sealed class RegisterForm
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int? CommunityId { get; set; }
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Where the visitor was going (e.g. a sign-up form) before they needed an account.</summary>
    public string? ReturnUrl { get; set; }

    public sealed class Validator : AbstractValidator<RegisterForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.UserName).NotEmpty().MaximumLength(ApplicationUser.UserNameMaxLength)
                .Matches("^[A-Za-z0-9._@-]+$").WithMessage(_ => l["The user name may use only letters, digits, '-', '_', '.' and '@'."])
                .WithName(_ => l["User name"]);
            RuleFor(f => f.DisplayName).NotEmpty().MaximumLength(ApplicationUser.DisplayNameMaxLength).OwnName(l).WithName(_ => l["Full name"]);
            RuleFor(f => f.CommunityId).NotNull().WithMessage(_ => l["Please choose your community."]);
            PasswordRules.Apply(RuleFor(f => f.Password), l);
            RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => l["The two passwords do not match."]);
        }
    }
}

public sealed class PasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";

    public sealed class Validator : AbstractValidator<PasswordForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.CurrentPassword).NotEmpty().MaximumLength(PasswordRules.MaxLength).WithName(_ => l["Current password"]);
            PasswordRules.Apply(RuleFor(f => f.NewPassword), l);
            RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(_ => l["The two passwords do not match."]);
        }
    }
}
