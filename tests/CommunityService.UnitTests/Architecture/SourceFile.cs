namespace CommunityService.UnitTests.Architecture;

/// <summary>A file of an analysed project: its path relative to the repository root (forward slashes) and its text.</summary>
internal sealed record SourceFile(string Path, string Text)
{
    private static readonly string[] Extensions = [".cs", ".cshtml", ".csproj"];

    /// <summary>The .cs, .cshtml and .csproj files of the Web and Data projects under <paramref name="root"/>, without bin/ and obj/, in path order.</summary>
    public static IReadOnlyList<SourceFile> Load(string root) =>
    [
        .. new[] { Layers.WebProject, Layers.DataProject }
            .SelectMany(project => Directory.EnumerateFiles(System.IO.Path.Combine(root, project), "*", SearchOption.AllDirectories))
            .Select(full => System.IO.Path.GetRelativePath(root, full).Replace('\\', '/'))
            .Where(path => Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.Ordinal)
                && !path.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(System.IO.Path.Combine(root, path)))),
    ];
}
