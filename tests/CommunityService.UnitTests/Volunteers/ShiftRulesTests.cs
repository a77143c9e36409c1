using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Data.Volunteers;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Volunteers;

public class ShiftRulesTests
{
    private static readonly DateTime Start = Now.AddDays(7);

    private static ServiceSession Session(int volunteersNeeded = 2) =>
        new(30) { Id = 5, ProjectId = 2, Title = "夜间巡逻", StartsAt = Start, EndsAt = Start.AddHours(2), VolunteersNeeded = volunteersNeeded };

    private static Shift Take(ServiceSession session, List<Shift> shifts, string volunteer, ProjectStage stage = ProjectStage.Execution)
    {
        Pass(Shift.Take(session, stage, shifts, volunteer, Now, out var shift));
        shift!.Id = shifts.Count + 1;
        shifts.Add(shift);
        return shift;
    }

    private static Shift TakenAndStarted(out ServiceSession session)
    {
        session = Session();
        return Take(session, [], "chen");
    }

    private static void Fails(GateCheck check, string message) => Assert.Equal([message], check.Missing);

    [Fact]
    public void A_volunteer_takes_a_place_at_a_session_that_needs_volunteers()
    {
        var session = Session();

        var shift = Take(session, [], "chen");

        Assert.Equal((5, "chen", true, ShiftStatus.Taken, Now), (shift.SessionId, shift.UserId, shift.IsVolunteer, shift.Status, shift.TakenAt));
        Assert.Null(shift.LoggedMinutes);
        Assert.Null(shift.ConfirmedMinutes);
    }

    [Fact]
    public void The_places_run_out_at_the_number_needed_and_a_cancelled_shift_frees_one()
    {
        var session = Session(volunteersNeeded: 2);
        var shifts = new List<Shift>();
        var first = Take(session, shifts, "a");
        Take(session, shifts, "b");

        Fails(Shift.Take(session, ProjectStage.Execution, shifts, "c", Now, out var refused), Shift.AllShiftsTaken);
        Assert.Null(refused);

        Pass(first.Cancel(session.StartsAt, Now));
        Take(session, shifts, "c");
    }

    [Fact]
    public void Staff_on_duty_do_not_take_volunteer_places()
    {
        var session = Session(volunteersNeeded: 1);
        var shifts = new List<Shift>();
        Pass(Shift.PutOnDuty(session, shifts, "staff", Now, out var duty));
        shifts.Add(duty!);

        Assert.False(duty!.IsVolunteer);
        Take(session, shifts, "a");
    }

    [Fact]
    public void A_volunteer_takes_one_place_per_session()
    {
        var session = Session();
        var shifts = new List<Shift>();
        Take(session, shifts, "a");

        Fails(Shift.Take(session, ProjectStage.Execution, shifts, "a", Now, out _), Shift.AlreadyOnSession);
    }

    [Fact]
    public void Shifts_of_other_sessions_do_not_count()
    {
        var session = Session(volunteersNeeded: 1);
        var elsewhere = new Shift { SessionId = 99, UserId = "a", IsVolunteer = true };

        Take(session, [elsewhere], "a");
    }

    [Fact]
    public void No_place_at_a_session_that_started_is_cancelled_needs_nobody_or_whose_project_is_not_running()
    {
        Fails(Shift.Take(Session(), ProjectStage.Execution, [], "a", Start, out _), Shift.SessionStarted);
        var cancelled = Session();
        cancelled.IsCancelled = true;
        Fails(Shift.Take(cancelled, ProjectStage.Execution, [], "a", Now, out _), ServiceSession.SessionCancelled);
        Fails(Shift.Take(Session(volunteersNeeded: 0), ProjectStage.Execution, [], "a", Now, out _), Shift.NoVolunteersNeeded);
        Fails(Shift.Take(Session(), ProjectStage.Evaluation, [], "a", Now, out _), Shift.NotTakingVolunteers);
        Fails(Shift.Take(Session(), ProjectStage.Plan, [], "a", Now, out _), Shift.NotTakingVolunteers);
        Take(Session(), [], "a", ProjectStage.Publicity);
    }

    [Fact]
    public void A_shift_is_cancelled_only_while_taken_and_before_the_session_starts()
    {
        var shift = TakenAndStarted(out var session);

        Fails(shift.Cancel(session.StartsAt, session.StartsAt), Shift.SessionStarted);
        Assert.Equal(ShiftStatus.Taken, shift.Status);
        Pass(shift.Cancel(session.StartsAt, session.StartsAt.AddMinutes(-1)));
        Assert.Equal(ShiftStatus.Cancelled, shift.Status);
        Fails(shift.Cancel(session.StartsAt, Now), Shift.OnlyTakenCancelled);
    }

    [Fact]
    public void Hours_are_logged_from_the_start_of_the_session_and_can_be_changed_until_confirmed()
    {
        var shift = TakenAndStarted(out var session);

        Fails(shift.Log(60, session.StartsAt, session.StartsAt.AddSeconds(-1)), Shift.LogAfterStart);
        Pass(shift.Log(60, session.StartsAt, session.StartsAt));
        Assert.Equal((ShiftStatus.Logged, 60, session.StartsAt), (shift.Status, shift.LoggedMinutes, shift.LoggedAt));
        Pass(shift.Log(90, session.StartsAt, session.EndsAt));
        Assert.Equal(90, shift.LoggedMinutes);

        Pass(shift.Confirm(null, "", "staff", session.StartsAt, session.EndsAt));
        Fails(shift.Log(120, session.StartsAt, session.EndsAt), Shift.NotLoggable);
        Assert.Equal(90, shift.LoggedMinutes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1441)]
    public void Logged_minutes_are_between_one_and_a_whole_day(int minutes)
    {
        var shift = TakenAndStarted(out var session);

        Fails(shift.Log(minutes, session.StartsAt, session.EndsAt), Shift.MinutesOutOfRange);
        Assert.Equal(ShiftStatus.Taken, shift.Status);
    }

