namespace CommunityService.UnitTests.Architecture;

/// <summary>
/// The layering of src/CommunityService.Web, checked on the source text of the real tree (code and views, so a view's
/// <c>@using</c> or <c>@inject</c> counts like a <c>using</c>):
/// <list type="number">
/// <item>Shared (Shared/, the root files other than Program.cs, the root _ViewImports/_ViewStart, Views/Shared/) uses only Data: never Features, Hosting, Demo or Bench.</item>
/// <item>Features (Features/&lt;Name&gt;/) never use Hosting, Demo or Bench.</item>
/// <item>Demo/ and Bench/ never use Hosting (and Demo never uses Bench).</item>
/// <item>A feature uses no other feature: what two features share sits in Shared or Data.</item>
/// <item>src/CommunityService.Data references nothing of the Web project, in source or as a ProjectReference.</item>
/// <item>Every .cs file of the Web and Data projects declares the namespace of its folder (Program.cs excepted).</item>
/// <item>Every .cs and .cshtml file of the Web project is in a known layer.</item>
/// </list>
/// Hosting/ and Program.cs may use everything. The analysis is in <see cref="ArchitectureRules"/>; its only exceptions are the string
/// literals of <see cref="Codebase.AllowedStringLiterals"/>. <see cref="ArchitectureRulesTests"/> shows each rule failing on a violation.
/// </summary>
public class ArchitectureTests
{
    private static readonly IReadOnlyList<SourceFile> Files = SourceFile.Load(RepositoryFiles.Root);

    [Fact]
    public void The_projects_are_read()
    {
        Assert.Contains(Files, f => f.Path == Layers.WebProject + "/Program.cs");
        Assert.Contains(Files, f => f.Path == Layers.DataProject + "/CommunityService.Data.csproj");
        Assert.True(Files.Count(f => f.Path.EndsWith(".cshtml", StringComparison.Ordinal)) > 20, "too few views read");
        Assert.DoesNotContain(Files, f => f.Path.Contains("/obj/", StringComparison.Ordinal) || f.Path.Contains("/bin/", StringComparison.Ordinal));
    }

    [Fact]
    public void Shared_uses_only_data() =>
        AssertNone(ArchitectureRules.SharedUsesOnlyData(Files), "Shared uses Features, Hosting, Demo or Bench");

    [Fact]
    public void Features_use_no_hosting_demo_or_bench() =>
        AssertNone(ArchitectureRules.FeaturesUseNoHostingDemoOrBench(Files), "A feature uses Hosting, Demo or Bench");

    [Fact]
    public void Demo_and_bench_use_no_hosting() =>
        AssertNone(ArchitectureRules.DemoAndBenchUseNoHosting(Files), "Demo or Bench uses Hosting (or Demo uses Bench)");

    [Fact]
    public void Features_use_no_other_feature() =>
        AssertNone(ArchitectureRules.FeaturesUseNoOtherFeature(Files), "A feature uses another feature");

    [Fact]
    public void Data_uses_nothing_of_web() =>
        AssertNone(ArchitectureRules.DataUsesNothingOfWeb(Files), "The Data project references the Web project");

    [Fact]
    public void Namespaces_match_folders() =>
        AssertNone(ArchitectureRules.NamespacesMatchFolders(Files), "A namespace does not match its folder");

    [Fact]
    public void Every_web_file_is_in_a_known_layer() =>
        AssertNone(ArchitectureRules.FilesAreInKnownLayers(Files), "A file of the Web project is in no layer");

    /// <summary>Fails with the rule and its violations, one per line, when there are any.</summary>
    internal static void AssertNone(IReadOnlyList<string> violations, string rule)
    {
        if (violations.Count > 0)
        {
            Assert.Fail($"{rule} ({violations.Count} lines):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }
}
