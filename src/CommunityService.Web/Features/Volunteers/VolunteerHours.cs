using CommunityService.Data.Volunteers;
using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Volunteers;

/// <summary>
/// A period of whole days in the center's time zone, both days included: from 2026-07-01 to 2026-07-31 is July. A shift
/// falls in the period by the local day its session starts. Either end may be open; a reversed pair is read the right way round.
/// </summary>
public sealed record HourPeriod
{
    public HourPeriod(DateOnly? from, DateOnly? to)
    {
        (From, To) = from > to ? (to, from) : (from, to);
    }

    public DateOnly? From { get; }
    public DateOnly? To { get; }

    public static readonly HourPeriod All = new(null, null);

    /// <summary>The first instant of the period in UTC (inclusive): local midnight starting <see cref="From"/>.</summary>
    public DateTime? StartUtc(PortalTime time) => From is { } from ? time.ToUtc(from.ToDateTime(TimeOnly.MinValue)) : null;

    /// <summary>The first instant after the period in UTC (exclusive): local midnight after <see cref="To"/>.</summary>
    public DateTime? EndUtc(PortalTime time) => To is { } to ? time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
}

/// <summary>Confirmed minutes of one volunteer (or one project) in a period, and from how many shifts.</summary>
public sealed class MinutesTotal<TKey>
{
    public TKey Key { get; init; } = default!;
    public int Minutes { get; init; }
    public int Shifts { get; init; }

    public decimal Hours => ConfirmedHours.Hours(Minutes);
}

/// <summary>
/// Which minutes count, and their totals. Only a volunteer's confirmed minutes count (staff on duty and logged but
/// unconfirmed minutes do not). The same queries run in the database (GROUP BY) and, in unit tests, over lists.
/// </summary>
public static class ConfirmedHours
{
    public static IQueryable<Shift> Counted(this IQueryable<Shift> shifts) =>
        shifts.Where(s => s.IsVolunteer && s.Status == ShiftStatus.Confirmed && s.ConfirmedMinutes != null);

    /// <summary>Shifts whose session starts in [<paramref name="startUtc"/>, <paramref name="endUtc"/>); a null end is open.</summary>
    public static IQueryable<Shift> StartingWithin(this IQueryable<Shift> shifts, DateTime? startUtc, DateTime? endUtc)
    {
        if (startUtc is { } start)
        {
            shifts = shifts.Where(s => s.Session!.StartsAt >= start);
        }
        if (endUtc is { } end)
        {
            shifts = shifts.Where(s => s.Session!.StartsAt < end);
        }
        return shifts;
    }

    public static IQueryable<Shift> In(this IQueryable<Shift> shifts, HourPeriod period, PortalTime time) =>
        shifts.StartingWithin(period.StartUtc(time), period.EndUtc(time));

    public static IQueryable<MinutesTotal<string>> PerVolunteer(this IQueryable<Shift> shifts) =>
        shifts.Counted().GroupBy(s => s.UserId)
            .Select(g => new MinutesTotal<string> { Key = g.Key, Minutes = g.Sum(s => s.ConfirmedMinutes ?? 0), Shifts = g.Count() });

    public static IQueryable<MinutesTotal<int>> PerProject(this IQueryable<Shift> shifts) =>
        shifts.Counted().GroupBy(s => s.Session!.ProjectId)
            .Select(g => new MinutesTotal<int> { Key = g.Key, Minutes = g.Sum(s => s.ConfirmedMinutes ?? 0), Shifts = g.Count() });

    /// <summary>Hours to one decimal, from the summed minutes (never a sum of rounded hours); halves round up.</summary>
    public static decimal Hours(int minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);

    public static string Format(decimal hours) => hours.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
