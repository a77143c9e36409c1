using AngleSharp.Html.Parser;

namespace CommunityService.IntegrationTests.Infrastructure;

/// <summary>Checks a page the way a browser would read it: no script but the portal's own files, no event handlers, no script links.</summary>
public static class HtmlSafety
{
    public static void AssertNoActiveContent(string html, string page)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.Scripts)
        {
            Assert.True(script.Source is { Length: > 0 } source && source.StartsWith('/'), $"{page}: an inline or foreign script: {script.OuterHtml}");
        }
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{page}: an event handler: {element.OuterHtml}");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{page}: a script link: {element.OuterHtml}");
            }
            Assert.False(element.LocalName is "iframe" or "object" or "embed" or "svg" or "math", $"{page}: an active element: {element.OuterHtml}");
        }
    }
}
