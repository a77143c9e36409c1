using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityService.LoadTest;

/// <summary>
/// The load: residents register fresh accounts and sign up to the notice's open sessions one after another (each
/// (resident, session) pair once; an account that has signed up to all of them is followed by a new one), staff sign in
/// and add service records with unique descriptions; everyone reads pages in between. A write counts as acknowledged
/// only when the portal answers with its success redirect, and only then goes into the journal.
/// </summary>
internal sealed partial class LoadRun(LoadOptions options, Journal journal, Stats stats, IReadOnlyList<int> sessions, Stopwatch clock)
{
    private const string Password = "Tq8#Vw3!Zp6x";
    private const string Community = "青石社区";
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    private bool Over => clock.Elapsed >= options.Duration;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var sessions = await OpenSessionsAsync(options);
        if (sessions.Count == 0)
        {
            Console.Error.WriteLine($"Notice {options.NoticeId} offers no open session at {options.Base}.");
            return 1;
        }
        var stats = new Stats();
        using var journal = new Journal(options.Journal);
        Console.WriteLine($"{options.Run}: {options.Clients} clients ({options.Staff} staff, {options.Clients - options.Staff} residents) for " +
            $"{options.Duration.TotalSeconds:0} s against {options.Base}; notice {options.NoticeId} offers {sessions.Count} open sessions.");
        var clock = Stopwatch.StartNew();
        var load = new LoadRun(options, journal, stats, sessions, clock);
        using var done = new CancellationTokenSource();
        var progress = load.ReportAsync(done.Token);
        var clients = Enumerable.Range(1, options.Clients)
            .Select(c => Task.Run(() => c <= options.Staff ? load.StaffAsync(c) : load.ResidentAsync(c)))
            .ToList();
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        await done.CancelAsync();
        await progress;
        stats.Save(options.Stats, elapsed, options, sessions.Count);
        Console.WriteLine($"{options.Run}: done in {elapsed.TotalSeconds:0.0} s: {stats.Requests} requests, {stats.Acknowledged} writes acknowledged, " +
            $"{stats.NoAnswer} without answer, {stats.ServerErrors} answered 5xx.");
        return 0;
    }

    /// <summary>The sessions a visitor can sign up to, from the notice page's sign-up links.</summary>
    private static async Task<List<int>> OpenSessionsAsync(LoadOptions options)
    {
        using var visitor = new PortalClient(options.Base, options.Timeout, options.Certificate, new Stats(), options.Gateway);
        var page = await visitor.GetAsync($"/notices/{options.NoticeId}", "GET notice");
        return [.. SignUpLink().Matches(page.Body).Where(m => m.Groups[1].Value == options.NoticeId.ToString(CultureInfo.InvariantCulture))
            .Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).Distinct()];
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0}s  requests {stats.Requests,6}  acknowledged {stats.Acknowledged,5}  " +
                    $"no answer {stats.NoAnswer,5}  5xx {stats.ServerErrors}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ResidentAsync(int client)
    {
        var pages = new[] { "/", "/notices", $"/notices/{options.NoticeId}", "/me" };
        var random = new Random(client);
        for (var account = 1; !Over; account++)
        {
            var name = $"{options.Run}-r{client:00}-{account}";
            // Letters only (a name may not hold digits): the client and account numbers spelled with the letters a to j.
            var display = $"压测居民{Letters(client)}-{Letters(account)}";
            using var browser = new PortalClient(options.Base, options.Timeout, options.Certificate, stats, options.Gateway);
            if (!await RegisterAsync(browser, name, display))
            {
                await Task.Delay(Pause);
                continue;
            }
            // Every open session once, from a different one for each client so the sessions fill evenly.
            var first = (client + account) % sessions.Count;
            for (var i = 0; i < sessions.Count && !Over;)
            {
                if (!await ReadAsync(browser, pages, random))
                {
                    continue;
                }
                var session = sessions[(first + i) % sessions.Count];
                var path = $"/notices/{options.NoticeId}/signup?session={session}";
                var form = await browser.GetAsync(path, "GET sign-up form");
                if (form.Status == 0)
                {
                    await Task.Delay(Pause);
                    continue;
                }
                i++;
                if (PortalClient.Token(form.Body) is not { } token)
                {
                    continue;
                }
                // A full session puts the resident on its waiting list: that is a success too (the same redirect).
                var post = await browser.PostAsync(path, token, [new("Name", display), new("Phone", "138 0013 8000"), new("Note", "")],
                    RequestKind.Write, "POST sign-up", "/me");
                if (post.Redirected("/me"))
                {
                    journal.Write("signup", name, session.ToString(CultureInfo.InvariantCulture));
                    stats.Acknowledge("signup");
                }
                else if (post.Status == 0)
                {
                    // Unknown whether it was saved: the pair is not tried again (a second try could only be refused).
                    await Task.Delay(Pause);
                }
            }
        }
    }

    private async Task<bool> RegisterAsync(PortalClient browser, string name, string display)
    {
        var form = await browser.GetAsync("/account/register", "GET register form");
        if (PortalClient.Token(form.Body) is not { } token)
        {
            return false;
        }
        var community = CommunityOption().Match(form.Body) is { Success: true } m ? m.Groups[1].Value
            : AnyOption().Match(form.Body).Groups[1].Value;
        var post = await browser.PostAsync("/account/register", token,
            [new("UserName", name), new("DisplayName", display), new("CommunityId", community), new("Password", Password),
             new("ConfirmPassword", Password), new("ReturnUrl", "")],
            RequestKind.Write, "POST register", "/");
        if (!post.Redirected("/"))
        {
            return false;
        }
        journal.Write("account", name);
        stats.Acknowledge("account");
        return true;
    }

    private async Task StaffAsync(int client)
    {
        var pages = new[] { "/", "/notices", $"/projects/{options.ProjectId}", $"/projects/{options.ProjectId}/records" };
        var random = new Random(client);
        var formPath = $"/projects/{options.ProjectId}/records/create";
        var success = $"/projects/{options.ProjectId}#execution";
        using var browser = new PortalClient(options.Base, options.Timeout, options.Certificate, stats, options.Gateway);
        var signedIn = false;
        for (var n = 1; !Over;)
        {
            if (!signedIn && !(signedIn = await SignInAsync(browser)))
            {
                await Task.Delay(Pause);
                continue;
            }
            if (!await ReadAsync(browser, pages, random))
            {
                continue;
            }
            var form = await browser.GetAsync(formPath, "GET record form");
            if (form.Status == 0)
            {
                await Task.Delay(Pause);
                continue;
            }
            if (PortalClient.Token(form.Body) is not { } token)
            {
                signedIn = form.Status == 200;
                continue;
            }
            var description = $"{options.Run}-s{client:00}-{n++}";
            var post = await browser.PostAsync(formPath, token,
                [new("RecipientName", "王秀英"), new("DeliveredAt", DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd'T'09:00", CultureInfo.InvariantCulture)),
                 new("DeliveryMode", "AtFacility"), new("DurationMinutes", "60"), new("Description", description)],
                RequestKind.Write, "POST record", success);
            if (post.Redirected(success))
            {
                journal.Write("record", description);
                stats.Acknowledge("record");
            }
            else if (post.Status == 0)
            {
                await Task.Delay(Pause);
            }
        }
    }

    private async Task<bool> SignInAsync(PortalClient browser)
    {
        var landing = $"/projects/{options.ProjectId}";
        var form = await browser.GetAsync("/account/login", "GET sign-in form");
        if (PortalClient.Token(form.Body) is not { } token)
        {
            return false;
        }
        var post = await browser.PostAsync("/account/login", token,
            [new("UserName", options.StaffUser), new("Password", options.StaffPassword), new("ReturnUrl", landing)],
            RequestKind.SignIn, "POST sign-in", landing);
        return post.Redirected(landing);
    }

    /// <summary>Two pages picked at random; false (after a pause) when the portal did not answer.</summary>
    private async Task<bool> ReadAsync(PortalClient browser, string[] pages, Random random)
    {
        for (var i = 0; i < 2; i++)
        {
            var page = pages[random.Next(pages.Length)];
            if ((await browser.GetAsync(page, "GET " + page)).Status == 0)
            {
                await Task.Delay(Pause);
                return false;
            }
        }
        return true;
    }

    private static string Letters(int number) => string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));

    [GeneratedRegex(@"/notices/(\d+)/signup\?session=(\d+)")]
    private static partial Regex SignUpLink();

    [GeneratedRegex("<option value=\"(\\d+)\"[^>]*>" + Community + "</option>")]
    private static partial Regex CommunityOption();

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex AnyOption();
}
