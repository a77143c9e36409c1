using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Forms;

/// <summary>
/// A person's name as typed into a form (issue #19, class 8): letters of any script with their marks, spaces, and the marks
/// names are joined with (· ・ ‧ - ' ’ .). Digits, symbols and invisible characters (bidi overrides, zero-width spaces and
/// joiners, which can make a name read as another in a list) are refused. Where people name themselves (an account, a
/// profile, a sign-up, a home-visit request), a title such as 主任 or 社工 is refused too: a resident named "王主任" would pass
/// for staff in the lists staff read. A title is given only by an administrator, in the account form (王主任, 李社工).
/// </summary>
public static partial class PersonNames
{
    public const string InvalidCharacters = "A name may use letters, spaces and the marks · - ' . only.";
    public const string TitleNotAllowed = "A name cannot carry a title such as 主任 or 社工: staff are marked by the portal itself.";

    private const string Joiners = " ·・‧-'’.";

    /// <summary>Words that name an office or a role, in Chinese and in English.</summary>
    private static readonly string[] Titles =
    [
        "主任", "书记", "社工", "工作人员", "管理员", "站长", "干部", "委员", "主席", "局长", "所长", "处长", "科长", "网格员", "民警",
        "客服", "官方", "街道办", "居委会", "服务中心",
    ];

    public static bool HasValidCharacters(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }
        var letters = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter)
            {
                letters++;
            }
            else if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                && !(rune.IsBmp && Joiners.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                return false;
            }
        }
        return letters > 0;
    }

    public static bool HasTitle(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && (Titles.Any(t => name.Contains(t, StringComparison.Ordinal)) || EnglishTitle().IsMatch(name));

    /// <summary>A name someone else types (a recipient, a walk-in, a speaker, an account an administrator makes): the characters only.</summary>
    public static IRuleBuilderOptions<T, string> PersonName<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.Must(HasValidCharacters).WithMessage(_ => l[InvalidCharacters]);

    /// <summary>A name people give themselves (or give a relative they ask for): the characters, and no title.</summary>
    public static IRuleBuilderOptions<T, string> OwnName<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.PersonName(l).Must(n => !HasTitle(n)).WithMessage(_ => l[TitleNotAllowed]);

    [GeneratedRegex(@"\b(admin|administrator|staff|manager|official|director|officer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishTitle();
}
