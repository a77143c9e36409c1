using CommunityService.Data;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Me;

/// <summary>
/// The resident's own profile. The special-group facts are bound here but kept only while the separate consent
/// stands (the entity refuses them otherwise); the consent itself is given and withdrawn by its own forms.
/// </summary>
public sealed class ProfileForm
{
    public string FullName { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? CommunityId { get; set; }
    public string Address { get; set; } = "";
    public string Household { get; set; } = "";
    public AgeBand? AgeBand { get; set; }
    public bool? HasDisability { get; set; }
    public bool? IsLowIncome { get; set; }
    public int Version { get; set; }

    /// <summary>The stored profile with its facts, decrypted by the caller (they are only ciphertext on the entity).</summary>
    public static ProfileForm From(ResidentProfile p, SensitiveFacts facts) => new()
    {
        FullName = p.FullName, Phone = p.Phone, CommunityId = p.CommunityId, Address = p.Address, Household = p.Household,
        AgeBand = facts.AgeBand, HasDisability = facts.HasDisability, IsLowIncome = facts.IsLowIncome, Version = p.Version,
    };

    public sealed class Validator : AbstractValidator<ProfileForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.FullName).NotEmpty().MaximumLength(ResidentProfile.NameMaxLength).OwnName(l).WithName(_ => l["Full name"]);
            RuleFor(f => f.Phone).MaximumLength(ResidentProfile.PhoneMaxLength).WithName(_ => l["Phone"])
                .Must(PhoneNumbers.IsPlausible).WithMessage(_ => l[PhoneNumbers.Invalid]);
            RuleFor(f => f.CommunityId).NotNull().WithMessage(_ => l["Please choose a community."])
                .MustAsync((id, ct) => db.Communities.AnyAsync(c => c.Id == id && c.IsActive, ct)).When(f => f.CommunityId is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l["Please choose a community."]);
            RuleFor(f => f.Address).MaximumLength(ResidentProfile.AddressMaxLength).WithName(_ => l["Address"]);
            RuleFor(f => f.Household).MaximumLength(ResidentProfile.HouseholdMaxLength).WithName(_ => l["Household members"]);
            RuleFor(f => f.AgeBand).IsInEnum();
        }
    }
}

/// <summary>The separate consent: a box left unticked until the resident ticks it, and the wording version they read.</summary>
public sealed class ConsentForm
{
    public bool Agree { get; set; }
    public string WordingVersion { get; set; } = "";
}

/// <summary>Withdrawing erases facts at once, so it asks for a ticked confirmation rather than one stray click.</summary>
public sealed class WithdrawForm
{
    public bool Confirm { get; set; }
}
