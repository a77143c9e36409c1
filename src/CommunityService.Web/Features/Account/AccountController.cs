using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    CommunityServiceDbContext db,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator, CancellationToken ct)
    {
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(Cleared(form));
        }
        var user = await users.FindByNameAsync(form.UserName.Trim());
        // The password is checked first, so "disabled" is only ever told to the account's owner.
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (user is null || result.IsLockedOut)
        {
            // An unknown name, or a locked account (Identity refuses it before hashing): a password is hashed all the same, so
            // neither answers faster than a wrong password does (issue #19: the time must not tell which names are accounts).
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash(users.PasswordHasher), form.Password);
        }
        if (result.Succeeded && user!.IsDisabled)
        {
            await audit.WriteForAsync(user.Id, user.DisplayName, AuditAction.SignInFailed, AuditRecordType.Account, user.UserName!, AuditResult.Denied, "disabled", ct);
            ModelState.AddModelError("", l["This account is disabled. Please contact the service center."]);
            return this.InvalidForm(Cleared(form));
        }
        if (result.Succeeded)
        {
            await signIn.SignInAsync(user!, form.RememberMe);
            await audit.WriteForAsync(user!.Id, user.DisplayName, AuditAction.SignedIn, AuditRecordType.Account, user.UserName!, AuditResult.Succeeded, "", ct);
            if (Url.LocalOr(form.ReturnUrl, "") is { Length: > 0 } back)
            {
                return LocalRedirect(back);
            }
            var roles = await users.GetRolesAsync(user!);
            return LandingPage(roles);
        }
        // Only a name that is an account is kept: what was typed into the name box might be someone's password.
        await audit.WriteForAsync(user?.Id, user?.DisplayName ?? "", AuditAction.SignInFailed, AuditRecordType.Account, user?.UserName ?? "",
            AuditResult.Denied, user is null ? "unknown account" : result.IsLockedOut ? "locked out" : "wrong password", ct);
        // One message for an unknown name, a wrong password and a locked account: the answer must not tell them apart.
        ModelState.AddModelError("", l[WrongSignIn]);
        return this.InvalidForm(Cleared(form));
    }

    public const string WrongSignIn = "The user name or password is not correct. After 5 wrong attempts in a row an account is locked for 15 minutes.";

    /// <summary>The one message for a user name that cannot be registered: taken, or reserved, alike.</summary>
    public const string NameNotAvailable = "This user name cannot be used. Please choose another one.";

    private static readonly ApplicationUser Decoy = new();
    private static string? decoyHash;

    private static string DecoyHash(IPasswordHasher<ApplicationUser> hasher) =>
        decoyHash ??= hasher.HashPassword(Decoy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    [AllowAnonymous]
    [HttpGet("register")]
    public async Task<IActionResult> Register(string? returnUrl, CancellationToken ct)
    {
        await LoadCommunitiesAsync(ct);
        return View(new RegisterForm { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
    }

    [AllowAnonymous]
    [HttpPost("register")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator, CancellationToken ct)
    {
        await LoadCommunitiesAsync(ct);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (!await db.Communities.AnyAsync(c => c.Id == form.CommunityId && c.IsActive, ct))
        {
            ModelState.AddModelError(nameof(form.CommunityId), l["Please choose your community."]);
            return this.InvalidForm(form);
        }
        var user = new ApplicationUser
        {
            UserName = form.UserName.Trim(),
            DisplayName = form.DisplayName.Trim(),
            CommunityId = form.CommunityId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, form.Password);
        }
        catch (DbUpdateException)
        {
            // The same name registered twice at once: the unique index on the user name kept one.
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(user.UserName));
        }
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                // A taken name is not named as taken (the sign-in rate limit also holds registrations back).
                ModelState.AddModelError(error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(form.UserName) : "",
                    error.Code == "DuplicateUserName" ? l[NameNotAvailable] : error.Description);
            }
            return this.InvalidForm(form);
        }
        await users.AddToRoleAsync(user, Roles.Resident);
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.WriteForAsync(user.Id, user.DisplayName, AuditAction.AccountCreated, AuditRecordType.Account, user.UserName, AuditResult.Succeeded, "registered", ct);
        TempData["Message"] = l["Welcome! Your account is ready."].Value;
        return LocalRedirect(Url.LocalOr(form.ReturnUrl, Url.Action("Index", "Home")));
    }

    [Authorize]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        // A new security stamp ends the person's other sessions too (a shared computer, a lost phone) at their next check.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(User, AuditAction.SignedOut, AuditRecordType.Account, user.UserName!, AuditResult.Succeeded, "", ct);
        }
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [Authorize]
    [HttpGet("password")]
    public IActionResult Password() => View(new PasswordForm());

    [Authorize]
    [HttpPost("password")]
    public async Task<IActionResult> Password(PasswordForm form, [FromServices] IValidator<PasswordForm> validator, CancellationToken ct)
    {
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(new PasswordForm());
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return this.InvalidForm(new PasswordForm());
        }
        // The new security stamp ends every other session; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(User, AuditAction.PasswordChanged, AuditRecordType.Account, user.UserName!, AuditResult.Succeeded, "", ct);
        TempData["Message"] = l["Your password has been changed."].Value;
        return RedirectToAction("Index", "Home");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private RedirectToActionResult LandingPage(IList<string> roles) =>
        roles.Contains(Roles.Admin) ? RedirectToAction("Index", "Users")
        : roles.Contains(Roles.Manager) || roles.Contains(Roles.Staff) ? RedirectToAction("Index", "Projects")
        : RedirectToAction("Index", "Home");

    private static LoginForm Cleared(LoginForm form) =>
        new() { UserName = form.UserName, RememberMe = form.RememberMe, ReturnUrl = form.ReturnUrl };

    private async Task LoadCommunitiesAsync(CancellationToken ct) =>
        ViewData["Communities"] = await db.Communities.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
}
