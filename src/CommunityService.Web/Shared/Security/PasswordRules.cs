using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Security;

/// <summary>At least 8 characters, at most 128, not a common one, and no composition rules (NIST SP 800-63B).</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static void Apply<T>(IRuleBuilderInitial<T, string> rule, IStringLocalizer<SharedResource> l) =>
        rule.NotEmpty().WithName(_ => l["Password"])
            .Length(MinLength, MaxLength).WithMessage(_ => l["The password must be between {0} and {1} characters long.", MinLength, MaxLength])
            .Must(p => !CommonPasswords.IsCommon(p)).WithMessage(_ => l[CommonPasswords.Message]);
}
