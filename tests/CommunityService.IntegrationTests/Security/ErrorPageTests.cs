using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Security;

/// <summary>What a failure shows outside Development: a localized page, no stack trace, no SQL; HSTS on real host names.</summary>
public class ErrorPageTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>The portal where any page asked with <c>?test-fail</c> fails the way a broken query would.</summary>
    private WebApplicationFactory<Program> WithFailingPage() => Portal.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(new FailingPage()))));

    private sealed class FailingPage : IActionFilter
    {
        public void OnActionExecuting(ActionExecutingContext context)
        {
            // Not on the error page itself, which the handler runs for the same request.
            if (context.HttpContext.Request.Query.ContainsKey("test-fail") && !context.HttpContext.Request.Path.StartsWithSegments("/error"))
            {
                throw new InvalidOperationException("SQLite Error 1: 'no such column: p.Secret'. SELECT p.Secret FROM Projects AS p");
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }

    [Fact]
    public async Task A_failure_shows_the_localized_error_page_without_details()
    {
        await using var app = WithFailingPage();
        var client = PortalFactory.AnonymousClient(app);

        var response = await client.GetAsync("/services?test-fail=1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("抱歉，系统出了点问题，请稍后再试。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html.Split("<main")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_on_the_portals_own_host_name_ask_browsers_for_https_only()
    {
        var client = PortalFactory.AnonymousClient(Portal, "portal.example.cn");

        var response = await client.GetAsync("/");

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_readiness_tells_an_anonymous_caller_nothing_but_the_state()
    {
        var response = await Portal.CreateAnonymousClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
