using System.Net;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Me;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Me;

public class ProfileTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_resident_saves_their_details_and_sees_them_again()
    {
        var client = await Portal.NewUserClientAsync("li.mei", 1, "Resident");

        var first = await client.GetStringAsync("/me/profile");
        Assert.Contains("value=\"li.mei\"", first, StringComparison.Ordinal);
        Assert.Contains("请先保存您的资料", first, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"consent-agree\"", first, StringComparison.Ordinal);

        var saved = await client.PostFormAsync("/me/profile", "/me/profile", Details("李梅", "+86 139-1000-2000"));

        Assert.Equal(("/me/profile", HttpStatusCode.Redirect), (saved.RedirectPath(), saved.StatusCode));
        var profile = await ProfileOfAsync("li.mei");
        Assert.Equal(("李梅", "+86 139-1000-2000", 2, "和平路 1 号", "与女儿同住"), (profile.FullName, profile.Phone, profile.CommunityId!.Value, profile.Address, profile.Household));
        Assert.False(profile.HasSensitiveConsent);
        var again = await client.GetStringAsync("/me/profile");
        Assert.Contains("value=\"李梅\"", again, StringComparison.Ordinal);
        Assert.Contains("与女儿同住", again, StringComparison.Ordinal);
        Assert.Contains("id=\"consent-agree\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", again.Split("id=\"consent-agree\"")[1].Split('>')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("138abc00138")]
    [InlineData("+1 202 555 0100")]
    public async Task A_phone_that_is_not_a_phone_number_is_refused_with_the_form_filled_in(string phone)
    {
        var client = await Portal.NewUserClientAsync("wang.fang", 1, "Resident");

        var response = await client.PostFormAsync("/me/profile", "/me/profile", Details("王芳", phone));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("请输入电话号码，例如 138 0013 8000", html, StringComparison.Ordinal);
        Assert.Contains("value=\"王芳\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{phone}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.False(await Portal.WithDbAsync(db => db.ResidentProfiles.AnyAsync(p => p.FullName == "王芳")));
    }

    [Fact]
    public async Task Special_group_facts_without_the_consent_are_refused_and_not_kept()
    {
        var client = await Portal.NewUserClientAsync("zhao.lei", 1, "Resident");
        await client.PostFormAsync("/me/profile", "/me/profile", Details("赵磊", ""));

        var fields = Details("赵磊", "");
        fields["AgeBand"] = "From80";
        fields["HasDisability"] = "true";
        fields["Agree"] = "true";
        var response = await client.PostFormAsync("/me/profile", "/me/profile", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("特殊群体信息须经您单独同意后才会保存", await response.BodyAsync(), StringComparison.Ordinal);
        var profile = await ProfileOfAsync("zhao.lei");
        Assert.Equal(("", false), (profile.ProtectedFacts, profile.HasSensitiveConsent));
        Assert.Equal(0, await ConsentsOfAsync("zhao.lei"));
    }

    [Fact]
    public async Task Consent_is_not_given_by_an_unticked_box_nor_before_the_details_are_saved()
    {
        var client = await Portal.NewUserClientAsync("sun.li", 1, "Resident");

        var beforeDetails = await client.PostFormAsync("/me/profile", "/me/consent", new() { ["Agree"] = "true", ["WordingVersion"] = SensitiveConsent.WordingVersion });
        Assert.Equal(HttpStatusCode.BadRequest, beforeDetails.StatusCode);
        Assert.Contains("请先保存您的资料", await beforeDetails.BodyAsync(), StringComparison.Ordinal);

        await client.PostFormAsync("/me/profile", "/me/profile", Details("孙丽", ""));
        var unticked = await client.PostFormAsync("/me/profile", "/me/consent", new() { ["WordingVersion"] = SensitiveConsent.WordingVersion });
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("如果同意，请勾选方框", await unticked.BodyAsync(), StringComparison.Ordinal);

        var oldWording = await client.PostFormAsync("/me/profile", "/me/consent", new() { ["Agree"] = "true", ["WordingVersion"] = "sensitive-facts-2020-01" });
        Assert.Equal(HttpStatusCode.BadRequest, oldWording.StatusCode);

        Assert.False((await ProfileOfAsync("sun.li")).HasSensitiveConsent);
        Assert.Equal(0, await ConsentsOfAsync("sun.li"));
    }

    [Fact]
    public async Task Giving_consent_records_the_wording_version_and_text_and_then_the_facts_are_kept()
    {
        var client = await Portal.NewUserClientAsync("zhou.min", 1, "Resident");
        await client.PostFormAsync("/me/profile", "/me/profile", Details("周敏", ""));
        var page = await client.GetStringAsync("/me/profile");
        var wording = Localized(SensitiveConsent.WordingKey);
        Assert.Contains(WebUtility.HtmlEncode(wording), page, StringComparison.Ordinal);

        var given = await client.PostFormAsync("/me/profile", "/me/consent", new() { ["Agree"] = "true", ["WordingVersion"] = SensitiveConsent.WordingVersion });

        Assert.Equal("/me/profile#sensitive", given.RedirectPath());
        var record = await Portal.WithDbAsync(db => db.ConsentRecords.SingleAsync(c => c.UserId == db.Users.First(u => u.UserName == "zhou.min").Id));
        Assert.Equal((true, ConsentPurpose.SensitiveFacts, SensitiveConsent.WordingVersion, wording), (record.Given, record.Purpose, record.WordingVersion, record.WordingText));
        var profile = await ProfileOfAsync("zhou.min");
        Assert.Equal((record.At, SensitiveConsent.WordingVersion), (profile.SensitiveConsentAt!.Value, profile.SensitiveConsentWording));

        var fields = Details("周敏", "");
        (fields["AgeBand"], fields["HasDisability"], fields["IsLowIncome"], fields["Version"]) = ("From60To79", "false", "", $"{profile.Version}");
        var saved = await client.PostFormAsync("/me/profile", "/me/profile", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        profile = await ProfileOfAsync("zhou.min");
        Assert.Equal(new SensitiveFacts(AgeBand.From60To79, false, null), Facts(profile));
        var shown = await client.GetStringAsync("/me/profile");
        Assert.Contains("已同意", shown, StringComparison.Ordinal);
        Assert.Contains(SensitiveConsent.WordingVersion, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_record_keeps_the_wording_in_the_language_the_resident_read()
    {
        var client = await Portal.NewUserClientAsync("reader.en", 1, "Resident");
        await client.PostFormAsync("/me/profile", "/me/profile", Details("Ann Lee", ""));

        await client.PostFormAsync("/me/profile?culture=en", "/me/consent?culture=en", new() { ["Agree"] = "true", ["WordingVersion"] = SensitiveConsent.WordingVersion });

        var record = await Portal.WithDbAsync(db => db.ConsentRecords.SingleAsync(c => c.UserId == db.Users.First(u => u.UserName == "reader.en").Id));
        Assert.StartsWith("The community service center asks", record.WordingText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_erases_the_facts_and_records_the_withdrawal_but_an_unconfirmed_post_changes_nothing()
    {
        var resident = await Portal.ClientForAsync("resident");
        Assert.Equal(AgeBand.From60To79, Facts(await ProfileOfAsync("resident")).AgeBand);

        var unconfirmed = await resident.PostFormAsync("/me/profile", "/me/consent/withdraw", []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("请勾选方框，确认撤回同意", await unconfirmed.BodyAsync(), StringComparison.Ordinal);
        Assert.True((await ProfileOfAsync("resident")).HasSensitiveConsent);

        var withdrawn = await resident.PostFormAsync("/me/profile", "/me/consent/withdraw", new() { ["Confirm"] = "true" });

        Assert.Equal("/me/profile#sensitive", withdrawn.RedirectPath());
        var profile = await ProfileOfAsync("resident");
        Assert.Equal(("", (DateTime?)null, (string?)null), (profile.ProtectedFacts, profile.SensitiveConsentAt, profile.SensitiveConsentWording));
        Assert.Equal("张阿姨", profile.FullName);
        var last = await Portal.WithDbAsync(db => db.ConsentRecords.Where(c => c.UserId == profile.UserId).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((false, SensitiveConsent.WordingVersion), (last.Given, last.WordingVersion));
        var page = await resident.GetStringAsync("/me/profile");
        Assert.Contains("已撤回同意", page, StringComparison.Ordinal);
        Assert.Contains("id=\"consent-agree\"", page, StringComparison.Ordinal);

        var again = await resident.PostFormAsync("/me/profile", "/me/consent/withdraw", new() { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(2, await ConsentsOfAsync("resident"));
    }

    [Fact]
    public async Task Posting_fields_the_form_does_not_offer_changes_nothing_else()
    {
        var resident = await Portal.ClientForAsync("resident");
        var before = await ProfileOfAsync("resident");
        var otherId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "volunteer").Select(u => u.Id).SingleAsync());

        var fields = Details("张阿姨", "138 0013 8000");
        fields["CommunityId"] = "1";
        fields["Version"] = $"{before.Version}";
        fields["AgeBand"] = "From60To79";
        fields["HasDisability"] = "false";
        fields["IsLowIncome"] = "false";
        fields["UserId"] = otherId;
        fields["SensitiveConsentAt"] = "2001-01-01T00:00:00";
        fields["SensitiveConsentWording"] = "forged";
        fields["UpdatedAt"] = "2001-01-01T00:00:00";
        var response = await resident.PostFormAsync("/me/profile", "/me/profile", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ProfileOfAsync("resident");
        Assert.Equal((before.UserId, before.SensitiveConsentAt, before.SensitiveConsentWording), (after.UserId, after.SensitiveConsentAt, after.SensitiveConsentWording));
        Assert.NotEqual(2001, after.UpdatedAt.Year);
        Assert.False(await Portal.WithDbAsync(db => db.ResidentProfiles.AnyAsync(p => p.UserId == otherId)));
        Assert.Equal(1, await ConsentsOfAsync("resident"));
    }

    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_gets_the_clash_message_with_its_input_kept()
    {
        var resident = await Portal.ClientForAsync("resident");
        var version = (await ProfileOfAsync("resident")).Version;
        var first = Details("张阿姨", "138 0013 8001");
        (first["CommunityId"], first["Version"], first["AgeBand"]) = ("1", $"{version}", "From60To79");
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostFormAsync("/me/profile", "/me/profile", first)).StatusCode);

        var second = Details("张阿姨", "139 0000 0000");
        (second["CommunityId"], second["Version"], second["Address"]) = ("1", $"{version}", "阳光路 99 号");
        var clash = await resident.PostFormAsync("/me/profile", "/me/profile", second);

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var html = await clash.BodyAsync();
        Assert.Contains("其他人同时修改了这条记录", html, StringComparison.Ordinal);
        Assert.Contains("value=\"阳光路 99 号\"", html, StringComparison.Ordinal);
        Assert.Equal("138 0013 8001", (await ProfileOfAsync("resident")).Phone);
    }

    private static Dictionary<string, string> Details(string name, string phone) => new()
    {
        ["FullName"] = name, ["Phone"] = phone, ["CommunityId"] = "2", ["Address"] = "和平路 1 号", ["Household"] = "与女儿同住", ["Version"] = "0",
    };

    private Task<ResidentProfile> ProfileOfAsync(string userName) => Portal.WithDbAsync(db =>
        db.ResidentProfiles.AsNoTracking().SingleAsync(p => p.UserId == db.Users.First(u => u.UserName == userName).Id));

    private SensitiveFacts Facts(ResidentProfile profile) => Portal.Services.GetRequiredService<ResidentFactsProtector>().Unprotect(profile.ProtectedFacts);

    private Task<int> ConsentsOfAsync(string userName) => Portal.WithDbAsync(db =>
        db.ConsentRecords.CountAsync(c => c.UserId == db.Users.First(u => u.UserName == userName).Id));

    private static string Localized(string key, string culture = "zh-CN") =>
        new System.Resources.ResourceManager("CommunityService.Web.Resources.SharedResource", typeof(Web.SharedResource).Assembly)
            .GetString(key, new System.Globalization.CultureInfo(culture))!;
}
