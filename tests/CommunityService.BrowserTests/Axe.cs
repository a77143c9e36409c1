using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CommunityService.BrowserTests;

/// <summary>
/// axe-core in the page under test. The script comes from the pinned npm install in tools/audit (scripts/audit-tools.sh,
/// which scripts/test.sh runs); it is added as an inline script, so the page's context must bypass the portal's strict CSP.
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, one h1, heading order, regions).</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly Lazy<string> ScriptPath = new(FindScript);

    /// <summary>A context at the given width in Chinese, with the CSP bypassed so axe can be injected.</summary>
    public static async Task<IPage> NewPageAsync(BrowserFixture browser, int width, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>
    /// Runs axe on the loaded page and returns its violations. <paramref name="enhancedContrast"/> adds WCAG AAA
    /// contrast (7:1, 4.5:1 for large text): the promise of the larger-text mode.
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, bool enhancedContrast = false)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath.Value });
        }
        var json = await page.EvaluateAsync<string>(
            """
            async ([tags, enhanced]) => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: tags },
                    rules: enhanced ? { 'color-contrast-enhanced': { enabled: true } } : {},
                    resultTypes: ['violations'],
                });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary ?? '' })),
                })));
            }
            """,
            new object[] { Tags, enhancedContrast });
        return JSON(json);
    }

    /// <summary>Violations as a reader wants them in a failed test: rule, impact, where, and what to fix.</summary>
    public static string Describe(string where, IReadOnlyList<Violation> violations)
    {
        var text = new StringBuilder();
        text.AppendLine($"{where}: {violations.Count} axe violation(s)");
        foreach (var v in violations)
        {
            text.AppendLine($"  {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var n in v.Nodes.Take(8))
            {
                text.AppendLine($"    at {n.Target}");
                text.AppendLine($"       {Shorten(n.Html, 200)}");
                foreach (var line in n.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    text.AppendLine($"       {line}");
                }
            }
            if (v.Nodes.Count > 8)
            {
                text.AppendLine($"    … and {v.Nodes.Count - 8} more");
            }
        }
        return text.ToString();
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private static List<Violation> JSON(string json) => JsonSerializer.Deserialize<List<Violation>>(json, Options) ?? [];

    private static string FindScript()
    {
        var overridden = Environment.GetEnvironmentVariable("AXE_CORE_PATH");
        if (!string.IsNullOrEmpty(overridden))
        {
            return File.Exists(overridden) ? overridden : throw new FileNotFoundException($"AXE_CORE_PATH points at no file: {overridden}");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityService.sln")))
            {
                var path = Path.Combine(dir.FullName, "tools", "audit", "node_modules", "axe-core", "axe.min.js");
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"axe-core is not installed: run `bash scripts/audit-tools.sh` (scripts/test.sh does). Looked for {path}");
            }
        }
        throw new DirectoryNotFoundException("The repository root (CommunityService.sln) is not above " + AppContext.BaseDirectory);
    }

    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<Node> Nodes);

    public sealed record Node(string Target, string Html, string Summary);
}
