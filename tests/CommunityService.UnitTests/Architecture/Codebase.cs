using System.Text.RegularExpressions;

namespace CommunityService.UnitTests.Architecture;

/// <summary>A reference from a file to a name in the Web or Data namespaces.</summary>
/// <param name="Path">The referring file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the reference.</param>
/// <param name="Text">The name as written: fully qualified, or partly qualified (<c>Cases.CaseProtector</c>) or through an alias.</param>
/// <param name="Name">The fully qualified name it stands for.</param>
/// <param name="Target">What <paramref name="Name"/> refers to.</param>
internal sealed record Reference(string Path, int Line, string Text, string Name, Place Target)
{
    /// <summary>The place of the referring file.</summary>
    public Place From => Layers.OfFile(Path);

    /// <summary>One line for a violation message: file, line, what uses what, and the reference as written.</summary>
    public string Describe() => $"{Path}:{Line}: {From} uses {Target} via {Text}{(Text == Name ? "" : $" (= {Name})")}";
}

/// <summary>A namespace declaration of a C# file, with its line and its span in the text.</summary>
internal sealed record NamespaceDeclaration(string Name, int Line, int Start, int End);

/// <summary>
/// The analysed files with the namespaces and types they declare and the references they make (source text only, no compiler).
/// <para>
/// A reference is any fully qualified <c>CommunityService.Web…</c> or <c>CommunityService.Data…</c> name outside comments:
/// in a C# file that covers <c>using</c>, <c>using static</c>, <c>global using</c> and alias directives, names in code and in string
/// literals; in a view, <c>@using</c>, <c>@inject</c>, <c>@model</c>, <c>@inherits</c> and any other mention outside <c>@* *@</c>.
/// A C# file's partly qualified names are references too when they resolve, from the file's namespace outwards as the compiler
/// does, to a type declared in the analysed files (<c>Cases.CaseProtector</c> inside <c>CommunityService.Web.Features.Demo</c>
/// is <c>CommunityService.Web.Features.Cases.CaseProtector</c>); so are names through a using alias. Namespace declarations are
/// not references (rule 6 checks them).
/// </para>
/// </summary>
internal sealed partial class Codebase
{
    /// <summary>
    /// The exceptions: string literals, quotes included, that name a namespace of the Web project without being a reference to it.
    /// The only one is the features' namespace prefix of the view location expander, which maps a controller's namespace to its
    /// view folder. Add an entry only for such a prefix string, never for a name that reaches a type.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedStringLiterals = ["\"CommunityService.Web.Features.\"", "\"CommunityService.Web.Features\""];

    private readonly HashSet<string> namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<NamespaceDeclaration>> declarations = new(StringComparer.Ordinal);

    private Codebase(IReadOnlyList<SourceFile> files)
    {
        Files = files;
        var parsed = files.Select(Parse).ToList();
        foreach (var file in parsed)
        {
            declarations[file.File.Path] = file.Namespaces;
            Declare(file);
        }
        References = [.. parsed.OrderBy(f => f.File.Path, StringComparer.Ordinal).SelectMany(FindReferences)];
    }

    /// <summary>The analysed files.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Every reference, by file (ordinal path order) and line.</summary>
    public IReadOnlyList<Reference> References { get; }

    /// <summary>Reads what the files declare, then what they reference.</summary>
    public static Codebase Of(IReadOnlyList<SourceFile> files) => new(files);

    /// <summary>The namespace declarations of a C# file (none for a view or a project file).</summary>
    public IReadOnlyList<NamespaceDeclaration> NamespacesOf(string path) => declarations.TryGetValue(path, out var found) ? found : [];

    /// <summary>Whether a type named <paramref name="name"/> is declared in namespace <paramref name="ns"/>.</summary>
    public bool IsType(string ns, string name) => types.TryGetValue(ns, out var names) && names.Contains(name);

