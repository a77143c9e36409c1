namespace CommunityService.UnitTests.Architecture;

/// <summary>The layers of the Web project's target layout, plus the Data project.</summary>
internal enum Layer
{
    /// <summary>Program.cs at the Web project's root.</summary>
    Program,

    /// <summary>Hosting/: wires the application.</summary>
    Hosting,

    /// <summary>Demo/: demo data seeding.</summary>
    Demo,

    /// <summary>Bench/: benchmark parts, compiled only in bench builds.</summary>
    Bench,

    /// <summary>Features/&lt;Name&gt;/: one feature per folder.</summary>
    Feature,

    /// <summary>Shared/, the root files other than Program.cs, and the shared views.</summary>
    Shared,

    /// <summary>The Data project.</summary>
    Data,

    /// <summary>A folder or namespace of the Web project that is in no layer.</summary>
    Unknown,
}

/// <summary>
/// Where a file lives or what a name refers to: a layer, with the feature's name for <see cref="Layer.Feature"/> (null for the
/// namespace <c>CommunityService.Web.Features</c> itself), or the folder or namespace part for <see cref="Layer.Unknown"/>.
/// </summary>
internal sealed record Place(Layer Layer, string? Name = null)
{
    public override string ToString() => Layer switch
    {
        Layer.Feature => Name is null ? "Features" : "Features/" + Name,
        Layer.Unknown => $"'{Name}' (no layer)",
        _ => Layer.ToString(),
    };
}

/// <summary>Maps a file (by its folder) and a referenced name (by its namespace) to a <see cref="Place"/>.</summary>
internal static class Layers
{
    public const string WebProject = "src/CommunityService.Web";
    public const string DataProject = "src/CommunityService.Data";
    public const string WebNamespace = "CommunityService.Web";
    public const string DataNamespace = "CommunityService.Data";

    /// <summary>
    /// The place of a file from its folder. In the Web project: Program.cs → Program; any other root file (SharedResource.cs,
    /// _ViewImports.cshtml, _ViewStart.cshtml) → Shared; Hosting/, Demo/, Bench/, Shared/ → that layer; Features/&lt;Name&gt;/… →
    /// feature &lt;Name&gt;; Features/_ViewImports.cshtml and Features/_ViewStart.cshtml (shared by every feature's views) → Shared;
    /// Views/Shared/… → Shared; anything else → Unknown, named after its folder. The Data project → Data.
    /// </summary>
    public static Place OfFile(string path)
    {
        if (path.StartsWith(DataProject + "/", StringComparison.Ordinal))
        {
            return new(Layer.Data);
        }
        if (!path.StartsWith(WebProject + "/", StringComparison.Ordinal))
        {
            return new(Layer.Unknown, path);
        }
        var parts = path[(WebProject.Length + 1)..].Split('/');
        if (parts.Length == 1)
        {
            return new(parts[0] == "Program.cs" ? Layer.Program : Layer.Shared);
        }
        return parts[0] switch
        {
            "Hosting" => new(Layer.Hosting),
            "Demo" => new(Layer.Demo),
            "Bench" => new(Layer.Bench),
            "Shared" => new(Layer.Shared),
            "Features" when parts.Length > 2 => new(Layer.Feature, parts[1]),
            "Features" when parts[1] is "_ViewImports.cshtml" or "_ViewStart.cshtml" => new(Layer.Shared),
            "Views" when parts.Length > 2 && parts[1] == "Shared" => new(Layer.Shared),
            _ => new(Layer.Unknown, string.Join('/', parts[..^1])),
        };
    }

    /// <summary>
    /// The place a fully qualified name refers to, or null when it is outside the Web and Data namespaces.
    /// <c>CommunityService.Web.Hosting…</c>, <c>.Demo…</c>, <c>.Bench…</c>, <c>.Shared…</c> → that layer;
    /// <c>CommunityService.Web.Features.&lt;Name&gt;…</c> → feature &lt;Name&gt; (<c>CommunityService.Web.Features</c> alone, or
    /// followed by a type declared there → Features without a name); <c>CommunityService.Web</c> and its own types (SharedResource)
    /// → Shared; any other <c>CommunityService.Web.X…</c> → Unknown X; <c>CommunityService.Data…</c> → Data.
    /// </summary>
    public static Place? OfName(string name, Func<string, string, bool> isType)
    {
        if (IsWithin(name, DataNamespace))
        {
            return new(Layer.Data);
        }
        if (!IsWithin(name, WebNamespace))
        {
            return null;
        }
        var parts = name.Split('.');
        if (parts.Length == 2)
        {
            return new(Layer.Shared);
        }
        return parts[2] switch
        {
            "Hosting" => new(Layer.Hosting),
            "Demo" => new(Layer.Demo),
            "Bench" => new(Layer.Bench),
            "Shared" => new(Layer.Shared),
            "Features" when parts.Length == 3 || isType(WebNamespace + ".Features", parts[3]) => new(Layer.Feature),
            "Features" => new(Layer.Feature, parts[3]),
            var part when isType(WebNamespace, part) => new(Layer.Shared),
            var part => new(Layer.Unknown, part),
        };
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="prefix"/> or a name inside it.</summary>
    public static bool IsWithin(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] == '.');
}
