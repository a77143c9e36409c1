using System.Globalization;
using CommunityService.Data.Communities;

namespace CommunityService.Web.Features.Communities;

/// <summary>
/// One difference between two profile versions. <see cref="Field"/> is a localization key; <see cref="Venue"/>
/// names the venue a venue change is about. An added venue has an empty <see cref="Old"/>, a removed one an
/// empty <see cref="New"/>. When <see cref="ValuesAreKeys"/> is set, the values are localization keys too.
/// </summary>
public sealed record ProfileChange(string Field, string Old, string New, string Venue = "", bool ValuesAreKeys = false);

/// <summary>"What changed" between two versions of a community profile, in the order the page shows the fields.</summary>
public static class ProfileChanges
{
    public const string VenueLabel = "Venue";
    public const string CapacityLabel = "Capacity (people)";
    public const string OwnerLabel = "Owner";
    public const string UnitNameLabel = "Unit name";

    private static readonly (string Label, Func<CommunityProfile, string> Value)[] Texts =
    [
        ("Environment", p => p.Environment),
        ("History", p => p.History),
        ("Geography", p => p.Geography),
        ("Facilities", p => p.Facilities),
        ("Organizations", p => p.Organizations),
        ("Volunteer base", p => p.VolunteerBase),
    ];

    private static readonly (string Label, Func<CommunityProfile, int> Value)[] Counts =
    [
        ("Households", p => p.Households),
        ("Residents under 18", p => p.ResidentsUnder18),
        ("Residents aged 18-59", p => p.Residents18To59),
        ("Residents aged 60-79", p => p.Residents60To79),
        ("Residents aged 80 and over", p => p.Residents80AndOver),
        ("Elderly living alone", p => p.ElderlyLivingAlone),
        ("People with disabilities", p => p.PeopleWithDisabilities),
        ("Low-income households", p => p.LowIncomeHouseholds),
        ("Children in need", p => p.ChildrenInNeed),
    ];

    /// <summary>Every label a change can carry, so a test can check that the string tables have them.</summary>
    public static IEnumerable<string> Labels =>
        Texts.Select(t => t.Label).Concat(Counts.Select(c => c.Label)).Concat([VenueLabel, CapacityLabel, OwnerLabel, UnitNameLabel]);

    /// <summary>The differences from <paramref name="before"/> to <paramref name="after"/>; none for a first version.</summary>
    public static IReadOnlyList<ProfileChange> Between(CommunityProfile? before, CommunityProfile after)
    {
        if (before is null)
        {
            return [];
        }
        var changes = new List<ProfileChange>();
        foreach (var (label, value) in Texts)
        {
            if (!string.Equals(value(before), value(after), StringComparison.Ordinal))
            {
                changes.Add(new(label, value(before), value(after)));
            }
        }
        foreach (var (label, value) in Counts)
        {
            if (value(before) != value(after))
            {
                changes.Add(new(label, Number(value(before)), Number(value(after))));
            }
        }
        changes.AddRange(VenueChanges(before.Venues, after.Venues));
        return changes;
    }

    // Venues are matched by name: a renamed venue reads as one removed and one added.
    private static IEnumerable<ProfileChange> VenueChanges(List<ProfileVenue> before, List<ProfileVenue> after)
    {
        var previous = before.DistinctBy(v => v.Name).ToList();
        var current = after.DistinctBy(v => v.Name).ToList();
        var old = previous.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var gone in previous.Where(v => current.All(c => c.Name != v.Name)))
        {
            yield return new(VenueLabel, gone.Name, "");
        }
        foreach (var venue in current)
        {
            if (!old.TryGetValue(venue.Name, out var was))
            {
                yield return new(VenueLabel, "", venue.Name);
                continue;
            }
            if (was.Owner != venue.Owner)
            {
                yield return new(OwnerLabel, $"VenueOwner.{was.Owner}", $"VenueOwner.{venue.Owner}", venue.Name, ValuesAreKeys: true);
            }
            if (!string.Equals(was.UnitName, venue.UnitName, StringComparison.Ordinal))
            {
                yield return new(UnitNameLabel, was.UnitName, venue.UnitName, venue.Name);
            }
            if (was.Capacity != venue.Capacity)
            {
                yield return new(CapacityLabel, Number(was.Capacity), Number(venue.Capacity), venue.Name);
            }
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
