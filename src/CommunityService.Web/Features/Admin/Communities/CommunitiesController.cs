using CommunityService.Data;
using CommunityService.Data.Communities;
using CommunityService.Web.Infrastructure;
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
        db.Entry(community).Property(x => x.Version).OriginalValue = form.Version;
        community.Name = form.Name.Trim();
        community.Description = form.Description.Trim();
        community.IsActive = form.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(form.Name), l["A community with this name already exists."]);
            return this.InvalidForm(form, status: StatusCodes.Status409Conflict);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
            return this.InvalidForm(form, status: StatusCodes.Status409Conflict);
        }
        TempData["Message"] = l["The community was saved."].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record CommunityRow(int Id, string Name, string Description, bool IsActive);

public sealed class CommunityForm
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool IsActive { get; set; }
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<CommunityForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.Name).NotEmpty().MaximumLength(Community.NameMaxLength).WithName(_ => l["Name"])
                .MustAsync(async (form, name, ct) => !await db.Communities.AnyAsync(c => c.Name == name.Trim() && c.Id != form.Id, ct))
                .WithMessage(_ => l["A community with this name already exists."]);
            RuleFor(f => f.Description).MaximumLength(Community.DescriptionMaxLength).WithName(_ => l["Description"]);
        }
    }
}
