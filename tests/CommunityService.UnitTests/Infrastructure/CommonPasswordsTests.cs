using CommunityService.Web.Shared.Security;

namespace CommunityService.UnitTests.Infrastructure;

public class CommonPasswordsTests
{
    [Theory]
    [InlineData("woaini1314")]
    [InlineData("WoAiNi1314")]
    [InlineData("1qaz2wsx")]
    [InlineData("88888888")]
    [InlineData("abcdefghij")]
    [InlineData("87654321")]
    [InlineData("qqqqqqqqqqqq")]
    public void The_first_guesses_are_refused(string password) => Assert.True(CommonPasswords.IsCommon(password));

    [Theory]
    [InlineData("Demo@12345")]
    [InlineData("一个很长的中文密码短语")]
    [InlineData("correct horse battery staple")]
    [InlineData("12345679")]
    [InlineData("")]
    public void Other_passwords_pass(string password) => Assert.False(CommonPasswords.IsCommon(password));

    [Fact]
    public void The_list_is_embedded_and_holds_only_passwords_long_enough_to_reach_it() =>
        Assert.InRange(CommonPasswords.Count, 100, 100_000);
}
