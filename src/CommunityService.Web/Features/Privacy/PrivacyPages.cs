using CommunityService.Data;
using CommunityService.Data.Privacy;
using CommunityService.Web.Shared.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Privacy;

public sealed record MyRequestRow(
    int Id, PrivacyRequestKind Kind, PrivacyRequestStatus Status, string Details, string ShouldBe, string Answer, DateTime CreatedAt, DateTime? ClosedAt)
{
    public bool IsOpen => Status == PrivacyRequestStatus.Open;
}

public static class MyRequests
{
    /// <summary>The resident's own requests, newest first: one command.</summary>
    public static Task<List<MyRequestRow>> LoadAsync(CommunityServiceDbContext db, string residentId, CancellationToken ct) =>
        db.PrivacyRequests.AsNoTracking().Where(r => r.ResidentId == residentId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new MyRequestRow(r.Id, r.Kind, r.Status, r.Details, r.ShouldBe, r.Answer, r.CreatedAt, r.ClosedAt))
            .ToListAsync(ct);
}

public sealed record MyPrivacyPage(List<MyRequestRow> Requests, AskForm Form);

public sealed record QueueRow(int Id, PrivacyRequestKind Kind, PrivacyRequestStatus Status, string Resident, string? Community, DateTime CreatedAt, DateTime? ClosedAt);

public sealed record QueuePage(PrivacyRequestStatus? Status, Page<QueueRow> Rows);

public sealed record RequestDetail(
    int Id, string ResidentId, int? CommunityId, string? Community, PrivacyRequestKind Kind, PrivacyRequestStatus Status, string Details, string ShouldBe,
    string Answer, DateTime CreatedAt, DateTime? ClosedAt, string? HandledBy, int Version)
{
    public bool IsOpen => Status == PrivacyRequestStatus.Open;
}

/// <summary>Who asked, as the account and the profile say now (after a deletion: the anonymous placeholder).</summary>
public sealed record RequestResident(string DisplayName, string UserName, string? AccountPhone, string? FullName, string? ProfilePhone, bool IsDisabled);

public sealed record RequestPage(RequestDetail Request, RequestResident Resident)
{
    public CompleteForm? Complete { get; init; }
    public RejectForm? Reject { get; init; }
}
