using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace CommunityService.LoadTest;

/// <summary>What to load, for how long, and where to write the journal of acknowledged writes and the figures.</summary>
internal sealed record LoadOptions(
    Uri Base, int Clients, int Staff, TimeSpan Duration, int NoticeId, int ProjectId, string Journal, string Stats, string Run,
    TimeSpan Timeout, string StaffUser, string StaffPassword, X509Certificate2? Certificate, bool Gateway)
{
    public const string Usage = """
        usage: loadtest --base URL --journal FILE --stats FILE [--clients 64] [--staff 8] [--duration 60]
                        [--notice 8] [--project 14] [--run NAME] [--timeout 30] [--cert cert.pem]
                        [--staff-user staff] [--staff-password Demo@12345] [--gateway yes]
          --clients   concurrent clients in all; --staff of them sign in as the staff user and add service records,
                      the others register fresh resident accounts and sign up to the notice's open sessions
          --duration  seconds of load; clients finish the step they are in (no request is cancelled)
          --journal   every acknowledged write is appended here and flushed at once (kind, key, key, unix ms)
          --stats     the figures as JSON (read by tools/loadtest/verify.py)
          --cert      the portal's self-signed certificate (PEM): trusted for this run, no other untrusted one is
          --run       a name for this run; account names and record descriptions start with it (default: load-<time>)
          --gateway   yes: a load balancer (nginx) stands in front of several instances; its 502 and 504 (the instance
                      it chose did not answer, e.g. was killed) count as no answer, not as an error of the portal
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument: {args[i]}");
            }
            values[args[i][2..]] = args[++i];
        }
        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required.");
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var known = new HashSet<string>(["base", "clients", "staff", "duration", "notice", "project", "journal", "stats", "run", "timeout", "staff-user", "staff-password", "cert", "gateway"]);
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }
        var options = new LoadOptions(
            new Uri(Get("base").TrimEnd('/') + "/"), Int("clients", 64), Int("staff", 8), TimeSpan.FromSeconds(Int("duration", 60)),
            Int("notice", 8), Int("project", 14), Get("journal"), Get("stats"),
            Get("run", "load-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(Int("timeout", 30)), Get("staff-user", "staff"), Get("staff-password", "Demo@12345"),
            values.TryGetValue("cert", out var cert) ? X509Certificate2.CreateFromPem(File.ReadAllText(cert)) : null,
            Get("gateway", "no") == "yes");
        if (options.Clients < 1 || options.Staff < 0 || options.Staff > options.Clients)
        {
            throw new ArgumentException("--clients must be at least 1 and --staff between 0 and --clients.");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(options.Run, "^[A-Za-z0-9.-]{1,30}$"))
        {
            throw new ArgumentException("--run may use letters, digits, '.' and '-' (at most 30).");
        }
        return options;
    }
}
