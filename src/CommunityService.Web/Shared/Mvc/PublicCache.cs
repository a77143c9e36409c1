using Microsoft.AspNetCore.OutputCaching;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// Output caching of the public pages (home, notice board, notice pages, posters) for anonymous visitors. Entries
/// vary by language and display mode, live at most a minute (so publish windows open and close on time), and are
/// evicted at once when a notice, a session's places or the center's details change.
/// </summary>
public static class PublicCache
{
    public const string Policy = "public";
    public const string NoticesTag = "notices";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static string ProjectTag(int projectId) => $"project-{projectId}";

    public static Task EvictProjectAsync(IOutputCacheStore cache, int projectId, CancellationToken ct) =>
        cache.EvictByTagAsync(ProjectTag(projectId), ct).AsTask();

    public static Task EvictNoticesAsync(IOutputCacheStore cache, CancellationToken ct) => cache.EvictByTagAsync(NoticesTag, ct).AsTask();
}
