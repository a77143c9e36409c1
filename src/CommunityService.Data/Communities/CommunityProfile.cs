namespace CommunityService.Data.Communities;

/// <summary>
/// 社区概况: one dated version of a community's profile (environment, history, geography, resources and
/// population composition). Versions are never edited: a change is a new version, so the history stays.
/// </summary>
public class CommunityProfile
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int VersionNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";

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

    public List<ProfileVenue> Venues { get; set; } = [];

    public int TotalResidents => ResidentsUnder18 + Residents18To59 + Residents60To79 + Residents80AndOver;
}

public enum VenueOwner
{
    Center,
    StationedUnit,
}

/// <summary>A venue the community can use: the center's own, or one a stationed unit (驻社区单位) opens to it.</summary>
public class ProfileVenue
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int ProfileId { get; set; }
    public string Name { get; set; } = "";
    public VenueOwner Owner { get; set; }
    public string UnitName { get; set; } = "";
    public int Capacity { get; set; }
}
