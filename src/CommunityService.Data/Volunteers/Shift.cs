using CommunityService.Data.Participation;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Volunteers;

public enum ShiftStatus
{
    /// <summary>Taken: the volunteer will come.</summary>
    Taken,

    /// <summary>The volunteer logged their time; staff have not looked yet.</summary>
    Logged,
    Confirmed,
    Cancelled,
}

/// <summary>
/// A person on duty at a session: a volunteer who took the shift, or a staff member put on it. A volunteer logs the
/// minutes they gave; staff confirm them or correct them, and only confirmed minutes count.
/// </summary>
public class Shift : IVersioned
{
    public const int NoteMaxLength = 500;
    public const int MaxMinutes = 24 * 60;

    public const string NoVolunteersNeeded = "This session needs no volunteers.";
    public const string NotTakingVolunteers = "Volunteers can take shifts only while a project is in publicity or execution.";
    public const string AllShiftsTaken = "All volunteer places of this session are taken.";
    public const string AlreadyOnSession = "You already have a shift at this session.";
    public const string AlreadyOnDuty = "This person is already on duty at this session.";
    public const string SessionStarted = "This session has already started.";
    public const string OnlyTakenCancelled = "Only a shift that is taken can be cancelled.";
    public const string LogAfterStart = "Hours can be logged once the session has started.";
    public const string NotLoggable = "These hours can no longer be changed: they are confirmed or the shift is cancelled.";
    public const string OnlyVolunteersLog = "Only volunteers log hours for their shifts.";
    public const string MinutesOutOfRange = "Minutes must be between 1 and 1440.";
    public const string ConfirmMinutesOutOfRange = "Confirmed minutes must be between 0 and 1440.";
    public const string NothingToConfirm = "Only a volunteer's shift that is taken or logged can be confirmed.";
    public const string ConfirmAfterStart = "Hours can be confirmed once the session has started.";
    public const string MinutesNeeded = "The volunteer has not logged hours: enter the minutes to confirm.";
    public const string CorrectionNeedsNote = "A correction needs a note saying why.";
    public const string OwnHours = "Nobody confirms their own hours: another member of staff confirms them.";

    public int Id { get; set; }
    public int SessionId { get; set; }
    public ServiceSession? Session { get; set; }
    public string UserId { get; set; } = "";
    public bool IsVolunteer { get; set; }
    public ShiftStatus Status { get; set; } = ShiftStatus.Taken;
    public DateTime TakenAt { get; set; }
    public int? LoggedMinutes { get; set; }
    public DateTime? LoggedAt { get; set; }
    public int? ConfirmedMinutes { get; set; }
    public string? ConfirmedById { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string Note { get; set; } = "";
    public int Version { get; set; }

    /// <summary>Counts toward the session's volunteer places: a volunteer's shift that is not cancelled.</summary>
    public bool HoldsVolunteerPlace => IsVolunteer && Status != ShiftStatus.Cancelled;

    /// <summary>Projects take volunteers while they are announced or running.</summary>
    public static bool TakesVolunteers(ProjectStage stage) => stage is ProjectStage.Publicity or ProjectStage.Execution;

    /// <summary>
    /// A volunteer takes a place at a session. <paramref name="onSession"/> are the session's shifts (any status); a place is
    /// free while fewer volunteers hold one than the session needs. The caller saves with the session's concurrency token so
    /// that two volunteers taking the last place cannot both get it.
    /// </summary>
    public static GateCheck Take(ServiceSession session, ProjectStage stage, IEnumerable<Shift> onSession, string volunteerId, DateTime now, out Shift? shift)
    {
        shift = null;
        var active = onSession.Where(s => s.SessionId == session.Id && s.Status != ShiftStatus.Cancelled).ToList();
        var problem = session.IsCancelled ? ServiceSession.SessionCancelled
            : !TakesVolunteers(stage) ? NotTakingVolunteers
            : now >= session.StartsAt ? SessionStarted
            : active.Any(s => s.UserId == volunteerId) ? AlreadyOnSession
            : session.VolunteersNeeded <= 0 ? NoVolunteersNeeded
            : active.Count(s => s.IsVolunteer) >= session.VolunteersNeeded ? AllShiftsTaken
            : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        shift = new Shift { SessionId = session.Id, UserId = volunteerId, IsVolunteer = true, Status = ShiftStatus.Taken, TakenAt = now };
        return GateCheck.Passed;
    }

    /// <summary>Staff put a colleague on duty at a session; that is not a volunteer place and has no hours to confirm here.</summary>
    public static GateCheck PutOnDuty(ServiceSession session, IEnumerable<Shift> onSession, string staffId, DateTime now, out Shift? shift)
    {
        shift = null;
        var problem = session.IsCancelled ? ServiceSession.SessionCancelled
            : onSession.Any(s => s.SessionId == session.Id && s.UserId == staffId && s.Status != ShiftStatus.Cancelled) ? AlreadyOnDuty
            : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        shift = new Shift { SessionId = session.Id, UserId = staffId, IsVolunteer = false, Status = ShiftStatus.Taken, TakenAt = now };
        return GateCheck.Passed;
    }

    /// <summary>The volunteer gives back a shift they took, before the session starts.</summary>
    public GateCheck Cancel(DateTime sessionStartsAt, DateTime now)
    {
        if (Status != ShiftStatus.Taken)
        {
            return GateCheck.Fail(OnlyTakenCancelled);
        }
        if (now >= sessionStartsAt)
        {
            return GateCheck.Fail(SessionStarted);
        }
        Status = ShiftStatus.Cancelled;
        return GateCheck.Passed;
    }

    /// <summary>The volunteer says how long they gave, once the session has started; they may change it until staff confirm.</summary>
    public GateCheck Log(int minutes, DateTime sessionStartsAt, DateTime now)
    {
        var problem = !IsVolunteer ? OnlyVolunteersLog
            : Status is not (ShiftStatus.Taken or ShiftStatus.Logged) ? NotLoggable
            : now < sessionStartsAt ? LogAfterStart
            : minutes is < 1 or > MaxMinutes ? MinutesOutOfRange
            : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        LoggedMinutes = minutes;
        LoggedAt = now;
        Status = ShiftStatus.Logged;
        return GateCheck.Passed;
    }

    /// <summary>
    /// Staff confirm the logged minutes as they are (<paramref name="minutes"/> null or equal), or correct them with a note
    /// saying why; a shift nobody logged can be confirmed with the minutes staff enter. Only confirmed minutes count.
    /// </summary>
    public GateCheck Confirm(int? minutes, string note, string staffId, DateTime sessionStartsAt, DateTime now)
    {
        var confirmed = minutes ?? LoggedMinutes;
        note = note.Trim();
        var problem = !IsVolunteer || Status is not (ShiftStatus.Taken or ShiftStatus.Logged) ? NothingToConfirm
            : staffId == UserId ? OwnHours
            : now < sessionStartsAt ? ConfirmAfterStart
            : confirmed is null ? MinutesNeeded
            : confirmed is < 0 or > MaxMinutes ? ConfirmMinutesOutOfRange
            : LoggedMinutes is { } logged && logged != confirmed && note.Length == 0 ? CorrectionNeedsNote
            : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        ConfirmedMinutes = confirmed;
        ConfirmedById = staffId;
        ConfirmedAt = now;
        Note = note;
        Status = ShiftStatus.Confirmed;
        return GateCheck.Passed;
    }
}
