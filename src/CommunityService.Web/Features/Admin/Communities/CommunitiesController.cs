using CommunityService.Data;
using CommunityService.Data.Communities;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Admin.Communities;

[Authorize(Policy = Policies.Admin)]
[Route("admin/communities")]
public sealed class CommunitiesController(CommunityServiceDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Communities.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CommunityRow(c.Id, c.Name, c.Description, c.IsActive)).ToListAsync(ct));

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new CommunityForm { IsActive = true });

    [HttpPost("create")]
    public async Task<IActionResult> Create(CommunityForm form, [FromServices] IValidator<CommunityForm> validator, CancellationToken ct)
    {
        form.Id = 0;
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form, "Edit");
        }
        var office = await db.StreetOffices.OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (office is null)
        {
            office = new StreetOffice { Name = l["Street office"] };
            db.StreetOffices.Add(office);
        }
        db.Communities.Add(new Community { StreetOffice = office, Name = form.Name.Trim(), Description = form.Description.Trim(), IsActive = form.IsActive });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators added the same name at once: the unique index kept one.
            ModelState.AddModelError(nameof(form.Name), l["A community with this name already exists."]);
            return this.InvalidForm(form, "Edit", StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The community was saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var c = await db.Communities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? NotFound() : View(new CommunityForm { Id = c.Id, Name = c.Name, Description = c.Description, IsActive = c.IsActive, Version = c.Version });
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CommunityForm form, [FromServices] IValidator<CommunityForm> validator, CancellationToken ct)
    {
        form.Id = id;
        var community = await db.Communities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (community is null)
        {
            return NotFound();
        }
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        db.ExpectVersion(community, form.Version);
        community.Name = form.Name.Trim();
        community.Description = form.Description.Trim();
        community.IsActive = form.IsActive;
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
            ModelState.AddModelError(nameof(form.Name), l["A community with this name already exists."]);
            return this.InvalidForm(form, status: StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The community was saved."].Value;
        return RedirectToAction(nameof(Index));
    }
}
