using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Me;

/// <summary>
/// The wording a resident agrees to before special-group facts are kept (a separate consent, PIPL art. 29).
/// Changing the text means a new version and a new key: each consent record keeps the version and the exact
/// text it was given to, so older records stay true to what the resident read.
/// </summary>
public static class SensitiveConsent
{
    public const string WordingVersion = "sensitive-facts-2026-11";

    /// <summary>The wording's key in the string table (a unit test checks both languages have it).</summary>
    public const string WordingKey = "ConsentWording." + WordingVersion;

    /// <summary>The wording in the reader's language, as shown on the profile page and kept in the consent record.</summary>
    public static string Wording(IStringLocalizer l) => l[WordingKey].Value;
}
