using CommunityService.Web.Features.Me;

namespace CommunityService.UnitTests.Residents;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+8613800138000")]
    [InlineData("010-6000 1234")]
    [InlineData("0755-12345678")]
    [InlineData("6000123")]
    [InlineData(" 138 0013 8000 ")]
    public void Mobile_and_landline_numbers_as_people_write_them_are_plausible(string phone) =>
        Assert.True(PhoneNumber.IsPlausible(phone));

    [Theory]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("138abc00138")]
    [InlineData("+1 202 555 0100")]
    [InlineData("138--0013-8000")]
    [InlineData("-13800138000")]
    [InlineData("138 0013 8000 1234 5678")]
    [InlineData("１３８００１３８０００")]
    [InlineData("(010) 6000 1234")]
    public void Letters_foreign_codes_stray_separators_and_wrong_lengths_are_not(string phone) =>
        Assert.False(PhoneNumber.IsPlausible(phone));
}
