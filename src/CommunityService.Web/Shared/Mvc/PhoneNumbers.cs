using System.Text.RegularExpressions;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>A phone number as people write it in China: a mobile (138 0013 8000), a landline (010-6000 1234), with or without +86.</summary>
public static partial class PhoneNumbers
{
    public const string Invalid = "Please enter a phone number, e.g. 138 0013 8000 or 010-6000 1234.";

    public static bool IsPlausible(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return true;
        }
        var digits = phone.Count(char.IsAsciiDigit);
        return Shape().IsMatch(phone.Trim()) && digits is >= 7 and <= 15;
    }

    [GeneratedRegex(@"^(\+86[ -]?)?[0-9][0-9 \-]{5,18}[0-9]$")]
    private static partial Regex Shape();
}