    [Fact]
    public void Staff_on_duty_and_cancelled_shifts_log_no_hours()
    {
        var session = Session();
        Pass(Shift.PutOnDuty(session, [], "staff", Now, out var duty));
        Fails(duty!.Log(60, session.StartsAt, session.EndsAt), Shift.OnlyVolunteersLog);

        var shift = Take(session, [], "a");
        Pass(shift.Cancel(session.StartsAt, Now));
        Fails(shift.Log(60, session.StartsAt, session.EndsAt), Shift.NotLoggable);
    }

    [Fact]
    public void Staff_confirm_the_logged_minutes_as_they_are()
    {
        var shift = TakenAndStarted(out var session);
        Pass(shift.Log(120, session.StartsAt, session.EndsAt));

        Pass(shift.Confirm(120, "", "staff", session.StartsAt, session.EndsAt.AddHours(1)));

        Assert.Equal((ShiftStatus.Confirmed, 120, "staff", session.EndsAt.AddHours(1)), (shift.Status, shift.ConfirmedMinutes, shift.ConfirmedById, shift.ConfirmedAt));
        Assert.Equal(120, shift.LoggedMinutes);
    }

    [Fact]
    public void A_correction_needs_a_note_and_keeps_what_the_volunteer_logged()
    {
        var shift = TakenAndStarted(out var session);
        Pass(shift.Log(120, session.StartsAt, session.EndsAt));

        Fails(shift.Confirm(90, "  ", "staff", session.StartsAt, session.EndsAt), Shift.CorrectionNeedsNote);
        Assert.Equal(ShiftStatus.Logged, shift.Status);
        Pass(shift.Confirm(90, " 提前离开 ", "staff", session.StartsAt, session.EndsAt));

        Assert.Equal((90, 120, "提前离开"), (shift.ConfirmedMinutes, shift.LoggedMinutes, shift.Note));
    }

    [Fact]
    public void Staff_confirm_a_shift_nobody_logged_only_with_the_minutes_and_only_after_the_start()
    {
        var shift = TakenAndStarted(out var session);

        Fails(shift.Confirm(60, "", "staff", session.StartsAt, session.StartsAt.AddMinutes(-1)), Shift.ConfirmAfterStart);
        Fails(shift.Confirm(null, "", "staff", session.StartsAt, session.EndsAt), Shift.MinutesNeeded);
        Pass(shift.Confirm(60, "", "staff", session.StartsAt, session.EndsAt));
        Assert.Equal(60, shift.ConfirmedMinutes);
    }

    [Fact]
    public void A_confirmed_or_cancelled_shift_or_staff_on_duty_cannot_be_confirmed()
    {
        var shift = TakenAndStarted(out var session);
        Pass(shift.Confirm(60, "", "staff", session.StartsAt, session.EndsAt));
        Fails(shift.Confirm(30, "再改", "staff", session.StartsAt, session.EndsAt), Shift.NothingToConfirm);
        Assert.Equal(60, shift.ConfirmedMinutes);

        var other = Take(Session(), [], "b");
        Pass(other.Cancel(session.StartsAt, Now));
        Fails(other.Confirm(60, "", "staff", session.StartsAt, session.EndsAt), Shift.NothingToConfirm);

        Pass(Shift.PutOnDuty(Session(), [], "staff", Now, out var duty));
        Fails(duty!.Confirm(60, "", "staff", session.StartsAt, session.EndsAt), Shift.NothingToConfirm);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1441)]
    public void Confirmed_minutes_are_between_zero_and_a_whole_day(int minutes)
    {
        var shift = TakenAndStarted(out var session);
        Pass(shift.Log(60, session.StartsAt, session.EndsAt));

        Fails(shift.Confirm(minutes, "更正", "staff", session.StartsAt, session.EndsAt), Shift.ConfirmMinutesOutOfRange);
    }

    [Fact]
    public void Nobody_is_put_on_duty_twice_or_at_a_cancelled_session()
    {
        var session = Session();
        var shifts = new List<Shift>();
        Pass(Shift.PutOnDuty(session, shifts, "staff", Now, out var duty));
        shifts.Add(duty!);

        Fails(Shift.PutOnDuty(session, shifts, "staff", Now, out _), Shift.AlreadyOnDuty);
        session.IsCancelled = true;
        Fails(Shift.PutOnDuty(session, [], "other", Now, out _), ServiceSession.SessionCancelled);
    }

    [Fact]
    public void Nobody_confirms_their_own_hours()
    {
        var shift = TakenAndStarted(out var session);
        Pass(shift.Log(60, session.StartsAt, session.EndsAt));

        Fails(shift.Confirm(null, "", "chen", session.StartsAt, session.EndsAt), Shift.OwnHours);
        Assert.Equal(ShiftStatus.Logged, shift.Status);
        Pass(shift.Confirm(null, "", "staff", session.StartsAt, session.EndsAt));
    }
}
