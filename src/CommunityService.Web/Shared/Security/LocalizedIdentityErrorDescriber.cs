using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Security;

/// <summary>Identity's error messages through the shared string table instead of its built-in English.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Someone else changed this record at the same time. Please review and save again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The password is not correct."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["The link has expired. Please try again."]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), l["This sign-in is already in use."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["The user name may use only letters, digits, '-', '_', '.' and '@'."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["The e-mail address is not valid."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["The user name '{0}' is already taken.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["The e-mail address '{0}' is already registered.", email]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), l["The role name is not valid."]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), l["The role already exists."]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["The account already has a password."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), l["Something went wrong. Please try again."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), l["The user already has this role."]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), l["The user does not have this role."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["The password must be at least {0} characters long.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["The password is too simple."]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["The password is too simple."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["The password is too simple."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["The password is too simple."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["The password is too simple."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
