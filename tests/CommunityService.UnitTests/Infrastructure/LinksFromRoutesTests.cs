using System.Text.RegularExpressions;
using CommunityService.UnitTests.Architecture;

namespace CommunityService.UnitTests.Infrastructure;

/// <summary>
/// No view or controller types a route's path: links come from routes (tag helpers, <c>Url.Action</c>, <c>RedirectToAction</c>)
/// and static files from <c>~/</c>, so a renamed route is one change and the portal runs under a path base. The rule reads the
/// web project's sources; each pattern is shown to catch what it is for.
/// </summary>
public partial class LinksFromRoutesTests
{
    private static readonly (string Name, Regex Pattern)[] Rules =
    [
        ("a path in an HTML attribute", HtmlPath()),
        ("a redirect to a typed path", RedirectPath()),
        ("a path built in a string", BuiltPath()),
    ];

    [Theory]
    [InlineData("<a href=\"/notices\">", "a path in an HTML attribute")]
    [InlineData("<form method=\"post\" action=\"/notices/@id/withdraw\">", "a path in an HTML attribute")]
    [InlineData("<script src=\"/js/site.js\"></script>", "a path in an HTML attribute")]
    [InlineData("return Redirect(\"/projects\");", "a redirect to a typed path")]
    [InlineData("return LocalRedirect($\"/projects/{id}\");", "a redirect to a typed path")]
    [InlineData("var back = $\"/projects/{id}/tasks\";", "a path built in a string")]
    [InlineData("Url = \"/me/services\",", "a path built in a string")]
    public void Each_rule_catches_what_it_is_for(string line, string rule)
    {
        Assert.Contains(rule, Violations(line));
    }

    [Theory]
    [InlineData("<a asp-controller=\"Notices\" asp-action=\"Index\">")]
    [InlineData("<script src=\"~/js/site.js\" asp-append-version=\"true\"></script>")]
    [InlineData("[HttpGet(\"/notices/{id:int}\")]")]
    [InlineData("return RedirectToAction(nameof(Details), new { id });")]
    [InlineData("<a href=\"#main\">")]
    [InlineData("<a href=\"https://gov.example/\">")]
    public void What_comes_from_a_route_passes(string line)
    {
        Assert.Empty(Violations(line));
    }

    [Fact]
    public void No_view_or_controller_types_a_routes_path()
    {
        var files = SourceFile.Load(RepositoryFiles.Root)
            .Where(f => f.Path.StartsWith("src/CommunityService.Web/", StringComparison.Ordinal)
                && (f.Path.EndsWith(".cs", StringComparison.Ordinal) || f.Path.EndsWith(".cshtml", StringComparison.Ordinal)))
            .ToList();
        var failures = LineRules.Check(files, Violations);
        Assert.True(files.Count > 200, $"only {files.Count} files read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static List<string> Violations(string line)
    {
        var trimmed = line.TrimStart();
        // Comments describe routes; attributes declare them; the hosting setup names the few fixed paths of middleware.
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("///", StringComparison.Ordinal) || trimmed.StartsWith('*')
            || trimmed.StartsWith("@*", StringComparison.Ordinal) || RouteAttribute().IsMatch(trimmed) || AllowedPath().IsMatch(trimmed))
        {
            return [];
        }
        return [.. Rules.Where(r => r.Pattern.IsMatch(line)).Select(r => r.Name)];
    }

    [GeneratedRegex("""\b(href|action|src|formaction)="/""")]
    private static partial Regex HtmlPath();

    [GeneratedRegex("""\b(Local)?Redirect(Permanent)?\(\$?"/""")]
    private static partial Regex RedirectPath();

    [GeneratedRegex("""\$?"/[a-z]""")]
    private static partial Regex BuiltPath();

    [GeneratedRegex("""^\[(Http(Get|Post|Put|Delete)|Route|Accept)\w*\(""")]
    private static partial Regex RouteAttribute();

    /// <summary>
    /// Paths that are not links: middleware endpoints and cookie paths fixed in the hosting setup (the authentication and
    /// status-code middleware add the path base themselves), and the view locations of the feature folders.
    /// </summary>
    [GeneratedRegex("""(LoginPath|LogoutPath|AccessDeniedPath|UseExceptionHandler|UseStatusCodePagesWithReExecute|MapHealthChecks|Cookie\.Path|yield return \$"/Features/)""")]
    private static partial Regex AllowedPath();
}
