using System.Linq.Expressions;
using CommunityService.Data.Identity;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Participation;

public enum HomeVisitStatus
{
    Submitted,
    Accepted,
    Scheduled,
    Declined,
    Cancelled,
}

public enum TimeOfDay
{
    Any,
    Morning,
    Afternoon,
    Evening,
}

/// <summary>
/// A request for a home visit (上门服务) under a service that offers one: the need, the address and a preferred
/// time window. Staff accept or decline it (with a reason), schedule it and assign a worker; the resident
/// follows its status. The need can reveal health ("刚做完髋关节手术"), so it is stored only as ciphertext
/// (<see cref="ProtectedNeed"/>): the web app encrypts it with ASP.NET Core Data Protection.
/// </summary>
public class HomeVisitRequest : IVersioned
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 200;
    public const int NeedMaxLength = 1000;
    public const int ReasonMaxLength = 500;

    /// <summary>
    /// Room for the ciphertext of <see cref="NeedMaxLength"/> Chinese characters: 3,000 UTF-8 bytes, plus Data Protection's
    /// 84 bytes (magic header and key id 20, key modifier 16, IV 16, MAC 32) and at most 16 of AES-CBC padding: 3,100 bytes,
    /// 4,134 characters in base64url. The room left is for another algorithm's larger overhead.
    /// </summary>
    public const int ProtectedNeedMaxLength = 4500;

    public const string WindowEndsBeforeStart = "The last preferred day must not be before the first.";
    public const string NotOpen = "This request is already closed.";
    public const string CannotSchedule = "Only an open request can be scheduled.";
    public const string CannotAccept = "Only a submitted request can be accepted.";
    public const string NeedsReason = "Say why the request is declined.";

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ServiceProject? Project { get; set; }

    /// <summary>The resident's account; null when staff took the request for someone without one.</summary>
    public string? ResidentId { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Address { get; set; } = "";

    /// <summary>The Data Protection ciphertext of what the person needs help with; never queried in SQL.</summary>
    public string ProtectedNeed { get; set; } = "";
    public DateOnly PreferredFrom { get; set; }
    public DateOnly PreferredTo { get; set; }
    public TimeOfDay PreferredTime { get; set; }
    public HomeVisitStatus Status { get; private set; } = HomeVisitStatus.Submitted;
    public string DeclineReason { get; private set; } = "";
    public DateTime? ScheduledAt { get; private set; }
    public string? AssignedWorkerId { get; private set; }
    public ApplicationUser? AssignedWorker { get; private set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>A request still being worked on: new, accepted or scheduled.</summary>
    public static readonly Expression<Func<HomeVisitRequest, bool>> Open = r =>
        r.Status == HomeVisitStatus.Submitted || r.Status == HomeVisitStatus.Accepted || r.Status == HomeVisitStatus.Scheduled;

    public bool IsOpen => Status is HomeVisitStatus.Submitted or HomeVisitStatus.Accepted or HomeVisitStatus.Scheduled;

    public GateCheck Accept(DateTime now)
    {
        if (Status != HomeVisitStatus.Submitted)
        {
            return GateCheck.Fail(CannotAccept);
        }
        Status = HomeVisitStatus.Accepted;
        UpdatedAt = now;
        return GateCheck.Passed;
    }

    public GateCheck Decline(string reason, DateTime now)
    {
        if (!IsOpen)
        {
            return GateCheck.Fail(NotOpen);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return GateCheck.Fail(NeedsReason);
        }
        Status = HomeVisitStatus.Declined;
        DeclineReason = reason.Trim();
        UpdatedAt = now;
        return GateCheck.Passed;
    }

    /// <summary>Sets (or moves) the visit's time and worker; scheduling a submitted request accepts it too.</summary>
    public GateCheck Schedule(DateTime at, string workerId, DateTime now)
    {
        if (!IsOpen)
        {
            return GateCheck.Fail(CannotSchedule);
        }
        Status = HomeVisitStatus.Scheduled;
        ScheduledAt = at;
        AssignedWorkerId = workerId;
        UpdatedAt = now;
        return GateCheck.Passed;
    }

    /// <summary>The resident withdraws the request while it is still open.</summary>
    public GateCheck Cancel(DateTime now)
    {
        if (!IsOpen)
        {
            return GateCheck.Fail(NotOpen);
        }
        Status = HomeVisitStatus.Cancelled;
        UpdatedAt = now;
        return GateCheck.Passed;
    }
}
