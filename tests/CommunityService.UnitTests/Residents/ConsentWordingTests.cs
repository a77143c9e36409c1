using System.Text.Json;
using System.Xml.Linq;
using CommunityService.Web.Features.Me;

namespace CommunityService.UnitTests.Residents;

public class ConsentWordingTests
{
    [Theory]
    [InlineData("zh-CN", "用途")]
    [InlineData("en", "Purpose")]
    public void The_current_wording_is_in_both_languages_and_says_purpose_who_sees_how_long_and_withdrawal(string culture, string purpose)
    {
        var wording = Table(culture)[SensitiveConsent.WordingKey];

        Assert.Contains(purpose, wording, StringComparison.Ordinal);
        Assert.Contains(culture == "en" ? "withdraw" : "撤回", wording, StringComparison.Ordinal);
        Assert.InRange(wording.Length, 100, Data.Residents.ConsentRecord.WordingTextMaxLength);
        Assert.EndsWith(SensitiveConsent.WordingVersion, SensitiveConsent.WordingKey, StringComparison.Ordinal);
        Assert.InRange(SensitiveConsent.WordingVersion.Length, 1, Data.Residents.ConsentRecord.WordingVersionMaxLength);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_message_of_the_residents_own_pages_has_an_entry(string culture)
    {
        var table = Table(culture);
        var messages = typeof(MeController).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.True(table.ContainsKey(m), $"{culture} lacks: {m}"));
    }

    [Theory]
    [InlineData("参加过", null, null, "参加过")]
    [InlineData(null, 4.0, null, "4")]
    [InlineData(null, 12.5, null, "12.5")]
    [InlineData(null, null, "法律咨询", "法律咨询")]
    public void A_downloaded_answer_is_the_option_the_number_or_the_words(string? option, double? number, string? text, string expected) =>
        Assert.Equal(expected, MyData.AnswerText(option, (decimal?)number, text));

    [Fact]
    public void The_download_keeps_chinese_readable_and_marks_times_as_utc()
    {
        var json = JsonSerializer.Serialize(new { Name = "张玉珍", At = new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Unspecified) }, MyData.Json);

        Assert.Contains("\"name\": \"张玉珍\"", json, StringComparison.Ordinal);
        Assert.Contains("\"at\": \"2026-11-01T02:00:00Z\"", json, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Table(string culture) =>
        XDocument.Load(RepositoryFiles.Path("src", "CommunityService.Web", "Resources", $"SharedResource.{culture}.resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
