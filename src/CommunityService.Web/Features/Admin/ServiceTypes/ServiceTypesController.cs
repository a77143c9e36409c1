using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Admin.ServiceTypes;

[Authorize(Policy = Policies.Admin)]
[Route("admin/service-types")]
public sealed class ServiceTypesController(CommunityServiceDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.ServiceTypes.AsNoTracking().OrderBy(t => t.Category).ThenBy(t => t.Id)
            .Select(t => new ServiceTypeRow(t.Id, t.Category, t.Name, t.Description, t.IsActive)).ToListAsync(ct));

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new ServiceTypeForm { IsActive = true });

    [HttpPost("create")]
    public async Task<IActionResult> Create(ServiceTypeForm form, [FromServices] IValidator<ServiceTypeForm> validator, CancellationToken ct)
    {
        form.Id = 0;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form, "Edit");
        }
        db.ServiceTypes.Add(new ServiceType { Category = form.Category, Name = form.Name.Trim(), Description = form.Description.Trim(), IsActive = form.IsActive });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators added the same name at once: the unique index kept one.
            ModelState.AddModelError(nameof(form.Name), l["This service type already exists in the category."]);
            return this.InvalidForm(form, "Edit", StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The service type was saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var t = await db.ServiceTypes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return t is null ? NotFound() : View(new ServiceTypeForm
        {
            Id = t.Id, Category = t.Category, Name = t.Name, Description = t.Description, IsActive = t.IsActive, Version = t.Version,
        });
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ServiceTypeForm form, [FromServices] IValidator<ServiceTypeForm> validator, CancellationToken ct)
    {
        form.Id = id;
        var type = await db.ServiceTypes.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (type is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        db.ExpectVersion(type, form.Version);
        // The category is fixed once projects use the type: their category is copied from it.
        type.Name = form.Name.Trim();
        type.Description = form.Description.Trim();
        type.IsActive = form.IsActive;
        try
        {
            if (!await db.TrySaveAsync(ct))
            {
                return this.ConflictForm(form);
            }
        }
        catch (DbUpdateException)
        {
            // Not a lost race (TrySaveAsync answers those): the unique name.
            ModelState.AddModelError(nameof(form.Name), l["This service type already exists in the category."]);
            return this.InvalidForm(form, status: StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The service type was saved."].Value;
        return RedirectToAction(nameof(Index));
    }
}
