using CommunityService.Data.Participation;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Participation;

public class WaitingListTests
{
    private static readonly DateTime Start = Now.AddDays(7);

    private static ServiceSession Session(int capacity) =>
        new(capacity) { Id = 1, ProjectId = 2, Title = "第一次", StartsAt = Start, EndsAt = Start.AddHours(2) };

    private static SignUp Enrol(ServiceSession session, List<SignUp> list, string resident, int minutesAfter = 0)
    {
        var signUp = new SignUp { Id = list.Count + 1, ResidentId = resident, Name = resident };
        Pass(session.Enrol(signUp, list, Now.AddMinutes(minutesAfter)));
        list.Add(signUp);
        return signUp;
    }

    [Fact]
    public void Places_go_first_come_first_served_and_the_rest_wait()
    {
        var session = Session(capacity: 2);
        var list = new List<SignUp>();

        var a = Enrol(session, list, "a");
        var b = Enrol(session, list, "b", 1);
        var c = Enrol(session, list, "c", 2);

        Assert.Equal([SignUpStatus.Registered, SignUpStatus.Registered, SignUpStatus.Waiting], [a.Status, b.Status, c.Status]);
        Assert.Equal(2, session.PlacesTaken);
        Assert.True(session.IsFull);
        Assert.Equal(0, session.PlacesLeft);
        Assert.All(list, s => Assert.Equal((1, 2), (s.SessionId, s.ProjectId)));
    }

    [Fact]
    public void A_cancelled_place_goes_to_the_first_in_line_not_the_latest()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        var first = Enrol(session, list, "first", 5);
        var second = Enrol(session, list, "second", 9);

        Pass(session.Cancel(holder, list, Now.AddHours(1), out var promoted));

