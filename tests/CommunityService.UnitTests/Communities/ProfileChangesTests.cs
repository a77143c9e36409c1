using CommunityService.Data.Communities;
using CommunityService.Web.Features.Communities;

namespace CommunityService.UnitTests.Communities;

public class ProfileChangesTests
{
    [Fact]
    public void A_first_version_has_no_changes()
    {
        Assert.Empty(ProfileChanges.Between(null, Profile()));
    }

    [Fact]
    public void An_identical_version_has_no_changes()
    {
        Assert.Empty(ProfileChanges.Between(Profile(), Profile()));
    }

    [Fact]
    public void Changed_counts_are_listed_with_old_and_new_numbers()
    {
        var after = Profile();
        after.Households = 2_100;
        after.ElderlyLivingAlone = 210;

        var changes = ProfileChanges.Between(Profile(), after);

        Assert.Equal([new("Households", "2,080", "2,100"), new("Elderly living alone", "195", "210")], changes);
    }

    [Fact]
    public void Changed_texts_are_listed_with_old_and_new_text()
    {
        var after = Profile();
        after.History = "2003 年成立居委会，2015 年完成老旧小区整治。";

        var change = Assert.Single(ProfileChanges.Between(Profile(), after));

        Assert.Equal(new ProfileChange("History", "2003 年成立居委会。", "2003 年成立居委会，2015 年完成老旧小区整治。"), change);
    }

    [Fact]
    public void Texts_come_before_counts_in_the_order_of_the_page()
    {
        var after = Profile();
        after.ChildrenInNeed = 3;
        after.Environment = "老旧小区";
        after.ResidentsUnder18 = 900;

        var fields = ProfileChanges.Between(Profile(), after).Select(c => c.Field);

        Assert.Equal(["Environment", "Residents under 18", "Children in need"], fields);
    }

    [Fact]
    public void Venues_added_and_removed_are_listed_by_name()
    {
        var after = Profile();
        after.Venues =
        [
            new ProfileVenue { Name = "社区服务中心活动室", Owner = VenueOwner.Center, Capacity = 60 },
            new ProfileVenue { Name = "阳光小学操场", Owner = VenueOwner.StationedUnit, UnitName = "阳光小学", Capacity = 300 },
        ];

        var changes = ProfileChanges.Between(Profile(), after);

        Assert.Equal([new(ProfileChanges.VenueLabel, "长者食堂", ""), new(ProfileChanges.VenueLabel, "", "阳光小学操场")], changes);
    }

    [Fact]
    public void A_kept_venue_lists_its_changed_owner_unit_and_capacity()
    {
        var after = Profile();
        after.Venues[0].Capacity = 80;
        after.Venues[1].Owner = VenueOwner.StationedUnit;
        after.Venues[1].UnitName = "幸福养老院";

        var changes = ProfileChanges.Between(Profile(), after);

        Assert.Equal(
        [
            new(ProfileChanges.CapacityLabel, "60", "80", "社区服务中心活动室"),
            new(ProfileChanges.OwnerLabel, "VenueOwner.Center", "VenueOwner.StationedUnit", "长者食堂", ValuesAreKeys: true),
            new(ProfileChanges.UnitNameLabel, "", "幸福养老院", "长者食堂"),
        ], changes);
    }

    private static CommunityProfile Profile() => new()
    {
        Environment = "以老旧小区为主",
        History = "2003 年成立居委会。",
        Geography = "幸福街道东部",
        Households = 2_080,
        ResidentsUnder18 = 820,
        Residents60To79 = 990,
        ElderlyLivingAlone = 195,
        ChildrenInNeed = 12,
        Venues =
        [
            new ProfileVenue { Name = "社区服务中心活动室", Owner = VenueOwner.Center, Capacity = 60 },
            new ProfileVenue { Name = "长者食堂", Owner = VenueOwner.Center, Capacity = 40 },
        ],
    };
}
