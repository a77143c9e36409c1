using CommunityService.Data.Projects;

namespace CommunityService.Data.Privacy;

public enum PrivacyRequestKind
{
    /// <summary>Something about the resident is wrong: what, and what it should be (PIPL art. 46).</summary>
    Correction,

    /// <summary>The resident's personal data is to go; records kept for statistics are anonymized (PIPL art. 47).</summary>
    Deletion,
}

public enum PrivacyRequestStatus
{
    Open,
    Completed,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A resident's request to correct or delete their personal data, and staff's answer. One open request of a kind at a
/// time; the resident may withdraw it while it is open; staff complete it (saying what they did) or reject it (saying why).
/// </summary>
public class PrivacyRequest : IVersioned
{
    public const int TextMaxLength = 1000;

    public const string AlreadyOpen = "You already have an open request of this kind. Please wait for the answer, or withdraw it first.";
    public const string NotOpen = "This request is already closed.";
    public const string NeedsAnswer = "Say what was changed.";
    public const string NeedsReason = "Say why the request is rejected.";
    public const string NeedsWhatIsWrong = "Say what is wrong.";

    public int Id { get; set; }
    public string ResidentId { get; set; } = "";

    /// <summary>The resident's community when they asked: staff of that community (and of the whole street office) handle it.</summary>
    public int? CommunityId { get; set; }
    public PrivacyRequestKind Kind { get; set; }
    public PrivacyRequestStatus Status { get; private set; } = PrivacyRequestStatus.Open;

    /// <summary>For a correction: what is wrong; for a deletion: an optional word from the resident.</summary>
    public string Details { get; set; } = "";

    /// <summary>For a correction: what it should be.</summary>
    public string ShouldBe { get; set; } = "";

    /// <summary>Staff's answer the resident reads: what was changed, or why the request was rejected.</summary>
    public string Answer { get; private set; } = "";
    public string? HandledById { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => Status == PrivacyRequestStatus.Open;

    /// <summary>A new request, unless the resident already has an open one of the same kind.</summary>
    public static GateCheck Ask(
        string residentId, int? communityId, PrivacyRequestKind kind, string details, string shouldBe, IEnumerable<PrivacyRequestKind> openKinds, DateTime now,
        out PrivacyRequest? request)
    {
        request = null;
        var problem = openKinds.Contains(kind) ? AlreadyOpen
            : kind == PrivacyRequestKind.Correction && string.IsNullOrWhiteSpace(details) ? NeedsWhatIsWrong
            : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        request = new PrivacyRequest
        {
            ResidentId = residentId, CommunityId = communityId, Kind = kind, Details = details.Trim(),
            ShouldBe = kind == PrivacyRequestKind.Correction ? shouldBe.Trim() : "", CreatedAt = now,
        };
        return GateCheck.Passed;
    }

    /// <summary>
    /// Staff did what was asked. A correction says what was changed; a deletion needs no words (the anonymization is the
    /// answer, and the resident's own text goes with it).
    /// </summary>
    public GateCheck Complete(string answer, string staffId, DateTime now)
    {
        answer = answer.Trim();
        var problem = !IsOpen ? NotOpen
            : Kind == PrivacyRequestKind.Correction && answer.Length == 0 ? NeedsAnswer
            : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        Close(PrivacyRequestStatus.Completed, Kind == PrivacyRequestKind.Correction ? answer : "", staffId, now);
        return GateCheck.Passed;
    }

    public GateCheck Reject(string reason, string staffId, DateTime now)
    {
        reason = reason.Trim();
        var problem = !IsOpen ? NotOpen : reason.Length == 0 ? NeedsReason : null;
        if (problem is not null)
        {
            return GateCheck.Fail(problem);
        }
        Close(PrivacyRequestStatus.Rejected, reason, staffId, now);
        return GateCheck.Passed;
    }

    /// <summary>The resident takes the request back while it is open.</summary>
    public GateCheck Withdraw(DateTime now)
    {
        if (!IsOpen)
        {
            return GateCheck.Fail(NotOpen);
        }
        Close(PrivacyRequestStatus.Withdrawn, "", null, now);
        return GateCheck.Passed;
    }

    /// <summary>What was written about the resident goes with their data; the kind, status and times stay as proof the duty was met.</summary>
    public void ForgetText()
    {
        Details = "";
        ShouldBe = "";
        Answer = "";
    }

    private void Close(PrivacyRequestStatus status, string answer, string? staffId, DateTime now)
    {
        Status = status;
        Answer = answer;
        HandledById = staffId;
        ClosedAt = now;
    }
}
