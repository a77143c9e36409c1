using System.Net;
using AngleSharp.Html.Parser;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// The portal under a path base (<c>Portal:PathBase=/portal</c>, as behind a gateway that publishes it at
/// <c>https://gov.example/streets/xingfu/portal/</c>): every page of the role matrix, for every role, answers as the matrix
/// says under the prefix, and every link, form, script, style and image it shows stays inside the prefix; following each
/// link once lands on a page, not a 404 or a 500. A visitor registers, signs in and signs up without leaving it, and the
/// poster's QR code carries the configured public address.
/// </summary>
public class PathBaseTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Prefix = "/portal";
    private const string PublicBase = "https://gov.example/streets/xingfu/portal/";

    private WebApplicationFactory<Program> UnderPrefix() => Portal.WithWebHostBuilder(b => b
        .UseSetting("Portal:PathBase", "portal/")
        .UseSetting("Portal:PublicBaseUrl", PublicBase));

    [Fact]
    public async Task Every_page_of_the_role_matrix_and_every_link_on_it_stays_under_the_prefix()
    {
        await using var app = UnderPrefix();
        var failures = new List<string>();
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        foreach (var user in RoleMatrix.Users)
        {
            using var client = await SignInAsync(app, user);
            var links = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var row in RoleMatrix.Rows.Where(r => r.Method is "GET" && !r.Sample.Contains('{', StringComparison.Ordinal)))
            {
                // A return address is a local path as the browser sees it, so under the prefix it carries the prefix.
                var response = await client.GetAsync(Prefix + row.Sample.Replace("returnUrl=%2F", "returnUrl=%2Fportal%2F", StringComparison.Ordinal));
                CheckRedirect(response, $"{row} as {user ?? "anonymous"}", failures);
                if (response.StatusCode == HttpStatusCode.OK && IsHtml(response))
                {
                    pages++;
                    CollectLinks(await response.BodyAsync(), $"{row} as {user ?? "anonymous"}", links, failures);
                }
            }
            // Follow each link once (per role: what a role may open differs); a download or a redirect counts as landing.
            foreach (var link in links.Where(l => !l.Contains("/logout", StringComparison.Ordinal)))
            {
                if (!followed.Add($"{user}|{link}"))
                {
                    continue;
                }
                var response = await client.GetAsync(link);
                if (response.StatusCode == HttpStatusCode.NotFound || (int)response.StatusCode >= 500)
                {
                    failures.Add($"{link} as {user ?? "anonymous"}: {(int)response.StatusCode}");
                }
                CheckRedirect(response, $"{link} as {user ?? "anonymous"}", failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(60)));
        // The walk can fail: it saw the role matrix's pages and followed their links.
        Assert.True(pages > 100, $"only {pages} pages");
        Assert.True(followed.Count > 300, $"only {followed.Count} links followed");
    }

    [Fact]
    public async Task A_visitor_registers_signs_in_and_signs_up_without_leaving_the_prefix()
    {
        await using var app = UnderPrefix();
        using var visitor = PortalFactory.AnonymousClient(app);
        var page = await visitor.GetAsync($"{Prefix}/notices/3/signup?session=1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var login = page.RedirectPath()!;
        Assert.StartsWith($"{Prefix}/account/login?ReturnUrl=%2Fportal%2Fnotices%2F3%2Fsignup", login, StringComparison.Ordinal);

        var registered = await SubmitAsync(visitor, $"{Prefix}/account/register?returnUrl=%2Fportal%2Fnotices%2F3%2Fsignup%3Fsession%3D1",
            $"{Prefix}/account/register", new()
            {
                ["UserName"] = "pathbase-visitor",
                ["DisplayName"] = "路径测试",
                ["CommunityId"] = "1",
                ["Password"] = "Demo@12345",
                ["ConfirmPassword"] = "Demo@12345",
            });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal($"{Prefix}/notices/3/signup?session=1", registered.RedirectPath());

        var signedUp = await SubmitAsync(visitor, $"{Prefix}/notices/3/signup?session=1", $"{Prefix}/notices/3/signup",
            new() { ["Name"] = "路径测试", ["Phone"] = "13800000077" });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.True(UnderPrefix(signedUp.RedirectPath()!), signedUp.RedirectPath());
        var signUps = await Portal.WithDbAsync(db => Task.FromResult(db.SignUps.Count(s => s.Phone == "13800000077")));
        Assert.Equal(1, signUps);

        // Signed out and in again through the prefixed form.
        using var again = await SignInAsync(app, "pathbase-visitor");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"{Prefix}/me")).StatusCode);
    }

    [Fact]
    public async Task The_posters_qr_code_and_address_come_from_the_public_base_url()
    {
        await using var app = UnderPrefix();
        using var client = PortalFactory.AnonymousClient(app);
        var poster = await (await client.GetAsync($"{Prefix}/notices/3/poster")).BodyAsync();
        Assert.Contains(PublicBase + "notices/3", poster, StringComparison.Ordinal);
        Assert.DoesNotContain("https://localhost", poster, StringComparison.Ordinal);

        // Without a public URL, the request's own address (with its path base) is used.
        await using var plain = Portal.WithWebHostBuilder(b => b.UseSetting("Portal:PathBase", "/portal"));
        using var direct = PortalFactory.AnonymousClient(plain);
        Assert.Contains("https://localhost/portal/notices/3", await (await direct.GetAsync($"{Prefix}/notices/3/poster")).BodyAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string? user)
    {
        var client = PortalFactory.AnonymousClient(app);
        if (user is not null)
        {
            var response = await SubmitAsync(client, $"{Prefix}/account/login", $"{Prefix}/account/login",
                new() { ["UserName"] = user, ["Password"] = "Demo@12345" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(UnderPrefix(response.RedirectPath()!), response.RedirectPath());
        }
        return client;
    }

    /// <summary>Submits the form whose action is <paramref name="action"/>, with or without a query carrying the route's values.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string action, Dictionary<string, string> fields) =>
        client.SubmitFormAsync(page, a => a == action || a.StartsWith(action + "?", StringComparison.Ordinal), action, fields);

    /// <summary>The prefix itself (the home page's route) or a path below it.</summary>
    private static bool UnderPrefix(string path) => path == Prefix || path.StartsWith(Prefix + "/", StringComparison.Ordinal) || path.StartsWith(Prefix + "?", StringComparison.Ordinal);

    private static bool IsHtml(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/html";

    private static void CheckRedirect(HttpResponseMessage response, string what, List<string> failures)
    {
        if (response.Headers.Location is { } location && !location.IsAbsoluteUri && !UnderPrefix(location.OriginalString))
        {
            failures.Add($"{what}: redirected to {location.OriginalString}");
        }
    }

    private static void CollectLinks(string html, string what, SortedSet<string> links, List<string> failures)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var (selector, attribute) in new[] { ("a[href]", "href"), ("form[action]", "action"), ("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src"), ("[formaction]", "formaction") })
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                var value = element.GetAttribute(attribute)!;
                if (value.Length == 0 || value.StartsWith('#') || value.StartsWith("data:", StringComparison.Ordinal)
                    || value.StartsWith("mailto:", StringComparison.Ordinal) || value.StartsWith("tel:", StringComparison.Ordinal)
                    || value.StartsWith("http", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Host != "localhost")
                {
                    continue;
                }
                if (!UnderPrefix(value))
                {
                    failures.Add($"{what}: {selector} {value} leaves the prefix");
                }
                else if (selector == "a[href]")
                {
                    links.Add(value);
                }
            }
        }
    }
}
