using CommunityService.IntegrationTests.Infrastructure;

namespace CommunityService.IntegrationTests.Security;

public class HeaderTests(PortalFactory portal) : PortalTest(portal)
{
    [Theory]
    [InlineData("/", null)]
    [InlineData("/notices/3", null)]
    [InlineData("/no/such/page", null)]
    [InlineData("/projects", "staff")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css", null)]
    public async Task Every_response_carries_the_security_headers(string url, string? user)
    {
        var response = await (await Portal.ClientForAsync(user)).GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("0", response.Headers.GetValues("X-XSS-Protection").Single());
    }

    [Fact]
    public async Task Signed_in_pages_are_never_cached_and_public_ones_may_be()
    {
        var signedIn = await (await Portal.ClientForAsync("staff")).GetAsync("/projects");
        var visitor = await Portal.CreateAnonymousClient().GetAsync("/notices");

        Assert.True(signedIn.Headers.CacheControl?.NoStore);
        Assert.NotEqual(true, visitor.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public void No_view_writes_raw_html()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/CommunityService.Web"));
        var raw = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Html.Raw", StringComparison.Ordinal))
            .ToList();

        Assert.True(Directory.Exists(root), root);
        Assert.Empty(raw);
    }
}
