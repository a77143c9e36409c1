using CommunityService.Data.Communities;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Communities;

public sealed class ProfileForm
{
    public const int VenueRows = 5;
    public const int MaxCount = 1_000_000;

    public int CommunityId { get; set; }
    public string CommunityName { get; set; } = "";

    /// <summary>The version the form was filled from (0: none yet); a newer one saved meanwhile is a clash.</summary>
    public int BasedOnVersion { get; set; }

    public string Environment { get; set; } = "";
    public string History { get; set; } = "";
    public string Geography { get; set; } = "";
    public string Facilities { get; set; } = "";
    public string Organizations { get; set; } = "";
    public string VolunteerBase { get; set; } = "";

    public int Households { get; set; }
    public int ResidentsUnder18 { get; set; }
    public int Residents18To59 { get; set; }
    public int Residents60To79 { get; set; }
    public int Residents80AndOver { get; set; }
    public int ElderlyLivingAlone { get; set; }
    public int PeopleWithDisabilities { get; set; }
    public int LowIncomeHouseholds { get; set; }
    public int ChildrenInNeed { get; set; }

    public List<VenueInput> Venues { get; set; } = [];

    public sealed class VenueInput
    {
        public string Name { get; set; } = "";
        public VenueOwner Owner { get; set; }
        public string UnitName { get; set; } = "";
        public int? Capacity { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(UnitName) && Capacity is null && Owner == VenueOwner.Center;
    }

    public static ProfileForm From(CommunityProfile? profile, int communityId, string communityName)
    {
        var form = new ProfileForm { CommunityId = communityId, CommunityName = communityName };
        if (profile is not null)
        {
            form.BasedOnVersion = profile.VersionNumber;
            form.Environment = profile.Environment;
            form.History = profile.History;
            form.Geography = profile.Geography;
            form.Facilities = profile.Facilities;
            form.Organizations = profile.Organizations;
            form.VolunteerBase = profile.VolunteerBase;
            form.Households = profile.Households;
            form.ResidentsUnder18 = profile.ResidentsUnder18;
            form.Residents18To59 = profile.Residents18To59;
            form.Residents60To79 = profile.Residents60To79;
            form.Residents80AndOver = profile.Residents80AndOver;
            form.ElderlyLivingAlone = profile.ElderlyLivingAlone;
            form.PeopleWithDisabilities = profile.PeopleWithDisabilities;
            form.LowIncomeHouseholds = profile.LowIncomeHouseholds;
            form.ChildrenInNeed = profile.ChildrenInNeed;
            form.Venues = profile.Venues.OrderBy(v => v.Id)
                .Select(v => new VenueInput { Name = v.Name, Owner = v.Owner, UnitName = v.UnitName, Capacity = v.Capacity }).ToList();
        }
        form.PadVenues();
        return form;
    }

    /// <summary>The next version of the profile as this form describes it; blank venue rows are left out.</summary>
    public CommunityProfile ToProfile(int versionNumber, string createdById, DateTime createdAt) => new()
    {
        CommunityId = CommunityId,
        VersionNumber = versionNumber,
        CreatedById = createdById,
        CreatedAt = createdAt,
        Environment = Environment.Trim(),
        History = History.Trim(),
        Geography = Geography.Trim(),
        Facilities = Facilities.Trim(),
        Organizations = Organizations.Trim(),
        VolunteerBase = VolunteerBase.Trim(),
        Households = Households,
        ResidentsUnder18 = ResidentsUnder18,
        Residents18To59 = Residents18To59,
        Residents60To79 = Residents60To79,
        Residents80AndOver = Residents80AndOver,
        ElderlyLivingAlone = ElderlyLivingAlone,
        PeopleWithDisabilities = PeopleWithDisabilities,
        LowIncomeHouseholds = LowIncomeHouseholds,
        ChildrenInNeed = ChildrenInNeed,
        Venues = Venues.Where(v => !v.IsBlank).Select(v => new ProfileVenue
        {
            Name = v.Name.Trim(),
            Owner = v.Owner,
            UnitName = v.Owner == VenueOwner.StationedUnit ? v.UnitName.Trim() : "",
            Capacity = v.Capacity ?? 0,
        }).ToList(),
    };

