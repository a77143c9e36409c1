using CommunityService.Data.Participation;
using CommunityService.Data.Projects;

namespace CommunityService.Web.Features.SignUps;

public sealed record Attendee(int Id, string Name, string Phone, SignUpChannel Channel, DateTime? CheckedInAt, string CheckInNote = "");

/// <summary>Where today lies against the session's day: check-in is open on the day, after it only with a reason.</summary>
public enum CheckInDay
{
    Before,
    OnTheDay,
    After,
}

public sealed record CheckInPage(int Id, int ProjectId, string ProjectName, int CommunityId, string Title, DateTime StartsAt, DateTime EndsAt,
    string Place, int Capacity, int Records)
{
    public IReadOnlyList<Attendee> People { get; init; } = [];
    public WalkInForm Form { get; init; } = new();
    public CheckInDay Day { get; init; } = CheckInDay.OnTheDay;

    /// <summary>After the day: the reason given for checking people in late, carried into every tap.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Whether check-in is open today with <see cref="Reason"/> (<see cref="ServiceSession.CheckInOn"/>).</summary>
    public GateCheck Open { get; init; } = GateCheck.Passed;

    /// <summary>Whether the taps and the walk-in form work today (the server checks the same).</summary>
    public bool CanCheckIn => Open.IsPassed;
    public int CheckedIn => People.Count(p => p.CheckedInAt is not null);
}
