using CommunityService.Data.Publicity;

namespace CommunityService.Web.Features.Notices;

public sealed record NoticeDesk(Notice Notice, DateTime Now, ChannelForm Channel)
{
    public bool IsVisible => Notice.IsVisibleAt(Now);
}
