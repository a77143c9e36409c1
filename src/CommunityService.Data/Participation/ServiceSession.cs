using CommunityService.Data.Projects;

namespace CommunityService.Data.Participation;

/// <summary>
/// A session of a service (活动场次): when, where and how many places. Residents sign up for a session; when it is
/// full they join its waiting list, first come first served, and the first in line is promoted when a place frees.
/// A course that residents join as a whole is one session spanning the course.
/// </summary>
public class ServiceSession : IVersioned
{
    public const int TitleMaxLength = 100;
    public const int PlaceMaxLength = 200;
    public const int MaxCapacity = 10_000;

    public const string EndsBeforeStart = "The session must end after it starts.";
    public const string SignUpClosed = "Sign-up for this session has closed.";
    public const string SessionCancelled = "This session is cancelled.";
    public const string AlreadySignedUp = "You are already on the list for this session.";
    public const string NotActive = "This sign-up is already cancelled.";
    public const string CancelAfterStart = "The session has started: a sign-up can no longer be cancelled.";
    public const string CancelCheckedIn = "This person has checked in: undo the check-in before cancelling.";
    public const string CheckInBeforeTheDay = "Check-in opens on the day of the session.";
    public const string LateCheckInNeedsReason = "The session's day is over: a check-in now needs a reason, e.g. from the paper list.";

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }
    public string Title { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Place { get; set; } = "";
    public int Capacity { get; private set; }

    /// <summary>Places held by registered sign-ups; kept with the session so that the concurrency token serializes sign-ups.</summary>
    public int PlacesTaken { get; private set; }
    public bool IsCancelled { get; set; }

    /// <summary>How many volunteers the session needs; volunteers take these shifts themselves.</summary>
    public int VolunteersNeeded { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public ServiceSession(int capacity) => Capacity = capacity;

    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);

    public bool IsFull => PlacesTaken >= Capacity;

    public bool IsOpenForSignUp(DateTime now) => !IsCancelled && now < StartsAt;

    /// <summary>
    /// Puts a new sign-up on the list: a place while one is free, else the waiting list. <paramref name="active"/>
    /// are the session's sign-ups that are not cancelled, to refuse a second one by the same resident.
    /// </summary>
    public GateCheck Enrol(SignUp signUp, IEnumerable<SignUp> active, DateTime now)
    {
        if (IsCancelled)
        {
            return GateCheck.Fail(SessionCancelled);
        }
        if (now >= StartsAt)
        {
            return GateCheck.Fail(SignUpClosed);
        }
        if (signUp.ResidentId is { } resident && active.Any(s => s.ResidentId == resident && s.IsActive))
        {
            return GateCheck.Fail(AlreadySignedUp);
        }
        signUp.SessionId = Id;
        signUp.ProjectId = ProjectId;
        signUp.CreatedAt = now;
        if (IsFull)
        {
            signUp.Status = SignUpStatus.Waiting;
        }
        else
        {
            signUp.Status = SignUpStatus.Registered;
            PlacesTaken++;
        }
        return GateCheck.Passed;
    }

    /// <summary>
    /// Someone who came on the day without signing up: on the list with a place and checked in at once. A walk-in is
    /// never turned away for want of a place, so the count may go above the capacity.
    /// </summary>
    public GateCheck AddWalkIn(SignUp signUp, string staffId, DateTime now)
    {
        if (IsCancelled)
        {
            return GateCheck.Fail(SessionCancelled);
        }
        signUp.SessionId = Id;
        signUp.ProjectId = ProjectId;
        signUp.CreatedAt = now;
        signUp.Channel = SignUpChannel.WalkIn;
        signUp.AddedById = staffId;
        signUp.Status = SignUpStatus.Registered;
        signUp.CheckedInAt = now;
        signUp.CheckedInById = staffId;
        PlacesTaken++;
        return GateCheck.Passed;
    }

    /// <summary>
    /// Cancels a sign-up. A freed place goes to the first on the waiting list (by the time they signed up);
    /// returns the promoted sign-up, if any. <paramref name="waiting"/> is the session's waiting list.
    /// </summary>
    public GateCheck Cancel(SignUp signUp, IEnumerable<SignUp> waiting, DateTime now, out SignUp? promoted)
    {
        promoted = null;
        if (!signUp.IsActive)
        {
            return GateCheck.Fail(NotActive);
        }
        // After the start a cancellation would erase attendance and move someone from the waiting list into a session
        // already under way: absence is recorded by not checking in.
        if (now >= StartsAt)
        {
            return GateCheck.Fail(CancelAfterStart);
        }
        if (signUp.CheckedInAt is not null)
        {
            return GateCheck.Fail(CancelCheckedIn);
        }
        var held = signUp.Status == SignUpStatus.Registered;
        signUp.Status = SignUpStatus.Cancelled;
        signUp.CancelledAt = now;
        if (held)
        {
            PlacesTaken--;
            promoted = PromoteWaiting(waiting, now).FirstOrDefault();
        }
        return GateCheck.Passed;
    }

    /// <summary>
    /// Changes the number of places. More places promote people from the waiting list; fewer places than are
    /// taken leave everyone who holds one in place (nobody is bumped) and stop further registrations.
    /// </summary>
    public IReadOnlyList<SignUp> ChangeCapacity(int capacity, IEnumerable<SignUp> waiting, DateTime now)
    {
        Capacity = capacity;
        return PromoteWaiting(waiting, now);
    }

    /// <summary>
    /// When staff may check people in: on the session's day (in the portal's time zone; the caller gives both days), after it
    /// only with a reason (a late entry from the paper list), never before it.
    /// </summary>
    public static GateCheck CheckInOn(DateOnly sessionDay, DateOnly today, string? reason) =>
        today < sessionDay ? GateCheck.Fail(CheckInBeforeTheDay)
        : today > sessionDay && string.IsNullOrWhiteSpace(reason) ? GateCheck.Fail(LateCheckInNeedsReason)
        : GateCheck.Passed;

    /// <summary>Nobody is moved from the waiting list into a session that has started (or is cancelled).</summary>
    private List<SignUp> PromoteWaiting(IEnumerable<SignUp> waiting, DateTime now)
    {
        var promoted = new List<SignUp>();
        if (now >= StartsAt || IsCancelled)
        {
            return promoted;
        }
        foreach (var next in waiting.Where(s => s.Status == SignUpStatus.Waiting).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id))
        {
            if (IsFull)
            {
                break;
            }
            next.Status = SignUpStatus.Registered;
            next.PromotedAt = now;
            PlacesTaken++;
            promoted.Add(next);
        }
        return promoted;
    }
}
