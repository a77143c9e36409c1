using System.Net;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommunityService.Web.Hosting;

/// <summary>
/// Running several instances behind a load balancer. The Data Protection keys already live in the database
/// (<see cref="KeyRingProtection"/>), so a cookie or antiforgery token issued by one instance is accepted by another.
/// Two more things: the client's address and scheme come from the proxy's X-Forwarded-For / X-Forwarded-Proto (trusted
/// only from the proxies listed, loopback by default), and the public pages' output cache can move to Redis so that a
/// change made on one instance evicts the cached board on all of them (otherwise each instance keeps its own entries,
/// which expire within <see cref="PublicCache.Lifetime"/>).
/// </summary>
public static class ScaleOut
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";
    public const string RedisKey = "OutputCache:Redis";

    public static void AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted (the defaults); a load balancer on another machine has to be named.
            foreach (var proxy in configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        var redis = configuration[RedisKey];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = "CommunityService:";
            });
        }
    }
}
