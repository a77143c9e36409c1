namespace CommunityService.UnitTests.Architecture;

/// <summary>Rules read line by line (links typed by hand, controller conventions): one failure line per broken rule.</summary>
internal static class LineRules
{
    /// <summary>Every line of every file against <paramref name="violations"/>, as "path:line: rule: text".</summary>
    public static List<string> Check(IEnumerable<SourceFile> files, Func<string, IEnumerable<string>> violations) =>
    [
        .. files.SelectMany(file => file.Text.Split('\n')
            .Select((line, index) => (Line: line.TrimEnd('\r'), Number: index + 1))
            .SelectMany(l => violations(l.Line).Select(rule => $"{file.Path}:{l.Number}: {rule}: {l.Line.Trim()}"))),
    ];
}
