using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Reliability;

/// <summary>
/// Invisible control characters in posted text are refused on every form by one rule: 400, a message naming the field,
/// the form back with the text kept (the characters taken out), and nothing saved. Tab and line breaks are ordinary text.
/// </summary>
public class ControlCharacterTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>The start of the rule's message after the field name, in Chinese.</summary>
    private const string Refusal = "含有无法保存的不可见控制字符";

    public static TheoryData<string, string> Characters => new()
    {
        { "NUL", "\0" }, { "BEL", "\a" }, { "ESC", "\u001B" }, { "DEL", "\u007F" }, { "a noncharacter", "\uFFFF" },
    };

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task A_notice_title_with_a_control_character_comes_back_cleaned_with_a_message_and_is_not_saved(string name, string character)
    {
        var staff = await Portal.ClientForAsync("staff");
        var before = await Portal.WithDbAsync(db => db.Notices.Where(n => n.Id == 3).Select(n => new { n.Title, n.Version }).SingleAsync());
        var form = await OpenedForm.OpenAsync(staff, "/notices/3/edit", "/notices/3/edit");

        var response = await form.SubmitAsync(new() { ["Title"] = $"暑期{character}托管班" });

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
        var html = await response.BodyAsync();
        Assert.Contains($"“标题”中{Refusal}", html, StringComparison.Ordinal);
        Assert.Equal("暑期托管班", Field(html, "/notices/3/edit", "Title"));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Notices.Where(n => n.Id == 3).Select(n => new { n.Title, n.Version }).SingleAsync()));
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_ordinary_text()
    {
        var staff = await Portal.ClientForAsync("staff");
        var form = await OpenedForm.OpenAsync(staff, "/notices/3/edit", "/notices/3/edit");

        var response = await form.SubmitAsync(new() { ["Body"] = "第一行\r\n第二行\t（每周三）" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = await Portal.WithDbAsync(db => db.Notices.Where(n => n.Id == 3).Select(n => n.Body).SingleAsync());
        Assert.Contains('\t', body);
        Assert.Contains('\n', body);
    }

    [Fact]
    public async Task A_sign_up_with_a_nul_in_the_name_is_refused_and_nobody_is_signed_up()
    {
        var resident = await Portal.ClientForAsync("resident");
        var count = await Portal.WithDbAsync(db => db.SignUps.CountAsync());
        var form = await OpenedForm.OpenAsync(resident, "/notices/3/signup?session=1", "/notices/3/signup?session=1");

        var response = await form.SubmitAsync(new() { ["Name"] = "张\0阿姨" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains(Refusal, html, StringComparison.Ordinal);
        Assert.Equal("张阿姨", Field(html, "/notices/3/signup?session=1", "Name"));
        Assert.Equal(count, await Portal.WithDbAsync(db => db.SignUps.CountAsync()));
    }

    [Fact]
    public async Task A_need_with_an_escape_character_is_refused_and_not_recorded()
    {
        var staff = await Portal.ClientForAsync("staff");
        var count = await Portal.WithDbAsync(db => db.Needs.CountAsync());
        var form = await OpenedForm.OpenAsync(staff, "/needs/create", "/needs/create");

        var response = await form.SubmitAsync(new()
        {
            ["Text"] = "老人\u001B[31m需要助餐", ["CommunityId"] = "1", ["ResidentsConcerned"] = "12", ["Priority"] = "High", ["TargetGroups"] = "Elderly",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains(Refusal, html, StringComparison.Ordinal);
        Assert.Equal("老人[31m需要助餐", Field(html, "/needs/create", "Text"));
        Assert.Equal(count, await Portal.WithDbAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task A_case_note_with_a_bell_is_refused_and_not_added()
    {
        var staff = await Portal.ClientForAsync("staff");
        var count = await Portal.WithDbAsync(db => db.CaseNotes.CountAsync());
        var form = await OpenedForm.OpenAsync(staff, "/cases/1", "/cases/1/notes");

        var response = await form.SubmitAsync(new() { ["Text"] = "电话回访\a，情况稳定" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Refusal, await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(count, await Portal.WithDbAsync(db => db.CaseNotes.CountAsync()));
    }

    private static string? Field(string html, string action, string name)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action);
        return form?.QuerySelector($"[name='{name}']") switch
        {
            AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
            AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
            _ => null,
        };
    }
}
