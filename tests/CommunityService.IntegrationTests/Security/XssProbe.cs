using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// The stored-XSS corpus (xss-payloads.txt) and a stricter reading of a page than <c>HtmlSafety</c>: it lists what a browser
/// could run — a script that is not one of the portal's own files, an event handler, a script, data or vbscript address in any
/// attribute, srcdoc, an active element (iframe, object, embed, svg, math, base, frame), a refresh, a foreign style sheet, a
/// style with expression() or a script address.
/// </summary>
public static class XssProbe
{
    public static readonly string ProjectFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../.."));

    public static IReadOnlyList<string> Payloads { get; } = File.ReadAllLines(Path.Combine(ProjectFolder, "Security", "xss-payloads.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal))
        .ToList();

    private static readonly string[] BadSchemes = ["javascript:", "vbscript:", "data:text/html", "data:image/svg", "livescript:"];

    /// <summary>Everything on the page that could run, in words; empty when the page is inert.</summary>
    public static List<string> ActiveContent(IDocument document)
    {
        var found = new List<string>();
        foreach (var script in document.Scripts)
        {
            if (script.Source is not { Length: > 0 } source || !source.StartsWith('/') || source.StartsWith("//", StringComparison.Ordinal))
            {
                found.Add("script: " + Short(script.OuterHtml));
            }
        }
        foreach (var element in document.All)
        {
            if (element.LocalName is "iframe" or "frame" or "frameset" or "object" or "embed" or "applet" or "svg" or "math" or "base")
            {
                found.Add("element: " + Short(element.OuterHtml));
            }
            if (element.LocalName == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase))
            {
                found.Add("refresh: " + Short(element.OuterHtml));
            }
            if (element.LocalName == "link" && element.GetAttribute("href") is { } href && (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)))
            {
                found.Add("foreign link: " + Short(element.OuterHtml));
            }
            if (element.LocalName == "style")
            {
                found.Add("style element: " + Short(element.OuterHtml));
            }
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                // Browsers drop white space and control characters inside a scheme ("jav&#x09;ascript:").
                var value = new string(attribute.Value.Where(c => c > ' ').ToArray());
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "srcdoc" or "formaction")
                {
                    found.Add($"attribute {name}: " + Short(element.OuterHtml));
                }
                else if (BadSchemes.Any(s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"script address in {name}: " + Short(element.OuterHtml));
                }
                else if (name == "style" && (value.Contains("expression(", StringComparison.OrdinalIgnoreCase) || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add("script in style: " + Short(element.OuterHtml));
                }
            }
        }
        return found;
    }

    /// <summary>What a reader of the page sees of it: the text and the values in form fields (decoded).</summary>
    public static string VisibleText(IDocument document) =>
        string.Join('\n', document.Body?.TextContent ?? "", string.Join('\n', document.QuerySelectorAll("input[value]").Select(i => i.GetAttribute("value"))));

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Short(string html) => html.Length > 160 ? html[..160] + "…" : html;
}
