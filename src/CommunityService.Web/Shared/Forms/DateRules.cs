using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Forms;

/// <summary>
/// Dates a person would never mean (issue #19, class 4). A date box takes any year from 1 to 9999 (and a slip such as 0202 for
/// 2026 is easy to make); every date of an event or a record (a session, a visit, a note, an expense, a plan's period, a
/// notice's days) must lie from <see cref="YearsBack"/> years before today to <see cref="YearsAhead"/> years after it, checked
/// by the form's validator with a message, so the form comes back as typed with a 400. Lists' filters have their own, wider
/// years (<see cref="Mvc.FilterDates"/>).
/// </summary>
public static class DateRules
{
    public const int YearsBack = 10;
    public const int YearsAhead = 5;

    public const string OutOfRange = "Choose a date between {0} and {1}.";

    public static DateOnly Earliest => Today.AddYears(-YearsBack);

    public static DateOnly Latest => Today.AddYears(YearsAhead);

    /// <summary>Today in UTC: at a window of years, the hours between UTC and the portal's time zone do not matter.</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static bool IsNearToday(DateOnly date) => date >= Earliest && date <= Latest;

    public static IRuleBuilderOptions<T, DateTime?> NearToday<T>(this IRuleBuilder<T, DateTime?> rule, IStringLocalizer l) =>
        rule.Must(v => v is not { } value || IsNearToday(DateOnly.FromDateTime(value))).WithMessage(_ => Message(l));

    public static IRuleBuilderOptions<T, DateOnly?> NearToday<T>(this IRuleBuilder<T, DateOnly?> rule, IStringLocalizer l) =>
        rule.Must(v => v is not { } value || IsNearToday(value)).WithMessage(_ => Message(l));

    private static string Message(IStringLocalizer l) => l[OutOfRange, Text(Earliest), Text(Latest)];

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
