using System.Text.RegularExpressions;

namespace CommunityService.UnitTests.Architecture;

/// <summary>
/// The architecture rules as pure functions over a list of <see cref="SourceFile"/>s. Each returns its violations, one line each
/// (file relative to the repository root, line, what is wrong); an empty list means the rule holds.
/// </summary>
internal static partial class ArchitectureRules
{
    /// <summary>
    /// What each checked layer may use besides external code. A reference to a <see cref="Layer.Unknown"/> namespace is left to
    /// <see cref="FilesAreInKnownLayers"/> and <see cref="NamespacesMatchFolders"/>, which together leave no such namespace.
    /// </summary>
    private static readonly Dictionary<Layer, Layer[]> MayUse = new()
    {
        [Layer.Shared] = [Layer.Shared, Layer.Data],
        [Layer.Feature] = [Layer.Feature, Layer.Shared, Layer.Data],
        [Layer.Demo] = [Layer.Demo, Layer.Feature, Layer.Shared, Layer.Data],
        [Layer.Bench] = [Layer.Bench, Layer.Demo, Layer.Feature, Layer.Shared, Layer.Data],
    };

    /// <summary>Feature folder names that are layers: such a folder is a layer left inside Features/.</summary>
    private static readonly string[] LayerNames = ["Hosting", "Demo", "Bench", "Shared", "Features"];

    /// <summary>Rule 1: Shared (with the root files and shared views) uses only Data and itself: never Features, Hosting, Demo or Bench.</summary>
    public static IReadOnlyList<string> SharedUsesOnlyData(IReadOnlyList<SourceFile> files) => Forbidden(files, Layer.Shared);

    /// <summary>Rule 2: a feature uses only features, Shared and Data: never Hosting, Demo or Bench.</summary>
    public static IReadOnlyList<string> FeaturesUseNoHostingDemoOrBench(IReadOnlyList<SourceFile> files) => Forbidden(files, Layer.Feature);

    /// <summary>Rule 3: Demo and Bench never use Hosting (and Demo, compiled in every build, never uses Bench, compiled only in bench builds).</summary>
    public static IReadOnlyList<string> DemoAndBenchUseNoHosting(IReadOnlyList<SourceFile> files) => Forbidden(files, Layer.Demo, Layer.Bench);

    /// <summary>
    /// Rule 4: a feature uses no other feature. What two features share sits below them, in Shared (web code: forms, protectors,
    /// view parts) or in Data (the model and queries over it), so that a feature folder can be read, changed or removed alone.
    /// </summary>
    public static IReadOnlyList<string> FeaturesUseNoOtherFeature(IReadOnlyList<SourceFile> files) =>
    [
        .. Codebase.Of(files).References
            .Where(r => r.From is { Layer: Layer.Feature, Name: { } user } && r.Target is { Layer: Layer.Feature, Name: { } used } && user != used)
            .Select(r => r.Describe()),
    ];

    /// <summary>Rule 5: the Data project references nothing of the Web project, neither in its source nor by a ProjectReference.</summary>
    public static IReadOnlyList<string> DataUsesNothingOfWeb(IReadOnlyList<SourceFile> files)
    {
        var inSource = Codebase.Of(files).References
            .Where(r => r.From.Layer == Layer.Data && Layers.IsWithin(r.Name, Layers.WebNamespace))
            .Select(r => r.Describe());
        var inProject = files
            .Where(f => f.Path.StartsWith(Layers.DataProject + "/", StringComparison.Ordinal) && f.Path.EndsWith(".csproj", StringComparison.Ordinal))
            .SelectMany(f => ProjectReference().Matches(f.Text)
                .Where(m => m.Groups[1].Value.Replace('\\', '/').Split('/')[^1] == "CommunityService.Web.csproj")
                .Select(m => $"{f.Path}:{SourceText.LineOf(SourceText.LineStarts(f.Text), m.Index)}: ProjectReference to {m.Groups[1].Value}"));
        return [.. inSource, .. inProject];
    }