        Assert.Same(first, promoted);
        Assert.Equal(SignUpStatus.Registered, first.Status);
        Assert.Equal(Now.AddHours(1), first.PromotedAt);
        Assert.Equal(SignUpStatus.Waiting, second.Status);
        Assert.Equal(SignUpStatus.Cancelled, holder.Status);
        Assert.Equal(1, session.PlacesTaken);
    }

    [Fact]
    public void Leaving_the_waiting_list_frees_no_place_and_promotes_nobody()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        Enrol(session, list, "holder");
        var waiting = Enrol(session, list, "waiting", 1);
        var last = Enrol(session, list, "last", 2);

        Pass(session.Cancel(waiting, list, Now, out var promoted));

        Assert.Null(promoted);
        Assert.Equal(SignUpStatus.Waiting, last.Status);
        Assert.Equal(1, session.PlacesTaken);
    }

    [Fact]
    public void The_same_resident_cannot_sign_up_twice_but_may_again_after_cancelling()
    {
        var session = Session(capacity: 5);
        var list = new List<SignUp>();
        var first = Enrol(session, list, "a");

        var again = session.Enrol(new SignUp { ResidentId = "a" }, list, Now);
        Assert.Equal([ServiceSession.AlreadySignedUp], again.Missing);

        Pass(session.Cancel(first, list, Now, out _));
        var afterCancel = Enrol(session, list, "a", 3);
        Assert.Equal(SignUpStatus.Registered, afterCancel.Status);
        Assert.Equal(1, session.PlacesTaken);
    }

    [Fact]
    public void Sign_up_closes_when_the_session_starts_or_is_cancelled()
    {
        var session = Session(capacity: 5);

        Assert.Equal([ServiceSession.SignUpClosed], session.Enrol(new SignUp { ResidentId = "a" }, [], Start).Missing);
        session.IsCancelled = true;
        Assert.Equal([ServiceSession.SessionCancelled], session.Enrol(new SignUp { ResidentId = "a" }, [], Now).Missing);
        Assert.Equal(0, session.PlacesTaken);
    }

    [Fact]
    public void More_places_promote_the_waiting_list_in_order_and_fewer_places_bump_nobody()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        var w1 = Enrol(session, list, "w1", 1);
        var w2 = Enrol(session, list, "w2", 2);
        var w3 = Enrol(session, list, "w3", 3);

        var promoted = session.ChangeCapacity(3, list, Now);
        Assert.Equal([w1, w2], promoted);
        Assert.Equal(SignUpStatus.Waiting, w3.Status);

        Assert.Empty(session.ChangeCapacity(1, list, Now));
        Assert.Equal(3, session.PlacesTaken);
        Assert.All([holder, w1, w2], s => Assert.Equal(SignUpStatus.Registered, s.Status));
        var late = Enrol(session, list, "late", 10);
        Assert.Equal(SignUpStatus.Waiting, late.Status);
    }

    [Fact]
    public void Cancelling_twice_is_refused_and_changes_nothing()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        Pass(session.Cancel(holder, list, Now, out _));

        Assert.Equal([ServiceSession.NotActive], session.Cancel(holder, list, Now, out _).Missing);
        Assert.Equal(0, session.PlacesTaken);
    }

    [Fact]
    public void Only_someone_with_a_place_can_be_confirmed()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        var waiting = Enrol(session, list, "waiting", 1);

        Pass(holder.Confirm("staff", Now));
        Assert.Equal([SignUp.OnlyRegisteredConfirmed], waiting.Confirm("staff", Now).Missing);
        Assert.Null(waiting.ConfirmedAt);
    }

    [Fact]
    public void A_walk_in_gets_in_even_when_the_session_is_full_and_is_checked_in_at_once()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        Enrol(session, list, "holder");

        var walkIn = new SignUp { Name = "路过的王大爷" };
        Pass(session.AddWalkIn(walkIn, "staff", Start));

        Assert.Equal((SignUpStatus.Registered, SignUpChannel.WalkIn, Start, "staff"), (walkIn.Status, walkIn.Channel, walkIn.CheckedInAt, walkIn.CheckedInById));
        Assert.Equal(2, session.PlacesTaken);
    }

    [Fact]
    public void Check_in_toggles_for_someone_with_a_place_only()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        var waiting = Enrol(session, list, "waiting", 1);

        Pass(holder.ToggleCheckIn("staff", Start));
        Assert.Equal(Start, holder.CheckedInAt);
        Pass(holder.ToggleCheckIn("staff", Start));
        Assert.Null(holder.CheckedInAt);
        Assert.Equal([SignUp.OnlyRegisteredCheckIn], waiting.ToggleCheckIn("staff", Start).Missing);
    }

    [Fact]
    public void After_the_start_nobody_cancels_and_nobody_moves_up()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        var waiting = Enrol(session, list, "waiting", 1);

        Assert.Equal([ServiceSession.CancelAfterStart], session.Cancel(holder, list, Start, out var promoted).Missing);
        Assert.Null(promoted);
        Assert.Empty(session.ChangeCapacity(5, list, Start.AddMinutes(10)));
        Assert.Equal((SignUpStatus.Registered, SignUpStatus.Waiting, 1), (holder.Status, waiting.Status, session.PlacesTaken));
    }

    [Fact]
    public void Someone_checked_in_is_not_cancelled()
    {
        var session = Session(capacity: 1);
        var list = new List<SignUp>();
        var holder = Enrol(session, list, "holder");
        Pass(holder.ToggleCheckIn("staff", Start.AddMinutes(-30)));

        Assert.Equal([ServiceSession.CancelCheckedIn], session.Cancel(holder, list, Start.AddMinutes(-20), out _).Missing);
        Assert.Equal(SignUpStatus.Registered, holder.Status);
    }

    [Fact]
    public void Check_in_is_on_the_day_after_it_only_with_a_reason_and_never_before_it()
    {
        var day = new DateOnly(2026, 12, 8);

        Pass(ServiceSession.CheckInOn(day, day, null));
        Assert.Equal([ServiceSession.CheckInBeforeTheDay], ServiceSession.CheckInOn(day, day.AddDays(-1), "纸质签到表").Missing);
        Assert.Equal([ServiceSession.LateCheckInNeedsReason], ServiceSession.CheckInOn(day, day.AddDays(1), " ").Missing);
        Pass(ServiceSession.CheckInOn(day, day.AddDays(1), "纸质签到表"));
    }

    [Fact]
    public void A_late_check_in_keeps_its_reason_and_undoing_it_clears_it()
    {
        var session = Session(capacity: 1);
        var holder = Enrol(session, [], "holder");

        Pass(holder.ToggleCheckIn("staff", Start.AddDays(2), " 纸质签到表 "));
        Assert.Equal("纸质签到表", holder.CheckInNote);
        Pass(holder.ToggleCheckIn("staff", Start.AddDays(2)));
        Assert.Equal("", holder.CheckInNote);
        Assert.Null(holder.CheckedInAt);
    }
}
