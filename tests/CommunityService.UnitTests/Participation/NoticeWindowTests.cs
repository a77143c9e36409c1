using CommunityService.Data.Publicity;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Participation;

public class NoticeWindowTests
{
    [Fact]
    public void A_published_notice_shows_only_inside_its_window()
    {
        var notice = new Notice { VisibleFrom = Now.AddDays(1), VisibleUntil = Now.AddDays(10) };
        Assert.False(notice.IsVisibleAt(Now.AddDays(2)));

        notice.Publish(Now);

        Assert.False(notice.IsVisibleAt(Now));
        Assert.True(notice.IsVisibleAt(Now.AddDays(1)));
        Assert.False(notice.IsVisibleAt(Now.AddDays(10)));
        Assert.Single(notice.Channels, c => c.Channel == PublicityChannel.Portal);
    }

    [Fact]
    public void Only_a_published_notice_can_be_withdrawn_and_then_it_is_hidden_and_frozen()
    {
        var notice = new Notice();
        Assert.Equal([Notice.OnlyPublishedCanBeWithdrawn], notice.Withdraw(Now).Missing);

        notice.Publish(Now);
        Pass(notice.Withdraw(Now.AddDays(1)));

        Assert.Equal((NoticeStatus.Withdrawn, Now.AddDays(1)), (notice.Status, notice.WithdrawnAt));
        Assert.False(notice.IsVisibleAt(Now.AddDays(2)));
        Assert.False(notice.IsEditable);
    }
}