    /// <summary>
    /// Rule 6: every .cs file of the Web and Data projects declares a namespace (file-scoped or block) equal to its project's
    /// RootNamespace (from the .csproj, else the project folder's name) followed by its folder path. Only the Web project's
    /// Program.cs may have none.
    /// </summary>
    public static IReadOnlyList<string> NamespacesMatchFolders(IReadOnlyList<SourceFile> files)
    {
        var codebase = Codebase.Of(files);
        var violations = new List<string>();
        foreach (var project in new[] { Layers.WebProject, Layers.DataProject })
        {
            var root = RootNamespace(files, project);
            foreach (var file in files.Where(f => f.Path.StartsWith(project + "/", StringComparison.Ordinal) && f.Path.EndsWith(".cs", StringComparison.Ordinal)))
            {
                var folder = Path.GetDirectoryName(file.Path[(project.Length + 1)..])!.Replace('\\', '/');
                var expected = folder.Length == 0 ? root : root + "." + folder.Replace('/', '.');
                var declared = codebase.NamespacesOf(file.Path);
                if (declared.Count == 0 && file.Path != Layers.WebProject + "/Program.cs")
                {
                    violations.Add($"{file.Path}: no namespace declaration, expected namespace {expected}");
                }
                violations.AddRange(declared.Where(d => d.Name != expected).Select(d => $"{file.Path}:{d.Line}: namespace {d.Name}, expected {expected}"));
            }
        }
        return violations;
    }

    /// <summary>
    /// Rule 7: every .cs and .cshtml file of the Web project is in a known layer (see <see cref="Layers.OfFile"/>), and no feature
    /// folder bears a layer's name (Features/Demo is Demo/ not yet moved).
    /// </summary>
    public static IReadOnlyList<string> FilesAreInKnownLayers(IReadOnlyList<SourceFile> files) =>
    [
        .. files
            .Where(f => f.Path.StartsWith(Layers.WebProject + "/", StringComparison.Ordinal)
                && (f.Path.EndsWith(".cs", StringComparison.Ordinal) || f.Path.EndsWith(".cshtml", StringComparison.Ordinal)))
            .Select(f => (f.Path, Place: Layers.OfFile(f.Path)))
            .Select(f => f.Place switch
            {
                { Layer: Layer.Unknown, Name: var folder } =>
                    $"{f.Path}: folder {folder} is in no layer (Program.cs, Hosting/, Demo/, Bench/, Features/<Name>/, Shared/, Views/Shared/ or a root file)",
                { Layer: Layer.Feature, Name: var name } when LayerNames.Contains(name, StringComparer.Ordinal) =>
                    $"{f.Path}: feature folder Features/{name} bears a layer's name; it belongs in {name}/",
                _ => null,
            })
            .OfType<string>(),
    ];

    private static List<string> Forbidden(IReadOnlyList<SourceFile> files, params Layer[] users) =>
    [
        .. Codebase.Of(files).References
            .Where(r => users.Contains(r.From.Layer) && r.Target.Layer != Layer.Unknown && !MayUse[r.From.Layer].Contains(r.Target.Layer))
            .Select(r => r.Describe()),
    ];

    private static string RootNamespace(IReadOnlyList<SourceFile> files, string project)
    {
        var projectFile = files.FirstOrDefault(f => f.Path.StartsWith(project + "/", StringComparison.Ordinal)
            && f.Path.EndsWith(".csproj", StringComparison.Ordinal) && !f.Path[(project.Length + 1)..].Contains('/', StringComparison.Ordinal));
        return projectFile is not null && RootNamespaceElement().Match(projectFile.Text) is { Success: true } m ? m.Groups[1].Value : project.Split('/')[^1];
    }

    [GeneratedRegex("""<ProjectReference\s+Include\s*=\s*"([^"]+)"\s*""")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"<RootNamespace>\s*([^<\s]+)\s*</RootNamespace>")]
    private static partial Regex RootNamespaceElement();
}
