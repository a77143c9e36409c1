using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace CommunityService.Web.Features.Notices;

/// <summary>
/// Renders a notice's Markdown to HTML that is safe to show to everyone. Markdown's own HTML passthrough is off,
/// and the result still goes through an allow-list sanitizer: only text formatting, lists, quotes, tables and
/// links to http, https, mailto and tel survive — no script, no event handlers, no style, no javascript: links.
/// Headings move down one level so that a notice's "# 标题" is an h2 under the page's own h1.
/// </summary>
public sealed class NoticeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer sanitizer;

    public NoticeMarkdown()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6", "blockquote", "code", "pre", "hr",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
    }

    public IHtmlContent Render(string markdown) => new HtmlString(ToSafeHtml(markdown));

    public string ToSafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>The words of the Markdown without its marks, for excerpts and search snippets.</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();
}
