using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Security;

public class EndpointPolicyTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public void Every_endpoint_declares_a_policy_or_allows_anonymous_access()
    {
        var undeclared = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(undeclared.Count == 0, "Endpoints without [Authorize(Policy=...)] or [AllowAnonymous]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_endpoint_is_in_the_role_matrix()
    {
        var routes = Endpoints()
            .Select(e => (Method: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.SingleOrDefault() ?? "ANY", Route: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(r => !RoleMatrix.Unlisted.Contains(r.Route))
            .ToHashSet();
        var listed = RoleMatrix.Rows.Select(r => (r.Method, r.Route)).ToHashSet();

        var missing = routes.Except(listed).Select(r => $"{r.Method} {r.Route}").ToList();
        var stale = listed.Except(routes).Select(r => $"{r.Method} {r.Route}").ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to RoleMatrix.Rows: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "RoleMatrix.Rows lists endpoints that no longer exist: " + string.Join(", ", stale));
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
}
