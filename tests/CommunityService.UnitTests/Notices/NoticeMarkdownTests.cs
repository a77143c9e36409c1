using CommunityService.Web.Features.Notices;

namespace CommunityService.UnitTests.Notices;

public class NoticeMarkdownTests
{
    private static readonly NoticeMarkdown Markdown = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">点我</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("![x](https://evil.example/x.png \"t\" onerror=alert(1))")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<form action=https://evil.example><input name=p></form>")]
    public void Nothing_that_runs_survives(string payload)
    {
        var html = Markdown.ToSafeHtml("活动说明\n\n" + payload);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "svg", "style", "form", "input", "img", "object", "embed" });
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, new[] { "href", "rel", "start" });
                Assert.Matches("^(https?:|mailto:|tel:|#|/)", attribute.Name == "href" ? attribute.Value : "#");
            }
        }
    }

    [Fact]
    public void Formatting_lists_tables_and_safe_links_stay()
    {
        var html = Markdown.ToSafeHtml("# 安排\n\n**重要**，*请准时*\n\n- 上午\n- 下午\n\n| 时间 | 内容 |\n| --- | --- |\n| 9:00 | 签到 |\n\n[须知](https://example.org) [电话](tel:01060001234) [信](mailto:a@example.org)");

        Assert.Contains("<h2>安排</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>重要</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>请准时</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>上午</li>", html, StringComparison.Ordinal);
        Assert.Contains("<td>签到</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">须知</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:01060001234\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@example.org\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_looks_like_html_is_shown_as_text()
    {
        var html = Markdown.ToSafeHtml("价格 < 10 元 & 名额 > 5");

        Assert.Contains("价格 &lt; 10 元 &amp; 名额 &gt; 5", html, StringComparison.Ordinal);
    }
}
