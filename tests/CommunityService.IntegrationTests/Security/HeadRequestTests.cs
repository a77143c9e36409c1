using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// HEAD answers as GET without a body on every page of the role matrix, for a visitor and for each signed-in role, and the
/// server does not name itself (issue #19, class 9).
/// </summary>
public class HeadRequestTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_page_answers_head_as_it_answers_get_but_without_a_body()
    {
        var fill = await RoleMatrix.SampleFillerAsync(Portal);
        var failures = new List<string>();
        var pages = 0;
        foreach (var user in RoleMatrix.Users)
        {
            var client = await Portal.ClientForAsync(user);
            foreach (var row in RoleMatrix.Rows.Where(r => r.Method is "GET" or "ANY"))
            {
                var url = fill(row.Sample);
                using var get = await client.GetAsync(url);
                using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
                var body = await head.Content.ReadAsByteArrayAsync();
                var what = $"HEAD {url} as {user ?? "anonymous"}";
                if (head.StatusCode != get.StatusCode || head.Headers.Location != get.Headers.Location)
                {
                    failures.Add($"{what}: {(int)head.StatusCode} {head.Headers.Location}, where GET answers {(int)get.StatusCode} {get.Headers.Location}");
                }
                else if (body.Length > 0)
                {
                    failures.Add($"{what}: {body.Length} bytes of body");
                }
                else if (head.Content.Headers.ContentType?.MediaType != get.Content.Headers.ContentType?.MediaType)
                {
                    failures.Add($"{what}: {head.Content.Headers.ContentType}, where GET answers {get.Content.Headers.ContentType}");
                }
                pages++;
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(pages > 600, $"Only {pages} HEAD requests.");
    }

    [Fact]
    public void Kestrel_sends_no_server_header()
    {
        // The test server is not Kestrel: what is checked is the option Kestrel is given (scripts/two-instances.sh asks a real one).
        Assert.False(Portal.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}
