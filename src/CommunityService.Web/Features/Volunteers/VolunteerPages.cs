using CommunityService.Data.Projects;
using CommunityService.Data.Volunteers;
using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Volunteers;

/// <summary>The volunteer's own page: their profile, shifts open to take, their shifts and their confirmed hours.</summary>
public sealed record MyVolunteering(ProfileFacts? Profile, int ConfirmedMinutes, IReadOnlyList<OpenShift> Open, IReadOnlyList<MyShift> Shifts)
{
    public decimal ConfirmedHours => Volunteers.ConfirmedHours.Hours(ConfirmedMinutes);

    /// <summary>What the volunteer typed into one shift's form, kept when it comes back with a message.</summary>
    public LogInput? Input { get; init; }
}

public sealed record ProfileFacts(string Skills, string Availability, DateTime UpdatedAt);

public sealed record OpenShift(int SessionId, string Project, string Title, DateTime StartsAt, DateTime EndsAt, string Place, int Needed, int Taken)
{
    public int PlacesLeft => Math.Max(0, Needed - Taken);
}

public sealed record MyShift(
    int Id, string Project, string Session, DateTime StartsAt, DateTime EndsAt, string Place, ShiftStatus Status, int? LoggedMinutes,
    int? ConfirmedMinutes, string Note, int Version, bool CanCancel, bool CanLog);

public sealed record LogInput(int ShiftId, int? Minutes);

/// <summary>The printable record of a volunteer's confirmed hours.</summary>
public sealed record HoursRecord(string Volunteer, string? Community, string Office, HourPeriod Period, DateTime PrintedAt, IReadOnlyList<HoursRecordRow> Rows)
{
    public int TotalMinutes => Rows.Sum(r => r.Minutes);
}

public sealed record HoursRecordRow(DateTime StartsAt, string Project, string Session, int Minutes, string ConfirmedBy);

/// <summary>Staff's list of confirmed hours: per volunteer (paged), per project, and the shifts waiting for confirmation.</summary>
public sealed record HoursList(
    HoursFilter Filter, Page<VolunteerHoursRow> Volunteers, IReadOnlyList<ProjectHoursRow> Projects, IReadOnlyList<WaitingRow> Waiting,
    IReadOnlyList<Option> Communities, IReadOnlyList<Option> ProjectOptions)
{
    public int TotalMinutes => Projects.Sum(p => p.Minutes);
}

public sealed record Option(string Value, string Text);

public sealed record VolunteerHoursRow(string UserId, string Name, string? Community, int Minutes, int Shifts);

public sealed record ProjectHoursRow(int ProjectId, string Project, string Community, int Minutes, int Shifts);

public sealed record WaitingRow(int ProjectId, string Project, int Logged);

/// <summary>One volunteer as staff see them: profile, shifts and confirmed hours per project.</summary>
public sealed record VolunteerDetails(
    string UserId, string Name, string UserName, string? Community, string? Phone, ProfileFacts? Profile, IReadOnlyList<VolunteerShiftRow> Shifts,
    IReadOnlyList<ProjectHoursRow> Projects)
{
    public int TotalMinutes => Projects.Sum(p => p.Minutes);
}

public sealed record VolunteerShiftRow(
    int Id, int ProjectId, string Project, string Session, DateTime StartsAt, ShiftStatus Status, int? LoggedMinutes, int? ConfirmedMinutes, string Note);

/// <summary>A project's shifts for staff: the sessions' volunteer places, and the shifts to confirm (logged first).</summary>
public sealed record ProjectShiftsPage(ProjectHead Project, IReadOnlyList<SessionPlaces> Sessions, Page<ShiftRow> Shifts, IReadOnlyList<Option> Staff)
{
    public ConfirmInput? Input { get; init; }
    public NeededInput? Needed { get; init; }
    public OnDutyForm OnDuty { get; init; } = new();
}

public sealed record ProjectHead(int Id, string Name, int CommunityId, ProjectStage Stage);

public sealed record SessionPlaces(int Id, string Title, DateTime StartsAt, DateTime EndsAt, bool IsCancelled, int VolunteersNeeded, int VolunteersTaken, int StaffOnDuty);

public sealed record ShiftRow(
    int Id, int SessionId, string Session, DateTime StartsAt, string UserId, string Name, bool IsVolunteer, ShiftStatus Status, int? LoggedMinutes,
    int? ConfirmedMinutes, string? ConfirmedBy, string Note, int Version, bool Started)
{
    /// <summary>A volunteer's shift of a session that has started, not yet confirmed: staff confirm it here.</summary>
    public bool CanConfirm => IsVolunteer && Started && Status is (ShiftStatus.Taken or ShiftStatus.Logged);
}

public sealed record ConfirmInput(int ShiftId, int? Minutes, string Note);

/// <summary>The number typed for a session's volunteers, as typed (it may not be a number).</summary>
public sealed record NeededInput(int SessionId, string Value);
