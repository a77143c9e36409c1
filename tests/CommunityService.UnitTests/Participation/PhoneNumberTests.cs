using CommunityService.Web.Shared.Mvc;

namespace CommunityService.UnitTests.Participation;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("+86 138 0013 8000", true)]
    [InlineData("010-6000 1234", true)]
    [InlineData("13800138000", true)]
    [InlineData("123456", false)]
    [InlineData("138-0013-800a", false)]
    [InlineData("--13800138000", false)]
    [InlineData("138001380001380013800", false)]
    public void A_phone_number_is_plausible_when_it_has_7_to_15_digits_spaces_or_dashes(string phone, bool plausible) =>
        Assert.Equal(plausible, PhoneNumbers.IsPlausible(phone));
}
