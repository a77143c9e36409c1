using System.Net;
using CommunityService.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityService.UnitTests.Infrastructure;

public class ScaleOutTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOutputCache();
        services.AddScaleOut(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Forwarded_client_and_scheme_are_believed_from_loopback_and_from_the_proxies_named()
    {
        using var provider = Services(("ForwardedHeaders:KnownProxies:0", "10.0.0.5"), ("ForwardedHeaders:KnownNetworks:0", "192.168.10.0/24"));
        var options = provider.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(IPAddress.IPv6Loopback, options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("192.168.10.77")));
        Assert.DoesNotContain(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("192.168.11.1")));
    }

    [Fact]
    public void Without_redis_each_instance_keeps_its_own_output_cache_and_with_it_they_share_one()
    {
        using var alone = Services();
        using var shared = Services(("OutputCache:Redis", "127.0.0.1:6379,abortConnect=false"));

        Assert.DoesNotContain("Redis", alone.GetRequiredService<IOutputCacheStore>().GetType().Name, StringComparison.Ordinal);
        Assert.Contains("Redis", shared.GetRequiredService<IOutputCacheStore>().GetType().Name, StringComparison.Ordinal);
    }
}
