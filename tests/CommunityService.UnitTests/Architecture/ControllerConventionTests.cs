using System.Text.RegularExpressions;

namespace CommunityService.UnitTests.Architecture;

/// <summary>
/// A controller action says only what is particular to it. What every action would repeat is written once: a lost race on a
/// record's version is caught in <c>FormExtensions.TrySaveAsync</c> (and shown with <c>ConflictForm</c>), the version a form
/// saw is set with <c>ExpectVersion</c>, a workbook is written by <c>WorkbookAsync</c> from sheets built in the feature's
/// <c>…Export.cs</c>. View models live in the feature's <c>…Pages.cs</c>, forms in <c>…Forms.cs</c>: a controller file holds
/// its controller (and at most a static helper). Each rule is shown to catch what it is for.
/// </summary>
public partial class ControllerConventionTests
{
    private static readonly (string Name, Regex Pattern)[] Rules =
    [
        ("catches a lost race itself (use TrySaveAsync)", ConcurrencyCatch()),
        ("sets the version by hand (use ExpectVersion)", VersionByHand()),
        ("writes a workbook in the action (build the sheets in …Export.cs, return WorkbookAsync)", WorkbookInAction()),
        ("declares a view model or form (put it in …Pages.cs or …Forms.cs)", TypeBesideController()),
    ];

    [Theory]
    [InlineData("        catch (DbUpdateConcurrencyException)", "catches a lost race itself (use TrySaveAsync)")]
    [InlineData("        db.Entry(plan).Property(x => x.Version).OriginalValue = form.Version;", "sets the version by hand (use ExpectVersion)")]
    [InlineData("        await stream.SaveSafeAsync(sheets, ct);", "writes a workbook in the action (build the sheets in …Export.cs, return WorkbookAsync)")]
    [InlineData("public sealed record ProjectRow(int Id, string Name);", "declares a view model or form (put it in …Pages.cs or …Forms.cs)")]
    [InlineData("public sealed class NeedFilter", "declares a view model or form (put it in …Pages.cs or …Forms.cs)")]
    public void Each_rule_catches_what_it_is_for(string line, string rule)
    {
        Assert.Contains(rule, Violations(line));
    }

    [Theory]
    [InlineData("public sealed class ProjectsController(CommunityServiceDbContext db) : Controller")]
    [InlineData("public static class RepresentativeRules")]
    [InlineData("        if (!await db.TrySaveAsync(ct))")]
    [InlineData("        db.ExpectVersion(plan, form.Version);")]
    [InlineData("        return await this.WorkbookAsync(MoneyExport.Sheets(balance, expenses, income, Q), name, ct);")]
    public void What_the_conventions_ask_for_passes(string line)
    {
        Assert.Empty(Violations(line));
    }

    [Fact]
    public void Controllers_say_only_what_is_particular_to_the_action()
    {
        var controllers = SourceFile.Load(RepositoryFiles.Root)
            .Where(f => f.Path.StartsWith("src/CommunityService.Web/Features/", StringComparison.Ordinal) && f.Path.EndsWith("Controller.cs", StringComparison.Ordinal))
            .ToList();
        var failures = LineRules.Check(controllers, Violations);
        Assert.True(controllers.Count > 30, $"only {controllers.Count} controllers read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static List<string> Violations(string line) => [.. Rules.Where(r => r.Pattern.IsMatch(line)).Select(r => r.Name)];

    // A retry loop inside a feature's service (`when (attempt < Attempts)`) is not a form's clash and is not in a controller.
    [GeneratedRegex("""catch \(DbUpdateConcurrencyException\)(?! when)""")]
    private static partial Regex ConcurrencyCatch();

    [GeneratedRegex("""\.Property\(\w+ => \w+\.Version\)\.OriginalValue""")]
    private static partial Regex VersionByHand();

    [GeneratedRegex("""SaveSafeAsync\(|new MemoryStream\(""")]
    private static partial Regex WorkbookInAction();

    [GeneratedRegex("""^(public|internal) (sealed |abstract )*(record|class|struct|enum|interface) (?!\w*Controller\b)""")]
    private static partial Regex TypeBesideController();
}
