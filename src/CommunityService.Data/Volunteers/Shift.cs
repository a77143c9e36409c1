using CommunityService.Data.Participation;

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
}