    public void PadVenues()
    {
        while (Venues.Count < VenueRows)
        {
            Venues.Add(new VenueInput());
        }
    }

    public sealed class Validator : AbstractValidator<ProfileForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Environment).MaximumLength(CommunityProfile.TextMaxLength).WithName(_ => l["Environment"]);
            RuleFor(f => f.History).MaximumLength(CommunityProfile.TextMaxLength).WithName(_ => l["History"]);
            RuleFor(f => f.Geography).MaximumLength(CommunityProfile.TextMaxLength).WithName(_ => l["Geography"]);
            RuleFor(f => f.Facilities).MaximumLength(CommunityProfile.TextMaxLength).WithName(_ => l["Facilities"]);
            RuleFor(f => f.Organizations).MaximumLength(CommunityProfile.TextMaxLength).WithName(_ => l["Organizations"]);
            RuleFor(f => f.VolunteerBase).MaximumLength(CommunityProfile.TextMaxLength).WithName(_ => l["Volunteer base"]);

            RuleFor(f => f.Households).InclusiveBetween(0, MaxCount).WithName(_ => l["Households"]);
            RuleFor(f => f.ResidentsUnder18).InclusiveBetween(0, MaxCount).WithName(_ => l["Residents under 18"]);
            RuleFor(f => f.Residents18To59).InclusiveBetween(0, MaxCount).WithName(_ => l["Residents aged 18-59"]);
            RuleFor(f => f.Residents60To79).InclusiveBetween(0, MaxCount).WithName(_ => l["Residents aged 60-79"]);
            RuleFor(f => f.Residents80AndOver).InclusiveBetween(0, MaxCount).WithName(_ => l["Residents aged 80 and over"]);
            RuleFor(f => f.ElderlyLivingAlone).InclusiveBetween(0, MaxCount).WithName(_ => l["Elderly living alone"]);
            RuleFor(f => f.PeopleWithDisabilities).InclusiveBetween(0, MaxCount).WithName(_ => l["People with disabilities"]);
            RuleFor(f => f.LowIncomeHouseholds).InclusiveBetween(0, MaxCount).WithName(_ => l["Low-income households"]);
            RuleFor(f => f.ChildrenInNeed).InclusiveBetween(0, MaxCount).WithName(_ => l["Children in need"]);

            RuleFor(f => f.Venues).Must(v => v.Count(x => !x.IsBlank) <= VenueRows)
                .WithMessage(_ => l["A profile lists at most {0} venues.", VenueRows]);
            RuleFor(f => f.Venues)
                .Must(v => v.Where(x => !string.IsNullOrWhiteSpace(x.Name)).GroupBy(x => x.Name.Trim()).All(g => g.Count() == 1))
                .WithMessage(_ => l["Each venue needs a different name."]);
            RuleForEach(f => f.Venues).ChildRules(v =>
            {
                v.RuleFor(x => x.Name).NotEmpty().When(x => !x.IsBlank).WithName(_ => l["Venue name"]);
                v.RuleFor(x => x.Name).MaximumLength(ProfileVenue.NameMaxLength).WithName(_ => l["Venue name"]);
                v.RuleFor(x => x.Owner).IsInEnum().WithName(_ => l["Owner"]);
                v.RuleFor(x => x.UnitName).NotEmpty().When(x => x.Owner == VenueOwner.StationedUnit)
                    .WithMessage(_ => l["Name the stationed unit that opens this venue."]);
                v.RuleFor(x => x.UnitName).MaximumLength(ProfileVenue.NameMaxLength).WithName(_ => l["Unit name"]);
                v.RuleFor(x => x.Capacity).InclusiveBetween(0, MaxCount).When(x => x.Capacity is not null).WithName(_ => l["Capacity (people)"]);
            });
        }
    }
}
