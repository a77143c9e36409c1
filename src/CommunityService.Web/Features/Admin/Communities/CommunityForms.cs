using CommunityService.Data;
using CommunityService.Data.Communities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Admin.Communities;

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
