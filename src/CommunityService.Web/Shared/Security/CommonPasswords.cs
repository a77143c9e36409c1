using CommunityService.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Security;

/// <summary>
/// Passwords anyone would guess first (NIST SP 800-63B asks to refuse them): a list of the commonest ones, a single
/// character repeated, and a straight run of digits or letters. Checked by the forms (the message sits on the field) and
/// by Identity itself, so every way an account gets a password — the command line included — refuses them.
/// </summary>
public static class CommonPasswords
{
    public const string Message = "This password is too easy to guess. Please choose another.";

    private static readonly Lazy<HashSet<string>> List = new(() =>
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CommunityService.Web.Shared.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public static int Count => List.Value.Count;

    public static bool IsCommon(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }
        return List.Value.Contains(password) || password.All(c => c == password[0]) || IsRun(password, 1) || IsRun(password, -1);
    }

    /// <summary>Each character one more (or one less) than the one before: 12345678, abcdefgh, 87654321.</summary>
    private static bool IsRun(string password, int step)
    {
        for (var i = 1; i < password.Length; i++)
        {
            if (char.ToLowerInvariant(password[i]) - char.ToLowerInvariant(password[i - 1]) != step)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>The same refusal inside Identity, plus the one a list cannot know: the account's own user name.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<ApplicationUser>
{
    public const string UserNameMessage = "The password must not contain your user name.";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (CommonPasswords.IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = l[CommonPasswords.Message] }));
        }
        if (password is not null && user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = l[UserNameMessage] }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
