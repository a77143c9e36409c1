using System.Text.RegularExpressions;

namespace CommunityService.Web.Features.Me;

/// <summary>A phone number as people in China write one: a mobile or a landline, in groups, perhaps with +86.</summary>
public static partial class PhoneNumber
{
    public const int MinLength = 7;

    public static bool IsPlausible(string? phone)
    {
        var text = phone?.Trim() ?? "";
        if (text.Length < MinLength || text.Length > Data.Residents.ResidentProfile.PhoneMaxLength || !Shape().IsMatch(text))
        {
            return false;
        }
        var digits = text.StartsWith("+86", StringComparison.Ordinal) ? text[3..] : text;
        return digits.Count(char.IsAsciiDigit) is >= MinLength and <= 15;
    }

    // ASCII digits only (\d would take any script's digits); single spaces or dashes between groups.
    [GeneratedRegex("^(\\+86[ -]?)?[0-9]+([ -][0-9]+)*$")]
    private static partial Regex Shape();
}