    private static ParsedFile Parse(SourceFile file)
    {
        var lineStarts = SourceText.LineStarts(file.Text);
        if (file.Path.EndsWith(".cs", StringComparison.Ordinal))
        {
            var (code, bare) = SourceText.BlankCSharp(file.Text);
            var namespaces = NamespaceDeclarationPattern().Matches(bare)
                .Select(m => new NamespaceDeclaration(m.Groups[1].Value, SourceText.LineOf(lineStarts, m.Groups[1].Index), m.Index, m.Index + m.Length))
                .ToList();
            var aliases = AliasDirective().Matches(bare).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Groups[2].Value, StringComparer.Ordinal);
            return new(file, true, code, bare, lineStarts, namespaces, aliases);
        }
        var text = file.Path.EndsWith(".cshtml", StringComparison.Ordinal) ? SourceText.BlankRazorComments(file.Text) : "";
        return new(file, false, text, text, lineStarts, [], new Dictionary<string, string>());
    }

    /// <summary>Records the namespaces a C# file declares (with their enclosing ones) and its types, under the namespace declared before each.</summary>
    private void Declare(ParsedFile file)
    {
        foreach (var declaration in file.Namespaces)
        {
            for (var ns = declaration.Name; ns.Length > 0; ns = Parent(ns))
            {
                namespaces.Add(ns);
            }
        }
        foreach (Match m in TypeDeclaration().Matches(file.Bare))
        {
            if (file.NamespaceAt(m.Index) is { } ns)
            {
                (types.TryGetValue(ns, out var names) ? names : types[ns] = new(StringComparer.Ordinal)).Add(m.Groups[1].Value);
            }
        }
    }

    private IEnumerable<Reference> FindReferences(ParsedFile file)
    {
        var found = new List<Reference>();
        void Add(int index, string text, string name)
        {
            if (Layers.OfName(name, IsType) is { } target)
            {
                found.Add(new(file.File.Path, SourceText.LineOf(file.LineStarts, index), text, name, target));
            }
        }

        var code = AllowedStringLiterals.Aggregate(file.Code, (text, literal) => text.Replace(literal, new string(' ', literal.Length), StringComparison.Ordinal));
        foreach (Match m in FullName().Matches(code))
        {
            if (!file.InNamespaceDeclaration(m.Index))
            {
                Add(m.Index, m.Value, m.Value);
            }
        }
        if (file.IsCSharp)
        {
            foreach (Match m in DottedName().Matches(file.Bare))
            {
                if (!file.InNamespaceDeclaration(m.Index) && Resolve(file, m.Index, m.Value) is var (full, name))
                {
                    // As written, up to the type: Cases.CaseProtector of Cases.CaseProtector.Seal.
                    var members = full.Split('.').Length - name.Split('.').Length;
                    Add(m.Index, string.Join('.', m.Value.Split('.')[..^members]), name);
                }
            }
        }
        return found.DistinctBy(r => (r.Line, r.Name)).OrderBy(r => r.Line);
    }

    /// <summary>
    /// What a partly qualified name (<c>Cases.CaseProtector.Seal</c>) stands for, fully qualified, and the type it starts with: its
    /// first part is looked up in the enclosing namespaces, innermost first, then among the file's using aliases. Null when it
    /// does not start with a type of the analysed files.
    /// </summary>
    private (string Full, string Type)? Resolve(ParsedFile file, int index, string dotted)
    {
        var first = dotted[..dotted.IndexOf('.', StringComparison.Ordinal)];
        for (var ns = file.NamespaceAt(index) ?? ""; ns.Length > 0; ns = Parent(ns))
        {
            if (IsType(ns, first) || namespaces.Contains(ns + "." + first))
            {
                return TypeIn(ns + "." + dotted);
            }
        }
        return file.Aliases.TryGetValue(first, out var target) ? TypeIn(target + dotted[first.Length..]) : null;
    }

    /// <summary>A fully qualified dotted name and the type it starts with: its longest declared namespace and the next part, if that is a type there.</summary>
    private (string Full, string Type)? TypeIn(string dotted)
    {
        var parts = dotted.Split('.');
        for (var length = parts.Length - 1; length > 0; length--)
        {
            var ns = string.Join('.', parts[..length]);
            if (namespaces.Contains(ns))
            {
                return IsType(ns, parts[length]) ? (dotted, ns + "." + parts[length]) : null;
            }
        }
        return null;
    }

    private static string Parent(string ns)
    {
        var dot = ns.LastIndexOf('.');
        return dot < 0 ? "" : ns[..dot];
    }

    [GeneratedRegex(@"(?<![\w.])CommunityService\.(?:Web|Data)\b(?:\.[A-Za-z_]\w*)*")]
    private static partial Regex FullName();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"^[ \t]*namespace[ \t]+([A-Za-z_][\w.]*)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclarationPattern();

    [GeneratedRegex(@"^[ \t]*(?:global[ \t]+)?using[ \t]+(\w+)[ \t]*=[ \t]*(?:global::)?([A-Za-z_][\w.]*)", RegexOptions.Multiline)]
    private static partial Regex AliasDirective();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?:(?:class|struct)\s+)?([A-Za-z_]\w*)")]
    private static partial Regex TypeDeclaration();

    /// <summary>A file with its comments (and, in <see cref="Bare"/>, its literals) blanked.</summary>
    private sealed record ParsedFile(SourceFile File, bool IsCSharp, string Code, string Bare, int[] LineStarts,
        IReadOnlyList<NamespaceDeclaration> Namespaces, IReadOnlyDictionary<string, string> Aliases)
    {
        /// <summary>The namespace declared last before an offset, or null in the global namespace.</summary>
        public string? NamespaceAt(int index) => Namespaces.LastOrDefault(d => d.Start <= index)?.Name;

        public bool InNamespaceDeclaration(int index) => Namespaces.Any(d => index >= d.Start && index < d.End);
    }
}
