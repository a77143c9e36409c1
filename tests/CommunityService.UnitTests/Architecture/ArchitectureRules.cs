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
    /// Rule 4: features form no cycle. For each strongly connected group of several features: the group, a shortest cycle through
    /// each of its edges, and each edge with every file that makes it (first reference of the file).
    /// </summary>
    public static IReadOnlyList<string> FeatureCycles(IReadOnlyList<SourceFile> files)
    {
        var edges = Codebase.Of(files).References
            .Where(r => r.From is { Layer: Layer.Feature, Name: { } user } && r.Target is { Layer: Layer.Feature, Name: { } used } && user != used)
            .GroupBy(r => (From: r.From.Name!, To: r.Target.Name!))
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Path, StringComparer.Ordinal).Select(f => f.First()).ToList());
        var graph = edges.Keys.GroupBy(e => e.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var violations = new List<string>();
        foreach (var group in StronglyConnected(graph).Where(g => g.Count > 1))
        {
            var inGroup = edges.Keys.Where(e => group.Contains(e.From) && group.Contains(e.To))
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
            violations.Add($"Features {string.Join(", ", group.Order(StringComparer.Ordinal))} use one another:");
            violations.AddRange(inGroup.Select(e => ShortestCycle(graph, group, e.From, e.To)).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).Select(cycle => "  cycle " + cycle));
            violations.AddRange(inGroup.SelectMany(e => edges[e].Select(r => $"  {e.From} -> {e.To}: {r.Path}:{r.Line}: {r.Text}")));
        }
        return violations;
    }

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

    /// <summary>Tarjan's algorithm: the strongly connected components of a directed graph.</summary>
    private static List<HashSet<string>> StronglyConnected(Dictionary<string, List<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            var number = index.Count;
            index[node] = number;
            low[node] = number;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (index.TryGetValue(next, out var seen))
                {
                    if (stack.Contains(next))
                    {
                        low[node] = Math.Min(low[node], seen);
                    }
                }
                else
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
            }
            if (low[node] == index[node])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return [.. components.OrderBy(c => c.Min(StringComparer.Ordinal), StringComparer.Ordinal)];
    }

    /// <summary>A shortest cycle through the edge <paramref name="user"/> → <paramref name="used"/>, written from its smallest feature name.</summary>
    private static string ShortestCycle(Dictionary<string, List<string>> graph, HashSet<string> group, string user, string used)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [used] = used };
        var queue = new Queue<string>([used]);
        while (queue.Count > 0 && !previous.ContainsKey(user))
        {
            var node = queue.Dequeue();
            foreach (var next in graph.GetValueOrDefault(node, []).Where(n => group.Contains(n) && !previous.ContainsKey(n)))
            {
                previous[next] = node;
                queue.Enqueue(next);
            }
        }
        var path = new List<string> { user };
        for (var node = user; node != used; node = previous[node])
        {
            path.Add(previous[node]);
        }
        path.Reverse();
        // path runs used … user; the cycle is user -> used -> … -> user, turned to start at its smallest name.
        var cycle = path.Prepend(user).SkipLast(1).ToList();
        var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        var turned = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
        return string.Join(" -> ", turned.Append(turned[0]));
    }

    [GeneratedRegex("""<ProjectReference\s+Include\s*=\s*"([^"]+)"\s*""")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"<RootNamespace>\s*([^<\s]+)\s*</RootNamespace>")]
    private static partial Regex RootNamespaceElement();
}
