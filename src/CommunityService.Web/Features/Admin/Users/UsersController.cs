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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Admin.Users;

[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(
    CommunityServiceDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Upper case on both sides: the same matches on every provider, whatever its collation (see docs/architecture.md).
            var term = q.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // A query, not .NET: UPPER(column) LIKE on every provider; the StringComparison overloads do not translate.
            query = query.Where(u => u.NormalizedUserName!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1862
        }
        var rows = await query.OrderBy(u => u.UserName)
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Community!.Name, u.IsDisabled,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new UserList(q, rows));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        await LoadCommunitiesAsync(ct);
        return View(new UserForm { Roles = [Roles.Staff] });
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserForm form, [FromServices] IValidator<UserForm> validator, CancellationToken ct)
    {
        form.Id = null;
        await LoadCommunitiesAsync(ct);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        var user = new ApplicationUser
        {
            UserName = form.UserName.Trim(), DisplayName = form.DisplayName.Trim(), CommunityId = form.CommunityId,
            IsRepresentative = form.IsRepresentative, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, form.Password ?? "");
        if (!created.Succeeded)
        {
            return Refused(form, created);
        }
        await users.AddToRolesAsync(user, form.Roles.Distinct());
        await audit.WriteAsync(User, AuditAction.AccountCreated, AuditRecordType.Account, user.UserName, AuditResult.Succeeded, string.Join(",", form.Roles.Distinct()), ct);
        TempData["Message"] = l["The account was created."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await LoadCommunitiesAsync(ct);
        return View(new UserForm
        {
            Id = user.Id, UserName = user.UserName!, DisplayName = user.DisplayName, CommunityId = user.CommunityId,
            IsDisabled = user.IsDisabled, IsRepresentative = user.IsRepresentative, Roles = [.. await users.GetRolesAsync(user)], Version = user.Version,
        });
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserForm form, [FromServices] IValidator<UserForm> validator, CancellationToken ct)
    {
        form.Id = id;
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        form.UserName = user.UserName!;
        await LoadCommunitiesAsync(ct);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (user.Id == User.UserId() && (form.IsDisabled || !form.Roles.Contains(Roles.Admin)))
        {
            ModelState.AddModelError("", l["You cannot disable your own account or remove your own administrator role."]);
            return this.InvalidForm(form);
        }
        if (user.Version != form.Version)
        {
            // UserStore.UpdateAsync calls DbContext.Update, which takes the values just loaded as the originals: a Version
            // original set here would be overwritten and the later save would silently win, so the clash is caught before.
            ModelState.Remove(nameof(form.Version));
            form.Version = user.Version;
            return this.ConflictForm(form);
        }
        var disabling = form.IsDisabled && !user.IsDisabled;
        var enabling = !form.IsDisabled && user.IsDisabled;
        user.DisplayName = form.DisplayName.Trim();
        user.CommunityId = form.CommunityId;
        user.IsDisabled = form.IsDisabled;
        user.IsRepresentative = form.IsRepresentative;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Refused(form, updated, StatusCodes.Status409Conflict);
        }
        var current = await users.GetRolesAsync(user);
        var wanted = form.Roles.Distinct().ToList();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        var rolesChanged = !current.ToHashSet().SetEquals(wanted);
        if (disabling || rolesChanged)
        {
            // A new stamp ends the user's sessions at their next validation.
            await users.UpdateSecurityStampAsync(user);
        }
        audit.Add(User, rolesChanged ? AuditAction.RolesChanged : AuditAction.AccountChanged, AuditRecordType.Account, user.UserName!,
            detail: rolesChanged ? $"{string.Join(",", current.Order())} → {string.Join(",", wanted.Order())}" : "");
        if (disabling || enabling)
        {
            audit.Add(User, disabling ? AuditAction.AccountDisabled : AuditAction.AccountEnabled, AuditRecordType.Account, user.UserName!);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The account was saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    private ViewResult Refused(UserForm form, IdentityResult result, int status = StatusCodes.Status400BadRequest)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(form.Password)
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(form.UserName) : "", error.Description);
        }
        return this.InvalidForm(form, status: status);
    }

    private async Task LoadCommunitiesAsync(CancellationToken ct) =>
        ViewData["Communities"] = await db.Communities.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
}
