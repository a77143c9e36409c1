using System.Net;
using CommunityService.IntegrationTests.Infrastructure;

namespace CommunityService.IntegrationTests.Security;

/// <summary>Sign-in and registration posts are limited per client: over the limit, a 429 with the localized page.</summary>
public class SignInRateLimitTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_a_polite_429_and_other_pages_still_answer()
    {
        await using var app = Portal.WithWebHostBuilder(builder => builder.UseSetting("RateLimiting:SignInPerMinute", "3"));
        var client = PortalFactory.AnonymousClient(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "resident", ["Password"] = $"wrong-{i}" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("请求过于频繁，请稍候再试。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notices")).StatusCode);
        var registering = await client.PostFormAsync("/account/register", "/account/register", new() { ["UserName"] = "many.accounts" });
        Assert.Equal(HttpStatusCode.TooManyRequests, registering.StatusCode);
    }
}
