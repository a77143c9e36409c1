namespace CommunityService.Web.Features.Notices;

public static class NoticesSetup
{
    /// <summary>Notices: the Markdown renderer and sanitizer of their text.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services) => services.AddSingleton<NoticeMarkdown>();
}
