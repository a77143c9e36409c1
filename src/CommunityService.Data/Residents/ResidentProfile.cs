using CommunityService.Data.Communities;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;

namespace CommunityService.Data.Residents;

/// <summary>
/// The special-group facts a resident may give with their separate consent; all three null is "nothing said".
/// </summary>
public sealed record SensitiveFacts(AgeBand? AgeBand, bool? HasDisability, bool? IsLowIncome)
{
    public static readonly SensitiveFacts None = new(null, null, null);

    public bool IsEmpty => AgeBand is null && HasDisability is null && IsLowIncome is null;
}

/// <summary>
/// A resident's own profile. Name, phone, community, address and household are ordinary personal information.
/// Age band, disability and low-income status are sensitive personal information (PIPL art. 28): they are kept
/// only while the resident's separate consent stands, they go when it is withdrawn, and they are stored only as
/// ciphertext (<see cref="ProtectedFacts"/>): the web app encrypts them with ASP.NET Core Data Protection.
/// </summary>
public class ResidentProfile : IVersioned
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 200;
    public const int HouseholdMaxLength = 500;

    /// <summary>The ciphertext of the three facts' JSON is about 250 characters; the room left is for a longer purpose or key id.</summary>
    public const int ProtectedFactsMaxLength = 1000;

    public const string NeedsConsent = "Special-group facts are kept only with your separate consent.";

    public string UserId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Address { get; set; } = "";
    public string Household { get; set; } = "";

    /// <summary>The Data Protection ciphertext of the facts' JSON; empty when none are kept.</summary>
    public string ProtectedFacts { get; private set; } = "";

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
        ProtectedFacts = "";
        UpdatedAt = now;
        return new ConsentRecord
        {
            UserId = UserId, Purpose = ConsentPurpose.SensitiveFacts, Given = false, WordingVersion = wording, WordingText = "", At = now,
        };
    }

    /// <summary>Keeps the facts, encrypted by <paramref name="protect"/>, only while the consent stands; "nothing said" keeps nothing.</summary>
    public GateCheck SetSensitiveFacts(SensitiveFacts facts, Func<SensitiveFacts, string> protect)
    {
        if (!HasSensitiveConsent && !facts.IsEmpty)
        {
            return GateCheck.Fail(NeedsConsent);
        }
        ProtectedFacts = facts.IsEmpty ? "" : protect(facts);
        return GateCheck.Passed;
    }
}
