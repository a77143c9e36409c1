using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Admin.Users;

public sealed class UserForm
{
    public string? Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int? CommunityId { get; set; }
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool IsDisabled { get; set; }
    public bool IsRepresentative { get; set; }
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<UserForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.UserName).NotEmpty().MaximumLength(ApplicationUser.UserNameMaxLength)
                .Matches("^[A-Za-z0-9._@-]+$").WithMessage(_ => l["The user name may use only letters, digits, '-', '_', '.' and '@'."])
                .WithName(_ => l["User name"]);
            RuleFor(f => f.DisplayName).NotEmpty().MaximumLength(ApplicationUser.DisplayNameMaxLength).PersonName(l).WithName(_ => l["Full name"]);
            When(f => f.Id is null, () => PasswordRules.Apply(RuleFor(f => f.Password!), l));
            // A community that does not exist would fail the save on its foreign key (a 500), not the form.
            RuleFor(f => f.CommunityId).MustAsync((id, ct) => db.Communities.AnyAsync(c => c.Id == id, ct)).When(f => f.CommunityId is not null)
                .WithMessage(_ => l["Please choose a community."]);
            RuleFor(f => f.Roles).NotEmpty().WithMessage(_ => l["Choose at least one role."]);
            RuleForEach(f => f.Roles).Must(r => Data.Identity.Roles.All.Contains(r)).WithMessage(_ => l["The value is not valid."]);
            RuleFor(f => f.IsRepresentative).Must((f, representative) => !representative || f.Roles.Contains(Data.Identity.Roles.Resident))
                .WithMessage(_ => l[RepresentativeRules.OnlyResidents]);
            RuleFor(f => f.IsRepresentative).Must((f, representative) => !representative || f.CommunityId is not null)
                .WithMessage(_ => l[RepresentativeRules.NeedsCommunity]);
        }
    }
}
