using CommunityService.Data.Projects;

namespace CommunityService.Data.Participation;

public enum SignUpStatus
{
    Registered,
    Waiting,
    Cancelled,
}

/// <summary>How a sign-up reached the list: by the resident online, or by staff for someone who came in or called.</summary>
public enum SignUpChannel
{
    Online,
    InPerson,
    Phone,

    /// <summary>Came on the day without signing up; added at check-in.</summary>
    WalkIn,
}

/// <summary>One person on a session's list (报名): with a place, on the waiting list, or cancelled.</summary>
public class SignUp : IVersioned
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int NoteMaxLength = 300;
    public const int CheckInNoteMaxLength = 200;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public ServiceSession? Session { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The resident's account; null for someone staff put on the list who has no account.</summary>
    public string? ResidentId { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Note { get; set; } = "";
    public SignUpStatus Status { get; set; }
    public SignUpChannel Channel { get; set; }
    public string? AddedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PromotedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>Staff confirmed the place (called back, checked eligibility).</summary>
    public DateTime? ConfirmedAt { get; private set; }
    public string? ConfirmedById { get; private set; }
    /// <summary>Attendance: checked in at the session (签到).</summary>
    public DateTime? CheckedInAt { get; set; }
    public string? CheckedInById { get; set; }

    /// <summary>Why someone was checked in after the session's day (e.g. from the paper list); empty on the day itself.</summary>
    public string CheckInNote { get; set; } = "";
    public int Version { get; set; }

    public bool IsActive => Status != SignUpStatus.Cancelled;

    public const string AlreadyConfirmed = "This sign-up was already confirmed by someone else.";
    public const string OnlyRegisteredConfirmed = "Only someone with a place can be confirmed.";
    public const string OnlyRegisteredCheckIn = "Only someone with a place can be checked in.";

    /// <summary>
    /// Attendance: one tap checks a person in, a second tap undoes a mistaken one. <paramref name="lateNote"/> is why a check-in
    /// comes after the session's day (<see cref="ServiceSession.CheckInOn"/> says when one is needed).
    /// </summary>
    public GateCheck ToggleCheckIn(string staffId, DateTime now, string lateNote = "")
    {
        if (Status != SignUpStatus.Registered)
        {
            return GateCheck.Fail(OnlyRegisteredCheckIn);
        }
        (CheckedInAt, CheckedInById, CheckInNote) = CheckedInAt is null ? (now, staffId, lateNote.Trim()) : ((DateTime?)null, (string?)null, "");
        return GateCheck.Passed;
    }


    public GateCheck Confirm(string staffId, DateTime now)
    {
        if (Status != SignUpStatus.Registered)
        {
            return GateCheck.Fail(OnlyRegisteredConfirmed);
        }
        if (ConfirmedAt is not null)
        {
            // A second confirmation (two staff on the same list) would overwrite who confirmed and when.
            return GateCheck.Fail(AlreadyConfirmed);
        }
        ConfirmedAt ??= now;
        ConfirmedById ??= staffId;
        return GateCheck.Passed;
    }
}
