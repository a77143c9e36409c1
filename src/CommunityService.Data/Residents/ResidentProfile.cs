using CommunityService.Data.Communities;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;

namespace CommunityService.Data.Residents;

/// <summary>
/// A resident's own profile. Name, phone, community, address and household are ordinary personal information.
/// Age band, disability and low-income status are sensitive personal information (PIPL art. 28): they are kept
/// only while the resident's separate consent stands, and they go when it is withdrawn.
/// </summary>
public class ResidentProfile : IVersioned
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 200;
    public const int HouseholdMaxLength = 500;

    public const string NeedsConsent = "Special-group facts are kept only with your separate consent.";

    public string UserId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Address { get; set; } = "";
    public string Household { get; set; } = "";

    public AgeBand? AgeBand { get; private set; }
    public bool? HasDisability { get; private set; }
    public bool? IsLowIncome { get; private set; }

    /// <summary>When the separate consent to sensitive facts was given, and to which wording; null when there is none.</summary>
    public DateTime? SensitiveConsentAt { get; private set; }
    public string? SensitiveConsentWording { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool HasSensitiveConsent => SensitiveConsentAt is not null;

    public ConsentRecord GiveSensitiveConsent(string wordingVersion, string wordingText, DateTime now)
    {
        SensitiveConsentAt = now;
        SensitiveConsentWording = wordingVersion;
        UpdatedAt = now;
        return new ConsentRecord
        {
            UserId = UserId, Purpose = ConsentPurpose.SensitiveFacts, Given = true,
            WordingVersion = wordingVersion, WordingText = wordingText, At = now,
        };
    }

    /// <summary>Withdrawing the consent erases the sensitive facts at once.</summary>
    public ConsentRecord? WithdrawSensitiveConsent(DateTime now)
    {
        if (!HasSensitiveConsent)
        {
            return null;
        }
        var wording = SensitiveConsentWording ?? "";
        SensitiveConsentAt = null;
        SensitiveConsentWording = null;
        AgeBand = null;
        HasDisability = null;
        IsLowIncome = null;
        UpdatedAt = now;
        return new ConsentRecord
        {
            UserId = UserId, Purpose = ConsentPurpose.SensitiveFacts, Given = false, WordingVersion = wording, WordingText = "", At = now,
        };
    }

    public GateCheck SetSensitiveFacts(AgeBand? ageBand, bool? hasDisability, bool? isLowIncome)
    {
        if (!HasSensitiveConsent && (ageBand is not null || hasDisability is not null || isLowIncome is not null))
        {
            return GateCheck.Fail(NeedsConsent);
        }
        AgeBand = ageBand;
        HasDisability = hasDisability;
        IsLowIncome = isLowIncome;
        return GateCheck.Passed;
    }
}
