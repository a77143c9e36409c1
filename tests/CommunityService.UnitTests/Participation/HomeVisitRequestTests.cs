using CommunityService.Data.Participation;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Participation;

public class HomeVisitRequestTests
{
    [Fact]
    public void A_request_is_accepted_then_scheduled_with_a_worker()
    {
        var request = new HomeVisitRequest();

        Pass(request.Accept(Now));
        Pass(request.Schedule(Now.AddDays(2), "worker", Now));

        Assert.Equal((HomeVisitStatus.Scheduled, Now.AddDays(2), "worker"), (request.Status, request.ScheduledAt, request.AssignedWorkerId));
        Assert.Equal([HomeVisitRequest.CannotAccept], request.Accept(Now).Missing);
    }

    [Fact]
    public void Declining_needs_a_reason_and_closes_the_request()
    {
        var request = new HomeVisitRequest();

        Assert.Equal([HomeVisitRequest.NeedsReason], request.Decline("  ", Now).Missing);
        Pass(request.Decline(" 不在服务范围内 ", Now));

        Assert.Equal((HomeVisitStatus.Declined, "不在服务范围内"), (request.Status, request.DeclineReason));
        Assert.False(request.IsOpen);
        Assert.Equal([HomeVisitRequest.NotOpen], request.Cancel(Now).Missing);
        Assert.Equal([HomeVisitRequest.CannotSchedule], request.Schedule(Now, "w", Now).Missing);
    }

    [Fact]
    public void The_resident_can_cancel_an_open_request()
    {
        var request = new HomeVisitRequest();
        Pass(request.Schedule(Now.AddDays(1), "w", Now));

        Pass(request.Cancel(Now));

        Assert.Equal(HomeVisitStatus.Cancelled, request.Status);
    }
}
