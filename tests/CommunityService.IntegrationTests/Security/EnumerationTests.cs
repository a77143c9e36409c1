using System.Net;
using CommunityService.IntegrationTests.Infrastructure;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Account enumeration (issue #19, class 6): the sign-in form answers an unknown name, a wrong password and a locked account with
/// the same page, and registration does not say that a name is an account.
/// </summary>
public class EnumerationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_page()
    {
        var locker = Portal.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await locker.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "volunteer", ["Password"] = "not-the-password" });
        }
        var answers = new List<(HttpStatusCode Status, string Page)>();
        foreach (var (name, password) in new[] { ("nobody.here", "Demo@12345"), ("staff", "wrong-password"), ("volunteer", "Demo@12345") })
        {
            var response = await Portal.CreateAnonymousClient().PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = name, ["Password"] = password });
            // What differs by design: the antiforgery token, and the name typed (kept in its box).
            var page = HttpForms.WithoutTokens(await response.BodyAsync()).Replace($"value=\"{name}\"", "value=\"\"", StringComparison.Ordinal);
            answers.Add((response.StatusCode, page));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Contains("用户名或密码不正确。连续输错 5 次后，账户将被锁定 15 分钟。", answers[0].Page, StringComparison.Ordinal);
        Assert.Equal(answers[0].Page, answers[1].Page);
        Assert.Equal(answers[0].Page, answers[2].Page);
    }
}
