using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommunityService.LoadTest;

/// <summary>What a request was: a page read, a journaled write, or the staff sign-in (a POST that writes no row we check).</summary>
internal enum RequestKind
{
    Read,
    Write,
    SignIn,
}

/// <summary>Counts and latencies of every request, the unexpected answers with a sample of what the portal said.</summary>
internal sealed partial class Stats
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock gate = new();
    private readonly List<double> readMs = [];
    private readonly List<double> writeMs = [];
    private readonly SortedDictionary<string, List<double>> postMs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> byStatus = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> unexpected = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> samples = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> acknowledged = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> noAnswer = new(StringComparer.Ordinal);
    private int requests;

    public int Requests
    {
        get { lock (gate) { return requests; } }
    }

    public int Acknowledged
    {
        get { lock (gate) { return acknowledged.Values.Sum(); } }
    }

    public int NoAnswer
    {
        get { lock (gate) { return noAnswer.Values.Sum(); } }
    }

    public int ServerErrors
    {
        get { lock (gate) { return byStatus.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value); } }
    }

    public void Answered(RequestKind kind, string label, int status, double ms, bool expected, string body)
    {
        lock (gate)
        {
            requests++;
            (kind == RequestKind.Read ? readMs : kind == RequestKind.Write ? writeMs : null)?.Add(ms);
            if (kind == RequestKind.Write)
            {
                (postMs.TryGetValue(label, out var times) ? times : postMs[label] = []).Add(ms);
            }
            Add(byStatus, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!expected)
            {
                var key = $"{label} {status}";
                Add(unexpected, key);
                if (!samples.ContainsKey(key))
                {
                    samples[key] = Gist(body);
                }
            }
        }
    }

    public void Failed(string label, string error)
    {
        lock (gate)
        {
            requests++;
            Add(noAnswer, label);
            samples.TryAdd($"{label} no answer", error);
        }
    }

    public void Acknowledge(string kind)
    {
        lock (gate)
        {
            Add(acknowledged, kind);
        }
    }

    public void Save(string path, TimeSpan elapsed, LoadOptions options, int sessions)
    {
        lock (gate)
        {
            var figures = new Dictionary<string, object>
            {
                ["run"] = options.Run,
                ["clients"] = options.Clients,
                ["staffClients"] = options.Staff,
                ["sessions"] = sessions,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
                ["requests"] = requests,
                ["reads"] = readMs.Count,
                ["writes"] = writeMs.Count,
                ["signIns"] = requests - readMs.Count - writeMs.Count - noAnswer.Values.Sum(),
                ["requestsPerSecond"] = Math.Round(requests / elapsed.TotalSeconds, 1),
                ["answeredPerSecond"] = Math.Round((requests - noAnswer.Values.Sum()) / elapsed.TotalSeconds, 1),
                ["acknowledged"] = acknowledged,
                ["noAnswer"] = noAnswer,
                ["byStatus"] = byStatus,
                ["unexpected"] = unexpected,
                ["samples"] = samples,
                ["readMs"] = Percentiles(readMs),
                ["writeMs"] = Percentiles(writeMs),
                ["writeMsByKind"] = postMs.ToDictionary(p => p.Key, p => Percentiles(p.Value)),
            };
            File.WriteAllText(path, JsonSerializer.Serialize(figures, Indented));
        }
    }

    private static void Add(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static Dictionary<string, double> Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new() { ["p50"] = At(0.50), ["p95"] = At(0.95), ["p99"] = At(0.99), ["max"] = At(1) };
    }

    /// <summary>The page's title and its first error message, to explain an unexpected answer.</summary>
    private static string Gist(string body)
    {
        var title = Title().Match(body) is { Success: true } t ? Text(t.Groups[1].Value) : "";
        var error = Error().Match(body) is { Success: true } e ? Text(e.Groups[1].Value) : "";
        var gist = string.Join(" | ", new[] { title, error }.Where(s => s.Length > 0));
        return gist.Length > 300 ? gist[..300] : gist;
    }

    private static string Text(string html) => Spaces().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex("class=\"[^\"]*(?:validation-summary-errors|alert-danger|field-validation-error|invalid-feedback d-block)[^\"]*\"[^>]*>(.*?)</(?:div|span|ul)>", RegexOptions.Singleline)]
    private static partial Regex Error();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
