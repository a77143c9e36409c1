using System.Net;
using CommunityService.Data.Surveys;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>What the wapiti scan of the running portal (scripts/scan.sh) turned up, each kept from coming back.</summary>
public class ScanFindingTests(PortalFactory portal) : PortalTest(portal)
{
    [Theory]
    [InlineData("/culture?c=en&returnUrl=%2Fnotices%C2%BF", "/notices%C2%BF")]
    [InlineData("/display?large=true&returnUrl=%2Fnotices%3Fq%3D%E5%8A%A9%E9%A4%90", "/notices?q=%E5%8A%A9%E9%A4%90")]
    [InlineData("/culture?c=zh-CN&returnUrl=%2Fnotices%01x", "/")]
    [InlineData("/display?large=false&returnUrl=%2F%2Fevil.example", "/")]
    public async Task A_return_address_with_characters_a_header_cannot_carry_is_encoded_or_dropped_not_a_server_error(string url, string location)
    {
        var response = await Portal.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/culture?c=en&returnUrl=%2F", ".AspNetCore.Culture")]
    [InlineData("/display?large=true&returnUrl=%2F", "cs.display")]
    public async Task The_language_and_display_cookies_are_secure_and_out_of_reach_of_script(string url, string cookie)
    {
        var response = await Portal.CreateAnonymousClient().GetAsync(url);

        var header = response.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith(cookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_http_method_on_a_refused_page_shows_nothing_of_it()
    {
        // wapiti's "htaccess bypass": staff who took no part are refused a satisfaction questionnaire; the same address with
        // the method ABC must not show it either (wapiti counts any change from 403 as a bypass, so check what comes back).
        var survey = await Portal.WithDbAsync(db => db.Surveys.Where(s => s.Kind == SurveyKind.Satisfaction && s.Status == SurveyStatus.Open)
            .Select(s => new { s.Id, s.Title }).FirstAsync());
        var staff = await Portal.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/surveys/{survey.Id}/respond")).StatusCode);

        var odd = await staff.SendAsync(new HttpRequestMessage(new HttpMethod("ABC"), $"/surveys/{survey.Id}/respond"));

        Assert.InRange((int)odd.StatusCode, 400, 499);
        Assert.DoesNotContain(survey.Title, await odd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
