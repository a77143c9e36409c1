using CommunityService.Data;
using CommunityService.Data.Catalog;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Admin.ServiceTypes;

public sealed class ServiceTypeForm
{
    public int Id { get; set; }
    public ServiceCategory Category { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool IsActive { get; set; }
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<ServiceTypeForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.Category).IsInEnum();
            RuleFor(f => f.Name).NotEmpty().MaximumLength(ServiceType.NameMaxLength).WithName(_ => l["Name"])
                .MustAsync(async (form, name, ct) => !await db.ServiceTypes.AnyAsync(t => t.Name == name.Trim() && t.Category == form.Category && t.Id != form.Id, ct))
                .WithMessage(_ => l["This service type already exists in the category."]);
            RuleFor(f => f.Description).MaximumLength(ServiceType.DescriptionMaxLength).WithName(_ => l["Description"]);
        }
    }
}
