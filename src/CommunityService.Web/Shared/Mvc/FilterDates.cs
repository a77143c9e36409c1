using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// The dates a person types into a list's filter (the dashboard, the audit trail, volunteer hours). A date box takes any
/// year up to 275760, and a slip such as 0202 for 2026 is easy to make; such a date has no moment in UTC a query could use.
/// So a filter's dates must lie within these years, and a date outside them is refused with a message, the filter kept as
/// typed, instead of an error page.
/// </summary>
public static class FilterDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public const string OutOfRange = "{0}: choose a date between {1} and {2}.";

    public static bool Within(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>
    /// Adds a message under "From" or "To" for a date of the period outside the years above (<paramref name="toLabel"/> names the
    /// end as its form does); true when the model state has no error at all, so a date the binder could not read (already in
    /// the model state) is refused too.
    /// </summary>
    public static bool CheckPeriod(ModelStateDictionary state, IStringLocalizer l, DateOnly? from, DateOnly? to, string toLabel = "To")
    {
        foreach (var (key, label, value) in new[] { ("From", "From", from), ("To", toLabel, to) })
        {
            if (value is { } date && !Within(date))
            {
                state.AddModelError(key, l[OutOfRange, l[label], Text(Earliest), Text(Latest)]);
            }
        }
        return state.IsValid;
    }

    /// <summary>What the person typed in the query string when the binder could not read it, else the date itself.</summary>
    public static string Typed(ModelStateDictionary state, string key, DateOnly? value) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { } typed
            ? typed
            : value is { } date ? Text(date) : "";

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
