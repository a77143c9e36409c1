using System.Net;
using System.Text;
using System.Text.Json;
using CommunityService.IntegrationTests.Cases;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Me;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Me;

/// <summary>
/// A resident's special-group facts are kept only as ciphertext: the database file shows neither them nor a case note, while the
/// pages that may show them show them decrypted; withdrawing the consent erases the ciphertext; a damaged value is reported on
/// the page, not answered with a 500.
/// </summary>
public class ResidentFactsEncryptionTests(PortalFactory portal) : PortalTest(portal)
{
    private const string NoteSentence = "密文检验-R7TV：陈伯伯今天第一次自己下楼";

    [Fact]
    public async Task The_database_file_holds_neither_the_facts_nor_a_case_note_while_the_pages_show_them()
    {
        var (client, userId) = await ResidentWithConsentAsync("chen.bo");
        var fields = Details("陈伯伯");
        (fields["AgeBand"], fields["HasDisability"], fields["IsLowIncome"], fields["Version"]) = ("From80", "true", "true", $"{await VersionAsync(userId)}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/me/profile", "/me/profile", fields)).StatusCode);
        await AddCaseNoteAsync(NoteSentence);

        var own = await client.GetStringAsync("/me/profile");
        Assert.Contains("<option value=\"From80\" selected=\"selected\">", own, StringComparison.Ordinal);
        Assert.Matches("id=\"disability-yes\"[^>]*checked", own);
        Assert.Matches("id=\"low-income-yes\"[^>]*checked", own);
        var staffPage = await (await Portal.ClientForAsync("staff")).GetStringAsync($"/residents/{userId}");
        Assert.Contains("80 岁及以上", staffPage, StringComparison.Ordinal);
        Assert.Contains("<dt class=\"col-sm-3\">是否有残疾</dt><dd class=\"col-sm-9\">是</dd>", staffPage, StringComparison.Ordinal);
        var export = JsonDocument.Parse(await client.GetStringAsync("/me/data")).RootElement.GetProperty("profile");
        Assert.Equal(("From80", true, true), (export.GetProperty("ageBand").GetString(), export.GetProperty("hasDisability").GetBoolean(), export.GetProperty("isLowIncome").GetBoolean()));

        var stored = await StoredAsync(userId);
        Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal);
        var bytes = await Portal.DatabaseContentAsync();
        // What the facts would look like in plain text: the protector's own JSON, and the export's; and the note.
        foreach (var secret in new[] { NoteSentence, "R7TV", "\"ageBand\"", "hasDisability", "isLowIncome", "\"AgeBand\":\"From80\"" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
        // The search can fail: the ciphertext and the resident's ordinary details are found the same way.
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(stored)));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("陈伯伯")));
    }

    [Fact]
    public async Task Withdrawing_the_consent_erases_the_ciphertext_and_the_staff_page_no_longer_shows_facts()
    {
        var resident = await Portal.ClientForAsync("resident");
        var userId = await CaseData.UserIdAsync(Portal, "resident");
        Assert.StartsWith("CfDJ8", await StoredAsync(userId), StringComparison.Ordinal);

        var withdrawn = await resident.PostFormAsync("/me/profile", "/me/consent/withdraw", new() { ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("", await StoredAsync(userId));
        var staffPage = await (await Portal.ClientForAsync("staff")).GetStringAsync($"/residents/{userId}");
        Assert.Contains("居民未同意：不保存其特殊群体信息", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("60–79", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_ciphertext_is_reported_as_unreadable_on_every_page_that_shows_the_facts_and_none_fails()
    {
        var resident = await Portal.ClientForAsync("resident");
        var userId = await CaseData.UserIdAsync(Portal, "resident");
        var cipher = await StoredAsync(userId);
        await StoreAsync(userId, cipher[..^6] + "AAAAAA");

        var staff = await (await Portal.ClientForAsync("staff")).GetAsync($"/residents/{userId}");
        var own = await resident.GetAsync("/me/profile");
        var export = await resident.GetAsync("/me/data");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (staff.StatusCode, own.StatusCode, export.StatusCode));
        Assert.Contains("id=\"facts-unreadable\"", await staff.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("无法读取特殊群体信息", await staff.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("无法读取您的特殊群体信息", await own.BodyAsync(), StringComparison.Ordinal);
        var profile = JsonDocument.Parse(await export.BodyAsync()).RootElement.GetProperty("profile");
        Assert.True(profile.GetProperty("sensitiveFactsUnreadable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("ageBand").ValueKind);
    }

    [Fact]
    public async Task A_damaged_case_note_is_shown_as_unreadable_and_the_rest_of_the_case_still_opens()
    {
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var noteId = await Portal.WithDbAsync(db => db.CaseNotes.Where(n => n.CaseFileId == id).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync());
        await Portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"CaseNotes\" SET \"ProtectedText\" = 'CfDJ8-not-a-note' WHERE \"Id\" = {noteId}"));
        var staff = await Portal.ClientForAsync("staff");

        var page = await staff.GetAsync($"/cases/{id}");
        var export = await staff.GetAsync($"/cases/{id}/export");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, export.StatusCode));
        Assert.Contains("无法读取此记录", await page.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("无法读取此记录", await export.BodyAsync(), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string UserId)> ResidentWithDetailsAsync(string userName)
    {
        var client = await Portal.NewUserClientAsync(userName, 1, "Resident");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/me/profile", "/me/profile", Details(userName))).StatusCode);
        return (client, await CaseData.UserIdAsync(Portal, userName));
    }

    private async Task<(HttpClient Client, string UserId)> ResidentWithConsentAsync(string userName)
    {
        var (client, userId) = await ResidentWithDetailsAsync(userName);
        var given = await client.PostFormAsync("/me/profile", "/me/consent", new() { ["Agree"] = "true", ["WordingVersion"] = SensitiveConsent.WordingVersion });
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        return (client, userId);
    }

    private async Task AddCaseNoteAsync(string text)
    {
        var id = await CaseData.IdAsync(Portal, CaseData.First);
        var staff = await Portal.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/cases/{id}", $"/cases/{id}/notes", new() { ["Text"] = text })).StatusCode);
        Assert.Contains(text, await staff.GetStringAsync($"/cases/{id}"), StringComparison.Ordinal);
    }

    private Task<int> VersionAsync(string userId) => Portal.WithDbAsync(db => db.ResidentProfiles.Where(p => p.UserId == userId).Select(p => p.Version).SingleAsync());

    private static Dictionary<string, string> Details(string name) => new()
    {
        ["FullName"] = name, ["Phone"] = "", ["CommunityId"] = "1", ["Address"] = "阳光路 8 号", ["Household"] = "", ["Version"] = "0",
    };

    /// <summary>The ciphertext column as the database has it.</summary>
    private Task<string> StoredAsync(string id) => Portal.WithDbAsync(db =>
        db.Database.SqlQueryRaw<string>("SELECT \"ProtectedFacts\" AS \"Value\" FROM \"ResidentProfiles\" WHERE \"UserId\" = {0}", id).SingleAsync());

    /// <summary>Raw SQL, as someone editing the database would write it: the stored ciphertext replaced.</summary>
    private async Task StoreAsync(string id, string ciphertext) =>
        Assert.Equal(1, await Portal.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"ResidentProfiles\" SET \"ProtectedFacts\" = {0} WHERE \"UserId\" = {1}", ciphertext, id)));
}
